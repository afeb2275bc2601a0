import Foundation

/// Disclosure control for figures that leave the organisation (IMPACT.md, "Disclosure control").
///
/// - Counts 1–7 are hidden ("fewer than 8"); a true 0 is shown as 0.
/// - Secondary suppression: when exactly one cell of a set is hidden, the smallest other non-zero
///   cell is hidden too, so the hidden one cannot be worked back from the total.
/// - Published counts are rounded to the nearest 5.
/// - No percentage or mean on a base under 10; a base under 30 is "low reliability".
public enum Disclosure {
    /// The largest count that is hidden; 1…7 are shown as "fewer than 8".
    public static let largestHiddenCount = 7
    /// Counts are published rounded to a multiple of this.
    public static let roundingBase = 5
    /// No mean, median or percentage is published on a base below this.
    public static let minimumBaseForMeans = 10
    /// A base below this is marked "low reliability".
    public static let lowReliabilityBase = 30

    /// The nearest multiple of 5 (an integer is never exactly halfway, so there are no ties):
    /// 1–2 → 0, 3–7 → 5, 8–12 → 10. Negative numbers are rounded symmetrically.
    public static func roundToNearest5(_ count: Int) -> Int {
        let magnitude = count.magnitude
        let rounded = Int((magnitude + 2) / 5 * 5)
        return count < 0 ? -rounded : rounded
    }

    /// Whether a count is hidden by the primary rule (1…7).
    public static func isSmall(_ count: Int) -> Bool {
        count >= 1 && count <= largestHiddenCount
    }

    /// Hides counts 1–7 (`nil`), keeps zeros as 0 and, when exactly one cell was hidden, hides
    /// also the smallest other non-zero cell (the first of equals). Shown counts are not rounded
    /// here; see ``publish(_:)``.
    public static func suppressSmallCounts(_ counts: [Int]) -> [Int?] {
        var result: [Int?] = counts.map { isSmall($0) ? nil : $0 }
        let hidden = result.indices.filter { result[$0] == nil }
        if hidden.count == 1 {
            let candidates = counts.indices.filter { $0 != hidden[0] && counts[$0] != 0 }
            if let smallest = candidates.min(by: { counts[$0] < counts[$1] }) {
                result[smallest] = nil
            }
        }
        return result
    }

    /// Counts as published: ``suppressSmallCounts(_:)``, then the shown ones rounded to the nearest 5.
    public static func publish(_ counts: [Int]) -> [Int?] {
        suppressSmallCounts(counts).map { $0.map(roundToNearest5) }
    }

    /// A single count (such as a total) as published: `nil` when 1–7, otherwise rounded to the nearest 5.
    public static func publish(_ count: Int) -> Int? {
        isSmall(count) ? nil : roundToNearest5(count)
    }

    /// Whether a mean, median or percentage may be published on this base (10 or more).
    public static func allowsMeans(base: Int) -> Bool {
        base >= minimumBaseForMeans
    }

    /// Whether a base is to be marked "low reliability" (under 30).
    public static func isLowReliability(base: Int) -> Bool {
        base < lowReliabilityBase
    }
}
