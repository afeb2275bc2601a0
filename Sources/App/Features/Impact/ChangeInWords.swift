import Foundation
import Statistics

/// What a move on an indicator means, in the indicator's own words, for the first sentence of its
/// analysis: "12 of 16 pupils now mix more often with people from other backgrounds; 3 stayed the
/// same; 1 less often."
struct ChangeInWords: Sendable, Equatable {
    /// Said of the people who improved: "now mix more often with people from other backgrounds".
    let better: String
    /// Said, after a count, of those who got worse: "less often".
    let worse: String

    static func of(_ item: SurveyItem) -> ChangeInWords {
        if let words = item.indicator.flatMap({ library[$0.code] }) { return words }
        let name = item.indicator?.construct ?? item.question
        return ChangeInWords(better: "now give a better answer on \u{201C}\(name)\u{201D}", worse: "a worse one")
    }

    private static let others = "people from other backgrounds"

    private static let library: [String: ChangeInWords] = [
        "CLS-COHESION": .init(
            better: "now agree more that people from different backgrounds get on well together in their area",
            worse: "less"),
        "CLS-BELONG": .init(
            better: "now feel they belong more strongly to their neighbourhood", worse: "less strongly"),
        "CLS-TRUST": .init(better: "now trust more of the people in their neighbourhood", worse: "fewer"),
        "CLS-INFLUENCE": .init(
            better: "now feel more able to influence decisions about their area", worse: "less able"),
        "CLS-SATISFIED": .init(
            better: "are now more satisfied with their area as a place to live", worse: "less satisfied"),
        "CLS-PULL": .init(
            better: "now agree more that people in their neighbourhood pull together to improve it", worse: "less"),
        "CONTACT-AMOUNT": .init(better: "now spend time with \(others) more often", worse: "less often"),
        "CONTACT-QUALITY": .init(better: "now find their time with \(others) better", worse: "worse"),
        "CONTACT-FRIENDS": .init(better: "now have more close friends from other backgrounds", worse: "fewer"),
        "ANXIETY": .init(better: "now feel more at ease among \(others)", worse: "less at ease"),
        "THERMOMETER": .init(better: "now feel warmer towards \(others)", worse: "colder"),
        "DISTANCE": .init(
            better: "would now be comfortable with someone from another background in more parts of their life",
            worse: "in fewer parts"),
        "MIXING": .init(better: "now mix more often with \(others)", worse: "less often"),
        "CONFIDENCE": .init(better: "now feel more confident talking about a divisive topic", worse: "less confident"),
    ]

    /// The first sentence of an indicator's analysis: what changed, for whom, true of the counts
    /// as shown (exact inside the organisation, under disclosure control beyond it). `nil` when
    /// there are too few pairs to say, where the summary explains why.
    func sentence(_ change: ChangeAnalysis, people: String, lookingBack: Bool = false) -> String? {
        guard let split = change.counts, (change.nPairs ?? Int.max) >= PairedAnalysis.minimumPairsToSummarise
        else { return nil }
        if split.isWithheld {
            return
                "Some \(people) answered both times, but with counts this small any figure could give one person's answer away, so none is shown."
        }
        func said(_ index: Int) -> String {
            split.parts[index] == .exact(0) ? "none" : split.cell(index)
        }
        // One person takes a singular verb: "1 of 16 pupils now feels more confident".
        let improvedWords = split.parts[0] == .exact(1) ? Self.singular(better) : better
        let clauses = [(said(0), improvedWords), (said(1), "stayed the same"), (said(2), worse)]
        // A hidden part is named by what its people did, whatever the indicator's words.
        let hiddenWords = ["improved", "stayed the same", "got worse"]
        var shown: [String] = []
        var hidden: [String] = []
        for (index, clause) in clauses.enumerated() {
            if split.parts[index] == .hidden {
                hidden.append(hiddenWords[index])
            } else if index == 0 && split.isExact {
                shown.append("\(clause.0) of \(split.whole.text) \(people) \(clause.1)")
            } else {
                shown.append("\(clause.0) \(clause.1)")
            }
        }
        var sentence = (split.isExact ? "" : "Of \(split.whole.text) \(people), ") + shown.joined(separator: "; ")
        if !hidden.isEmpty {
            sentence +=
                "; how many " + hidden.joined(separator: " or ")
                + " is hidden, so that a small count cannot be worked out"
        }
        let said = lookingBack ? "Looking back, " + sentence : sentence
        return said.prefix(1).uppercased() + said.dropFirst() + "."
    }

    /// The words for one person: "now feel" becomes "now feels", "are now" becomes "is now".
    static func singular(_ words: String) -> String {
        for (plural, one) in [
            ("now feel ", "now feels "), ("now mix ", "now mixes "), ("now agree ", "now agrees "),
            ("now trust ", "now trusts "), ("now spend ", "now spends "), ("now find ", "now finds "),
            ("now have ", "now has "), ("are now ", "is now "), ("now give ", "now gives "),
        ] where words.hasPrefix(plural) {
            return one + words.dropFirst(plural.count)
        }
        return words
    }
}
