import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's public-domain reference code), a small
/// pseudo-random generator defined entirely by 64-bit integer arithmetic, so the same seed gives
/// the same stream on every platform and in every language:
///
///     state = state + 0x9E3779B97F4A7C15            (mod 2⁶⁴)
///     z = (state ^ (state >> 30)) × 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) × 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// Not for anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0 ..< bound without modulo bias, by rejection: draws below
    /// 2⁶⁴ mod bound are thrown away and the next draw is taken mod bound.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range  // 2⁶⁴ mod range
        while true {
            let draw = next()
            if draw >= threshold { return Int(draw % range) }
        }
    }
}

/// A bootstrap confidence interval.
public struct BootstrapInterval: Sendable, Equatable, Codable {
    /// The statistic on the sample itself.
    public let estimate: Double
    public let low: Double
    public let high: Double
    public let confidence: Double
    public let resamples: Int
    public let seed: UInt64
    /// The bias correction ẑ₀.
    public let biasCorrection: Double
    /// The jackknife acceleration â.
    public let acceleration: Double
}

/// Bootstrap intervals that are reproducible: a fixed seed gives the same interval everywhere.
public enum Bootstrap {
    /// The seed reports use unless told otherwise.
    public static let defaultSeed: UInt64 = 20_250_601

    /// The bias-corrected and accelerated (BCa) interval of Efron and Tibshirani (1993, §14.3).
    ///
    /// Resampling order (so that another implementation can reproduce it exactly): a
    /// ``SplitMix64`` seeded with `seed`; for each of the `resamples` resamples in turn, n draws
    /// of ``SplitMix64/nextIndex(below:)`` with bound n pick the observations in order; the
    /// statistic of that resample is recorded. Then, as `scipy.stats.bootstrap(method="BCa")`:
    ///
    /// - ẑ₀ = Φ⁻¹((#{θ*ᵦ < θ̂} + #{θ*ᵦ ≤ θ̂}) / (2B)) (ties count half);
    /// - â = Σ(θ̄₍·₎ − θ₍ᵢ₎)³ / (6·(Σ(θ̄₍·₎ − θ₍ᵢ₎)²)^{3/2}) from the n leave-one-out jackknife
    ///   values θ₍ᵢ₎ (0 when they are all equal);
    /// - α₁,₂ = Φ(ẑ₀ + (ẑ₀ + z_{α/2, 1−α/2}) / (1 − â(ẑ₀ + z_{α/2, 1−α/2}))), α = 1 − confidence;
    /// - the interval is the α₁ and α₂ quantiles (type 7, ``Descriptive/quantile(sorted:p:)``)
    ///   of the B resampled statistics.
    ///
    /// `nil` under two observations, with fewer than one resample or a confidence outside (0, 1),
    /// or when the interval is undefined: every resampled statistic on one side of θ̂
    /// (ẑ₀ infinite), or a non-finite statistic.
    public static func bca(
        sample: [Double],
        statistic: ([Double]) -> Double,
        resamples: Int = 2000,
        seed: UInt64 = defaultSeed,
        confidence: Double = 0.95
    ) -> BootstrapInterval? {
        let n = sample.count
        guard n >= 2, resamples >= 1, confidence > 0, confidence < 1 else { return nil }
        let estimate = statistic(sample)
        guard estimate.isFinite else { return nil }

        var generator = SplitMix64(seed: seed)
        var resampled = [Double](repeating: 0, count: n)
        var replicates = [Double]()
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for i in 0..<n { resampled[i] = sample[generator.nextIndex(below: n)] }
            let value = statistic(resampled)
            guard value.isFinite else { return nil }
            replicates.append(value)
        }

        var below = 0
        var atOrBelow = 0
        for value in replicates {
            if value < estimate { below += 1 }
            if value <= estimate { atOrBelow += 1 }
        }
        let biasCorrection = NormalDistribution.quantile(Double(below + atOrBelow) / Double(2 * resamples))
        guard biasCorrection.isFinite else { return nil }

        var jackknife = [Double]()
        jackknife.reserveCapacity(n)
        var leftOut = sample
        leftOut.removeLast()
        // Leave out observation i: the others in their original order.
        for i in 0..<n {
            var index = 0
            for j in 0..<n where j != i {
                leftOut[index] = sample[j]
                index += 1
            }
            jackknife.append(statistic(leftOut))
        }
        guard let jackknifeMean = Descriptive.mean(jackknife), jackknifeMean.isFinite else { return nil }
        var sumOfCubes = 0.0
        var sumOfSquares = 0.0
        for value in jackknife {
            let deviation = jackknifeMean - value
            sumOfSquares += deviation * deviation
            sumOfCubes += deviation * deviation * deviation
        }
        let acceleration = sumOfSquares > 0 ? sumOfCubes / (6 * pow(sumOfSquares, 1.5)) : 0

        let alpha = (1 - confidence) / 2
        let zLow = NormalDistribution.quantile(alpha)
        let zHigh = -zLow
        func adjusted(_ z: Double) -> Double {
            let shifted = biasCorrection + z
            return NormalDistribution.cdf(biasCorrection + shifted / (1 - acceleration * shifted))
        }
        let alphaLow = adjusted(zLow)
        let alphaHigh = adjusted(zHigh)
        guard alphaLow.isFinite, alphaHigh.isFinite else { return nil }
        let sorted = replicates.sorted()
        guard let low = Descriptive.quantile(sorted: sorted, p: min(max(alphaLow, 0), 1)),
            let high = Descriptive.quantile(sorted: sorted, p: min(max(alphaHigh, 0), 1))
        else { return nil }
        return BootstrapInterval(
            estimate: estimate,
            low: low,
            high: high,
            confidence: confidence,
            resamples: resamples,
            seed: seed,
            biasCorrection: biasCorrection,
            acceleration: acceleration
        )
    }
}
