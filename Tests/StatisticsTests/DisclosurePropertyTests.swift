import Foundation
import PropertyBased
import Statistics
import Testing

/// Random answer sets, published: every cell and sentence must be true of the real counts, and no
/// withheld count may be worked back from what is shown.
@Suite struct DisclosurePropertyTests {
    /// Counts as real groups have them: often 0, often small, sometimes large.
    static let count = Gen<Int>.oneOf(
        Gen<Int>.value(in: 0...0), Gen<Int>.value(in: 1...9), Gen<Int>.value(in: 8...40), Gen<Int>.value(in: 40...400))

    @Test func everyPublishedCellIsTrueOfTheRealCounts() async {
        await propertyCheck(count: 500, input: Self.count.array(of: 2...6)) { counts in
            let split = Disclosure.split(counts, exact: false)
            let whole = counts.reduce(0, +)
            if split.isWithheld {
                // Nothing is printed: no figure to be untrue.
                #expect(split.parts.allSatisfy { $0 == .hidden } && split.numbers.allSatisfy { $0 == nil })
                return
            }
            Self.expectTrue(split.whole, of: whole)
            for (index, count) in counts.enumerated() {
                Self.expectTrue(split.parts[index], of: count)
                if split.parts[index] == .hidden {
                    #expect(
                        split.parts.contains(.fewerThanEight),
                        "a count is hidden only to protect a small one: \(counts)")
                }
                if let share = split.shares[index] {
                    #expect(whole >= 10, "no share on a base under 10: \(counts)")
                    #expect(Self.shareIsTrue(share, part: count, whole: whole), "\(share) for \(count) of \(whole)")
                }
                if let number = split.numbers[index], let wholeNumber = split.whole.number, number >= wholeNumber {
                    #expect(count == whole, "\(number) of \(wholeNumber) would mean everyone: \(counts)")
                }
            }
        }
    }

    @Test func noWithheldCountCanBeWorkedBackFromWhatIsShown() async {
        await propertyCheck(count: 300, input: Self.count.array(of: 3)) { counts in
            Self.expectNoWithheldCountCanBeWorkedBack(counts)
        }
    }

    /// Draws that once gave a count away, or that the issue names (12 of 16, 13 of 16).
    @Test(arguments: [[8, 1, 17], [24, 7, 7], [12, 3, 1], [13, 3, 0], [8, 1, 8]])
    func noWithheldCountCanBeWorkedBackFromTheseCounts(counts: [Int]) {
        Self.expectNoWithheldCountCanBeWorkedBack(counts)
    }

    static func expectNoWithheldCountCanBeWorkedBack(_ counts: [Int]) {
        let published = Disclosure.split(counts, exact: false)
        // When nothing at all is shown, there is no figure to work anything back from.
        guard !published.isWithheld else { return }
        for index in counts.indices where published.parts[index].isWithheld {
            // Another answer set, near this one, that publishes exactly the same figures but has
            // a different count in the withheld cell: a reader cannot tell the two apart.
            // Only counts that could stand behind each shown cell need trying: within 2 of a
            // rounded one, 1 to 7 for "fewer than 8", 0 for a 0, and for a hidden one anything
            // from 8 up to the largest whole the published whole allows.
            guard let wholeRange = Disclosure.possibleCounts(behind: published.whole) else {
                Issue.record("a split with figures shown has a whole: \(counts)")
                return
            }
            let near = published.parts.map {
                Disclosure.possibleCounts(behind: $0) ?? (Disclosure.largestHiddenCount + 1)...wholeRange.upperBound
            }
            for (count, range) in zip(counts, near) { #expect(range.contains(count)) }
            var alternative = false
            search: for a in near[0] {
                for b in near[1] {
                    for c in near[2] {
                        let other = [a, b, c]
                        guard wholeRange.contains(a + b + c), other[index] != counts[index] else { continue }
                        if Disclosure.split(other, exact: false) == published {
                            alternative = true
                            break search
                        }
                    }
                }
            }
            #expect(alternative, "the withheld count \(index) of \(counts) can be worked out")
        }
    }

    @Test func everyPublishedSentenceIsTrueOfTheRealCounts() async {
        await propertyCheck(count: 400, input: Self.count, Self.count, Self.count) { improved, same, worse in
            let pairs =
                Array(repeating: (before: 2.0, after: 4.0), count: improved)
                + Array(repeating: (before: 3.0, after: 3.0), count: same)
                + Array(repeating: (before: 4.0, after: 1.0), count: worse)
            let summary = PairedAnalysis.analyse(
                indicator: "MIXING", pairs: pairs, lowerIsBetter: false, public: true
            ).summary
            let total = improved + same + worse
            guard total >= PairedAnalysis.minimumPairsToSummarise else { return }
            if summary.contains("so none is shown") { return }
            for (words, count) in [("improved", improved), ("stayed the same", same), ("got worse", worse)] {
                if let phrase = Self.phrase(before: words, in: summary) {
                    #expect(Self.phraseIsTrue(phrase, count: count, whole: total), "\(summary) [\(count) \(words)]")
                } else {
                    #expect(
                        summary.contains("how many") && summary.contains(words) && summary.contains("is hidden"),
                        "\(words) is neither stated nor said to be hidden: \(summary)")
                    #expect(!summary.contains("fewer than 8 \(words)"), "\(summary)")
                }
            }
        }
    }

    // MARK: Truth

    static func expectTrue(_ shown: ShownCount, of count: Int) {
        switch shown {
        case .exact(let value): #expect(value == count && count == 0, "only a true 0 is shown exactly: \(count)")
        case .about(let value):
            #expect(value % 5 == 0 && abs(value - count) <= 2 && count >= 8, "about \(value) for \(count)")
        case .fewerThanEight: #expect((1...7).contains(count), "fewer than 8 for \(count)")
        case .hidden: #expect(count > 0, "hidden for a true 0")
        }
    }

    static func shareIsTrue(_ share: String, part: Int, whole: Int) -> Bool {
        let fraction = Double(part) / Double(whole)
        switch share {
        case "all": return part == whole
        case "most": return fraction > 0.5 && part < whole
        case "none": return part == 0
        case "more than 9 in 10": return fraction > 0.9 && part < whole
        case "fewer than 1 in 10": return fraction < 0.1 && part > 0
        default:
            let words = share.split(separator: " ")
            guard words.count == 4, words[0] == "about", let tenths = Double(words[1]) else { return false }
            return abs(fraction - tenths / 10) <= 0.05 + 1e-9 && part > 0 && part < whole
        }
    }

    /// The words just before "improved" (or the others) in a sentence: "about 8 in 10", "none".
    static func phrase(before words: String, in sentence: String) -> String? {
        let patterns = [
            "about \\d+ in 10", "more than 9 in 10", "fewer than 1 in 10", "all", "most", "none", "fewer than 8",
            "about \\d+",
        ]
        for pattern in patterns {
            if let range = sentence.range(of: "(, |Of [^,]+, | and )\(pattern) \(words)", options: .regularExpression) {
                let match = String(sentence[range])
                let start = match.range(of: "(^, |^Of [^,]+, |^ and )", options: .regularExpression)!
                return String(match[start.upperBound...].dropLast(words.count + 1))
            }
        }
        return nil
    }

    static func phraseIsTrue(_ phrase: String, count: Int, whole: Int) -> Bool {
        if phrase == "fewer than 8" { return Disclosure.isSmall(count) }
        if phrase.hasPrefix("about "), !phrase.hasSuffix("in 10"), let value = Int(phrase.dropFirst(6)) {
            return abs(value - count) <= 2 && count >= 8
                && (value < Disclosure.roundToNearest5(whole) || count == whole)
        }
        return shareIsTrue(phrase, part: count, whole: whole)
    }
}
