import Foundation

/// The standard normal distribution N(0, 1).
public enum NormalDistribution {
    /// Φ(x) = P(Z ≤ x), from the C library's complementary error function
    /// (Φ(x) = ½·erfc(−x/√2), accurate to a few units in the last place, also far in the tails).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// 1 − Φ(x) = P(Z > x), computed directly so that small upper tails keep their precision.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// The density φ(x).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// Φ⁻¹(p), by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37 (1988) 477–484),
    /// relative accuracy about 1e-16. Returns −∞ at 0, +∞ at 1 and NaN outside 0…1.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator =
                ((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                    + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                    + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                    + 1.3314166789178437745e2) * r + 3.3871328727963666080e0
            let denominator =
                ((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                    + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                    + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                    + 4.2313330701600911252e1) * r + 1.0
            return q * numerator / denominator
        }
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let numerator =
                ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                    + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                    + 4.63033784615654529590e0) * r + 1.42343711074968357734e0
            let denominator =
                ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                    + 2.05319162663775882187e0) * r + 1.0
            value = numerator / denominator
        } else {
            r -= 5
            let numerator =
                ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                    + 5.46378491116411436990e0) * r + 6.65790464350110377720e0
            let denominator =
                ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }
}

/// Student's t distribution with `df` degrees of freedom (any positive real `df`).
public enum StudentT {
    /// P(T ≤ t), through the regularized incomplete beta function:
    /// P(T > |t|) = ½·I_x(df/2, ½) with x = df / (df + t²).
    public static func cdf(_ t: Double, df: Double) -> Double {
        guard !t.isNaN, df > 0 else { return .nan }
        let tail = upperTail(abs(t), df: df)
        return t < 0 ? tail : 1 - tail
    }

    /// P(T > t), computed without cancellation for large t.
    public static func survival(_ t: Double, df: Double) -> Double {
        guard !t.isNaN, df > 0 else { return .nan }
        let tail = upperTail(abs(t), df: df)
        return t < 0 ? 1 - tail : tail
    }

    /// The two-sided p-value P(|T| ≥ |t|) = I_x(df/2, ½), x = df / (df + t²).
    public static func twoSidedP(t: Double, df: Double) -> Double {
        guard !t.isNaN, df > 0 else { return .nan }
        return min(1, 2 * upperTail(abs(t), df: df))
    }

    /// The density of T at t.
    public static func density(_ t: Double, df: Double) -> Double {
        let logDensity =
            lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
            - (df + 1) / 2 * log1p(t * t / df)
        return exp(logDensity)
    }

    /// The quantile: the t with P(T ≤ t) = p. The upper-tail equation ½·I_x(df/2, ½) = q is
    /// solved by Newton's method kept inside a bisection bracket, to a relative step of 1e-15
    /// (so the result is as accurate as the CDF itself, about 1e-13 or better).
    /// Returns ∓∞ at 0 and 1 and NaN outside 0…1.
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard p >= 0, p <= 1, df > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        return p < 0.5 ? -upperQuantile(p, df: df) : upperQuantile(1 - p, df: df)
    }

    /// P(T > t) for t ≥ 0.
    static func upperTail(_ t: Double, df: Double) -> Double {
        if t == 0 { return 0.5 }
        if t.isInfinite { return 0 }
        let tSquared = t * t
        if tSquared.isInfinite { return 0 }
        let x = df / (df + tSquared)
        let complement = tSquared / (df + tSquared)
        return 0.5 * SpecialFunctions.regularizedIncompleteBeta(a: df / 2, b: 0.5, x: x, complementOfX: complement)
    }

    /// The t > 0 with P(T > t) = q, for 0 < q < ½.
    static func upperQuantile(_ q: Double, df: Double) -> Double {
        // Start from the normal quantile with the first Cornish–Fisher term, then bracket.
        let z = -NormalDistribution.quantile(q)
        var t = max(z + (z * z * z + z) / (4 * df), 1e-3)
        var low = 0.0
        var high = t
        while upperTail(high, df: df) > q {
            low = high
            high *= 2
            if high.isInfinite { return .infinity }
        }
        t = min(max(t, low), high)
        for _ in 0..<200 {
            let difference = upperTail(t, df: df) - q
            if difference == 0 { return t }
            // The tail falls as t grows: a positive difference means t is too small.
            if difference > 0 { low = t } else { high = t }
            let slope = density(t, df: df)
            var next = t + difference / slope
            if !(next > low && next < high) || !next.isFinite { next = (low + high) / 2 }
            let step = abs(next - t)
            t = next
            if step <= 1e-15 * max(1, abs(t)) || high - low <= 1e-15 * max(1, high) { break }
        }
        return t
    }
}

/// Special functions behind the distributions.
public enum SpecialFunctions {
    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
    public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        regularizedIncompleteBeta(a: a, b: b, x: x, complementOfX: 1 - x)
    }

    /// I_x(a, b) given both x and 1 − x, so callers who know 1 − x more precisely than by
    /// subtraction (as the t distribution does: t²/(df + t²)) keep that precision.
    /// Evaluated with the continued fraction of Numerical Recipes §6.4 by the modified Lentz
    /// method (relative tolerance 1e-16), on whichever of I_x(a, b) and 1 − I_{1−x}(b, a)
    /// converges quickly.
    public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double, complementOfX xc: Double) -> Double {
        guard a > 0, b > 0, x >= 0, xc >= 0, !x.isNaN, !xc.isNaN else { return .nan }
        if x == 0 { return 0 }
        if xc == 0 { return 1 }
        let logFront = a * log(x) + b * log(xc) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(a: b, b: a, x: xc) / b
    }

    static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let mm = Double(m)
            let m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }
}
