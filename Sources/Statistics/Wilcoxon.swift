import Foundation

/// The result of a Wilcoxon signed-rank test.
public struct WilcoxonResult: Sendable, Equatable, Codable {
    /// How the p-value was obtained.
    public enum Method: String, Sendable, Codable {
        /// From the exact null distribution of W+ (no ties among |d|, at most 50 non-zero differences).
        case exact
        /// From the normal approximation with tie and continuity correction.
        case normal
    }

    /// The sum of the ranks of |d| over the positive differences.
    public let wPlus: Double
    /// The sum of the ranks of |d| over the negative differences.
    public let wMinus: Double
    /// The number of non-zero differences (the zeros are dropped before ranking).
    public let n: Int
    /// The two-sided p-value.
    public let p: Double
    public let method: Method
    /// The standardised statistic after the continuity correction (normal method only).
    public let z: Double?

    /// The matched-pairs rank-biserial correlation (W+ − W−) / (W+ + W−).
    public var rankBiserial: Double? { EffectSize.rankBiserial(wPlus: wPlus, wMinus: wMinus) }
}

/// The Wilcoxon signed-rank test for paired data.
public enum Wilcoxon {
    /// The largest number of non-zero differences for which the exact distribution is used.
    public static let exactLimit = 50

    /// The test on the differences after − before.
    ///
    /// - Zero differences are dropped (Wilcoxon's own treatment; scipy `zero_method="wilcox"`).
    /// - |d| are ranked, tied values sharing the average of their ranks.
    /// - With at most ``exactLimit`` non-zero differences and no ties among their absolute values,
    ///   p comes from the exact null distribution of W+ (every sign pattern equally likely):
    ///   p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))), as scipy `method="exact"`.
    /// - Otherwise from the normal approximation: mean n(n+1)/4, variance
    ///   (n(n+1)(2n+1) − ½·Σ(t³ − t)) / 24 over tie groups of size t, and a continuity correction
    ///   of 0.5 towards the mean, as scipy `wilcoxon(d, zero_method="wilcox", correction=True,
    ///   method="asymptotic")` (formerly `"approx"`).
    ///
    /// Ties are exact equality of the Double values. Differences should be finite.
    /// `nil` when no difference is non-zero.
    public static func signedRank(differences: [Double]) -> WilcoxonResult? {
        let nonZero = differences.filter { $0 != 0 }
        let n = nonZero.count
        guard n > 0 else { return nil }
        let (ranks, tieSizes) = averageRanks(nonZero.map { abs($0) })
        var wPlus = 0.0
        var wMinus = 0.0
        for (difference, rank) in zip(nonZero, ranks) {
            if difference > 0 { wPlus += rank } else { wMinus += rank }
        }
        let hasTies = tieSizes.contains { $0 > 1 }
        if n <= exactLimit && !hasTies {
            let w = Int(wPlus.rounded())
            return WilcoxonResult(
                wPlus: wPlus, wMinus: wMinus, n: n, p: exactTwoSidedP(wPlus: w, n: n), method: .exact, z: nil)
        }
        let count = Double(n)
        let mean = count * (count + 1) / 4
        var varianceTimes24 = count * (count + 1) * (2 * count + 1)
        for size in tieSizes where size > 1 {
            let t = Double(size)
            varianceTimes24 -= 0.5 * (t * t * t - t)
        }
        let standardError = (varianceTimes24 / 24).squareRoot()
        var z = (wPlus - mean) / standardError
        let sign: Double = z > 0 ? 1 : (z < 0 ? -1 : 0)
        z -= sign * 0.5 / standardError
        let p = min(1, 2 * NormalDistribution.survival(abs(z)))
        return WilcoxonResult(wPlus: wPlus, wMinus: wMinus, n: n, p: p, method: .normal, z: z)
    }

    /// The test on aligned before and after values (differences after − before); `nil` when the
    /// arrays differ in length or no difference is non-zero.
    public static func signedRank(before: [Double], after: [Double]) -> WilcoxonResult? {
        guard before.count == after.count else { return nil }
        return signedRank(differences: zip(before, after).map { $0.1 - $0.0 })
    }

    /// The number of subsets of the ranks {1, …, n} with each sum 0 … n(n+1)/2: the exact null
    /// distribution of W+ times 2ⁿ, by dynamic programming over the ranks. For n ≤ 50 every
    /// count is below 2⁵³ and so exact in a Double.
    public static func exactNullCounts(n: Int) -> [Double] {
        precondition(n >= 0 && n <= 60, "the exact distribution is for small n")
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        var reached = 0
        if n > 0 {
            for rank in 1...n {
                reached += rank
                var sum = reached
                while sum >= rank {
                    counts[sum] += counts[sum - rank]
                    sum -= 1
                }
            }
        }
        return counts
    }

    /// p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))) under the exact null distribution for n ranks.
    public static func exactTwoSidedP(wPlus w: Int, n: Int) -> Double {
        let counts = exactNullCounts(n: n)
        let total = pow(2.0, Double(n))
        let clamped = min(max(w, 0), counts.count - 1)
        var atMost = 0.0
        for k in 0...clamped { atMost += counts[k] }
        var atLeast = 0.0
        for k in clamped..<counts.count { atLeast += counts[k] }
        return min(1, 2 * min(atMost, atLeast) / total)
    }

    /// Ranks 1…n with ties given the average of the ranks they span (scipy `rankdata`,
    /// method "average"), and the size of every group of tied values.
    public static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = averageRank }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        return (ranks, tieSizes)
    }
}
