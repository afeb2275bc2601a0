import Foundation

/// A share with its confidence interval.
public struct ProportionInterval: Sendable, Equatable, Codable {
    /// successes ÷ total.
    public let estimate: Double
    public let low: Double
    public let high: Double
    public let confidence: Double
}

/// Wilson's score interval for a share (Wilson 1927), the interval to show beside a national figure.
public enum Wilson {
    /// With p̂ = x/n and z = Φ⁻¹(1 − (1 − confidence)/2):
    /// centre = (p̂ + z²/(2n)) / (1 + z²/n), half-width = z·√(p̂(1 − p̂)/n + z²/(4n²)) / (1 + z²/n),
    /// the same arithmetic as statsmodels' `proportion_confint(method="wilson")`. The ends are
    /// clamped to 0…1 (they can stray by a rounding error when x is 0 or n).
    /// `nil` when total ≤ 0, successes are outside 0…total, or confidence is outside (0, 1).
    public static func interval(successes: Int, total: Int, confidence: Double = 0.95) -> ProportionInterval? {
        guard total > 0, successes >= 0, successes <= total, confidence > 0, confidence < 1 else { return nil }
        let n = Double(total)
        let share = Double(successes) / n
        let z = NormalDistribution.quantile(1 - (1 - confidence) / 2)
        let zSquared = z * z
        let denominator = 1 + zSquared / n
        let centre = (share + zSquared / (2 * n)) / denominator
        let halfWidth = z * (share * (1 - share) / n + zSquared / (4 * n * n)).squareRoot() / denominator
        return ProportionInterval(
            estimate: share,
            low: max(0, centre - halfWidth),
            high: min(1, centre + halfWidth),
            confidence: confidence
        )
    }
}
