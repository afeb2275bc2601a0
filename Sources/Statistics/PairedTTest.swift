import Foundation

/// The paired t-test on the differences after − before, with the 95% confidence interval of the
/// mean difference.
///
/// The same computation as `scipy.stats.ttest_rel(after, before)` (two-sided) and
/// `scipy.stats.t.interval(0.95, n − 1, loc: mean, scale: SD/√n)`.
public struct PairedTTest: Sendable, Equatable, Codable {
    /// The number of pairs.
    public let n: Int
    /// t = mean difference ÷ (SD of differences / √n).
    public let t: Double
    /// Degrees of freedom, n − 1.
    public let df: Int
    /// The two-sided p-value from Student's t distribution.
    public let p: Double
    /// The mean of after − before.
    public let meanDifference: Double
    /// The sample standard deviation (n − 1) of after − before.
    public let sdDifference: Double
    /// The standard error of the mean difference, √(variance / n).
    public let standardError: Double
    /// The 95% confidence interval of the mean difference: mean ± t₀.₉₇₅,df · standard error.
    public let ci95Low: Double
    public let ci95High: Double

    /// The test on pairs given as two aligned arrays; differences are `after[i] − before[i]`.
    /// `nil` when the arrays differ in length, or as for ``init(differences:)``.
    public init?(before: [Double], after: [Double]) {
        guard before.count == after.count else { return nil }
        self.init(differences: zip(before, after).map { $0.1 - $0.0 })
    }

    /// The test on the differences themselves.
    ///
    /// `nil` when there are fewer than two differences (no standard deviation) or when every
    /// difference is the same, so the SD is 0: t would be ±∞ (or 0/0 when all are zero) and the
    /// test says nothing a reader can use, so no result is given rather than an infinite t.
    public init?(differences: [Double]) {
        guard differences.count >= 2,
            let mean = Descriptive.mean(differences),
            let variance = Descriptive.variance(differences),
            variance > 0, mean.isFinite, variance.isFinite
        else { return nil }
        let n = differences.count
        let standardError = (variance / Double(n)).squareRoot()
        let t = mean / standardError
        let df = n - 1
        let critical = StudentT.quantile(0.975, df: Double(df))
        self.n = n
        self.t = t
        self.df = df
        self.p = StudentT.twoSidedP(t: t, df: Double(df))
        self.meanDifference = mean
        self.sdDifference = variance.squareRoot()
        self.standardError = standardError
        self.ci95Low = mean - critical * standardError
        self.ci95High = mean + critical * standardError
    }
}

/// Effect sizes for paired data.
public enum EffectSize {
    /// Cohen's d_z: the mean of the differences ÷ their sample SD (n − 1).
    /// `nil` under two differences or when the SD is 0.
    public static func dz(differences: [Double]) -> Double? {
        guard let mean = Descriptive.mean(differences),
            let sd = Descriptive.standardDeviation(differences), sd > 0
        else { return nil }
        return mean / sd
    }

    /// Hedges' small-sample correction factor J = 1 − 3 / (4·(n − 1) − 1); `nil` under two pairs.
    public static func hedgesCorrection(n: Int) -> Double? {
        guard n >= 2 else { return nil }
        return 1 - 3 / (4 * Double(n - 1) - 1)
    }

    /// g_z = d_z × (1 − 3 / (4·(n − 1) − 1)), n the number of pairs.
    public static func gz(dz: Double, n: Int) -> Double? {
        hedgesCorrection(n: n).map { dz * $0 }
    }

    /// g_z computed from the differences.
    public static func gz(differences: [Double]) -> Double? {
        dz(differences: differences).flatMap { gz(dz: $0, n: differences.count) }
    }

    /// The matched-pairs rank-biserial correlation (W+ − W−) / (W+ + W−), from −1 (every change
    /// negative) to 1 (every change positive); `nil` when both sums are 0.
    public static func rankBiserial(wPlus: Double, wMinus: Double) -> Double? {
        let total = wPlus + wMinus
        guard total > 0 else { return nil }
        return (wPlus - wMinus) / total
    }
}
