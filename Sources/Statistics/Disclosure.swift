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

    /// Counts as published, as numbers: the counts `shown(_:)` gives, with `nil` for a withheld one.
    public static func publish(_ counts: [Int]) -> [Int?] {
        shown(counts).map(\.number)
    }

    /// A single count (such as a total) as published: `nil` when 1–7, otherwise rounded to the nearest 5.
    public static func publish(_ count: Int) -> Int? {
        shown(count).number
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

/// A count as a reader sees it. Inside the organisation every count is ``exact(_:)``; beyond it, a
/// true 0 stays exact, counts of 8 or more are ``about(_:)`` (rounded to the nearest 5), 1–7 are
/// ``fewerThanEight``, and a count hidden only so that a small one cannot be worked back is
/// ``hidden``: saying "fewer than 8" of it would be false.
public enum ShownCount: Sendable, Hashable {
    case exact(Int)
    case about(Int)
    case fewerThanEight
    case hidden

    /// As a table cell: "12", "about 15", "fewer than 8", "hidden".
    public var text: String {
        switch self {
        case .exact(let count): return String(count)
        case .about(let count): return "about \(count)"
        case .fewerThanEight: return "fewer than \(Disclosure.largestHiddenCount + 1)"
        case .hidden: return "hidden"
        }
    }

    /// As a number for a download or JSON: the count shown, `nil` when it is withheld.
    public var number: Int? {
        switch self {
        case .exact(let count), .about(let count): return count
        case .fewerThanEight, .hidden: return nil
        }
    }

    /// Whether the count is withheld, for either reason.
    public var isWithheld: Bool { number == nil }
}

/// A whole and the parts it splits into (improved / stayed the same / got worse; the people giving
/// each answer), as published. Beyond the organisation, when the whole is 10 or more, each part
/// that is shown is given as a share of the whole in words ("about 8 in 10"), because a part and a
/// whole rounded on their own can tell a falsehood ("15 of 15" for 13 of 16).
public struct PublishedSplit: Sendable, Hashable {
    public let whole: ShownCount
    public let parts: [ShownCount]
    /// Per part, its share of the whole in words, where one is given.
    public let shares: [String?]
    /// Whether these are the true counts (inside the organisation).
    public let isExact: Bool

    /// What a reader sees for one part: its share in words when there is one, otherwise its count.
    public func cell(_ index: Int) -> String {
        shares[index] ?? parts[index].text
    }

    /// Per part, the number for a download or JSON: the count shown, or `nil` when withheld. A
    /// rounded part that would read as the whole (or more) while some people are not in it is
    /// withheld too: "15 of 15" must mean everyone.
    public let numbers: [Int?]

    /// Whether nothing of the split is shown, because any figure would give a small count away.
    public var isWithheld: Bool { !isExact && whole == .hidden }
}

extension Disclosure {
    /// Counts under disclosure control, each saying why it is withheld: 1–7 are "fewer than 8";
    /// the cell hidden by secondary suppression is "hidden"; the rest are rounded to the nearest 5.
    public static func shown(_ counts: [Int]) -> [ShownCount] {
        let suppressed = suppressSmallCounts(counts)
        return zip(counts, suppressed).map { count, kept in
            guard let kept else { return isSmall(count) ? .fewerThanEight : .hidden }
            return kept == 0 ? .exact(0) : .about(roundToNearest5(kept))
        }
    }

    /// One count (a total) under disclosure control.
    public static func shown(_ count: Int) -> ShownCount {
        if count == 0 { return .exact(0) }
        return isSmall(count) ? .fewerThanEight : .about(roundToNearest5(count))
    }

    /// Parts of a whole as published. Exact inside the organisation; beyond it, under disclosure
    /// control, with shares in words from a whole of 10 or more.
    ///
    /// A true share says more than a rounded count does, and beside a rounded whole it can pin down
    /// a withheld one (24, 7 and 7 of 38: "about 6 in 10" of "about 40" leaves room only for 7 and
    /// 7). So the choice is made from what a reader would see of the rounded counts, never from the
    /// exact ones, and holds for every set of counts behind them: shares when no set's shares would
    /// give a withheld count away; otherwise the rounded counts, with "most" for a part that would
    /// round to the whole; nothing at all when even those would. Because every set of counts that
    /// reads the same takes the same wording, a reader who knows the rule learns nothing more.
    public static func split(_ parts: [Int], exact: Bool) -> PublishedSplit {
        let whole = parts.reduce(0, +)
        if exact {
            return PublishedSplit(
                whole: .exact(whole), parts: parts.map { .exact($0) }, shares: parts.map { _ in nil }, isExact: true,
                numbers: parts)
        }
        let rounded = candidate(parts, wording: .roundedCounts)
        let withheldIndices = rounded.parts.indices.filter { rounded.parts[$0].isWithheld }
        if withheldIndices.isEmpty { return candidate(parts, wording: .trueShares) }
        // Trying every set of counts behind the figures is affordable for the three parts of a
        // change (improved, same, worse); a longer split with a withheld part shows nothing.
        guard parts.count <= 3 else { return withheld(parts.count) }
        let behind = countsBehind(rounded)
        // Even the rounded counts would give a small one away (8, 1 and 8: "hidden", "fewer than
        // 8" and "about 10" of "about 15" fit no other counts), so nothing is shown.
        guard eachVaries(behind, at: withheldIndices) else { return withheld(parts.count) }
        let readingTheSameWithShares = Dictionary(grouping: behind) { candidate($0, wording: .trueShares) }
        guard readingTheSameWithShares.values.allSatisfy({ eachVaries($0, at: withheldIndices) }) else {
            return rounded
        }
        return candidate(parts, wording: .trueShares)
    }

    /// Nothing shown: the whole and every part withheld.
    static func withheld(_ count: Int) -> PublishedSplit {
        PublishedSplit(
            whole: .hidden, parts: Array(repeating: .hidden, count: count), shares: Array(repeating: nil, count: count),
            isExact: false, numbers: Array(repeating: nil, count: count))
    }

    enum ShareWording {
        /// Each shown part as its true share in words.
        case trueShares
        /// Each shown part as its rounded count; "most" for one that would round to the whole.
        case roundedCounts
    }

    static func candidate(_ parts: [Int], wording: ShareWording) -> PublishedSplit {
        let whole = parts.reduce(0, +)
        let shownParts = shown(parts)
        let shownWhole = shown(whole)
        // A part that would read as the whole (or more) while some people are not in it.
        let readsAsWhole: [Bool] = zip(parts, shownParts).map { part, shownPart in
            guard part < whole, let number = shownPart.number, let wholeNumber = shownWhole.number else { return false }
            return number > 0 && number >= wholeNumber
        }
        let shares: [String?] = parts.indices.map { index in
            switch wording {
            case .trueShares:
                guard allowsMeans(base: whole), case .about = shownParts[index] else { return nil }
                return shareInWords(parts[index], of: whole)
            case .roundedCounts:
                // More than half, whatever the exact counts behind the two rounded figures.
                return readsAsWhole[index] ? "most" : nil
            }
        }
        let numbers: [Int?] = parts.indices.map { readsAsWhole[$0] ? nil : shownParts[$0].number }
        return PublishedSplit(whole: shownWhole, parts: shownParts, shares: shares, isExact: false, numbers: numbers)
    }

    /// The counts that could stand behind one shown count: a rounded one is within 2 (and 8 or
    /// more), "fewer than 8" is 1 to 7, a 0 is 0. A hidden count is bounded only by the whole.
    public static func possibleCounts(behind shown: ShownCount) -> ClosedRange<Int>? {
        switch shown {
        case .exact(let value): return value...value
        case .about(let value): return max(largestHiddenCount + 1, value - 2)...(value + 2)
        case .fewerThanEight: return 1...largestHiddenCount
        case .hidden: return nil
        }
    }

    /// Every set of counts whose rounded counts publish exactly as `published` does. At most one
    /// part is hidden (secondary suppression hides one), and it is what the whole leaves.
    static func countsBehind(_ published: PublishedSplit) -> [[Int]] {
        let hiddenIndices = published.parts.indices.filter { published.parts[$0] == .hidden }
        guard hiddenIndices.count <= 1, let wholeRange = possibleCounts(behind: published.whole) else { return [] }
        let hiddenIndex = hiddenIndices.first
        let ranges = published.parts.map { possibleCounts(behind: $0) ?? 0...0 }
        var found: [[Int]] = []
        var counts = Array(repeating: 0, count: published.parts.count)
        func fill(_ position: Int) {
            guard position == counts.count else {
                for value in ranges[position] {
                    counts[position] = value
                    fill(position + 1)
                }
                return
            }
            let shownSum = counts.reduce(0, +)
            for whole in wholeRange {
                var possible = counts
                if let hiddenIndex {
                    guard whole - shownSum > largestHiddenCount else { continue }
                    possible[hiddenIndex] = whole - shownSum
                } else if shownSum != whole {
                    continue
                }
                if candidate(possible, wording: .roundedCounts) == published { found.append(possible) }
            }
        }
        fill(0)
        return found
    }

    /// Whether, among these sets of counts, each of the given parts takes more than one value: then
    /// no reader who sees what they have in common can tell which is true.
    static func eachVaries(_ sets: [[Int]], at indices: [Int]) -> Bool {
        indices.allSatisfy { index in Set(sets.map { $0[index] }).count > 1 }
    }

    /// A share in words that is true of the exact counts: "all", "none", "more than 9 in 10",
    /// "fewer than 1 in 10", or "about k in 10" when the share is within half a tenth of k/10.
    public static func shareInWords(_ part: Int, of whole: Int) -> String? {
        guard whole > 0, part >= 0, part <= whole else { return nil }
        if part == whole { return "all" }
        if part == 0 { return "none" }
        // In whole numbers, so that a share exactly halfway between tenths rounds the same way on every machine.
        if part * 20 >= whole * 19 { return "more than 9 in 10" }
        if part * 20 < whole { return "fewer than 1 in 10" }
        let tenths = (part * 20 + whole) / (whole * 2)
        return "about \(tenths) in 10"
    }

    /// The one line that goes with figures that have left the organisation.
    public static let publishedNote =
        "Figures are under disclosure control: counts are rounded to the nearest 5, counts under 8 are not shown, a count marked \u{201C}hidden\u{201D} is withheld so that a small one cannot be worked out, and shares and averages need at least 10 people."
}
