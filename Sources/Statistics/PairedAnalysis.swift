import Foundation

/// What the built-in indicator library knows about direction (IMPACT.md, "Indicator library").
public enum IndicatorLibrary {
    /// Built-in codes for which a lower score is better. IMPACT.md marks only ANXIETY
    /// (intergroup anxiety); every other code is higher-is-better unless the caller says otherwise.
    public static let lowerIsBetter: Set<String> = ["ANXIETY"]

    /// Whether lower is better for `code`: a built-in lower-is-better code, or one of `extra`
    /// (e.g. from `--lower-is-better CODE`). Codes are compared without regard to case.
    public static func isLowerBetter(_ code: String, alsoLowerIsBetter extra: Set<String> = []) -> Bool {
        let upper = code.uppercased()
        return lowerIsBetter.contains(upper) || extra.contains { $0.uppercased() == upper }
    }
}

/// The analysis of one set of paired answers (before → after, or then → after), in the shape of
/// the `bridgework analyse` JSON contract. Fields that the sample-size or disclosure rules
/// withhold are `nil`, and are written as JSON `null`, never left out.
///
/// Direction: `mean_change`, `sd_change`, the interval, t, d_z, g_z, W+ and the rank-biserial
/// correlation are all on the raw difference after − before, whatever the indicator's direction;
/// so for a lower-is-better indicator (ANXIETY) a negative mean change, a negative t and a negative
/// rank-biserial correlation are good news. Only `improved` / `worse` and the summary sentence
/// follow the indicator's direction.
public struct ChangeAnalysis: Codable, Sendable, Equatable {
    /// The `paired_t` object.
    public struct PairedT: Codable, Sendable, Equatable {
        public var t: Double
        public var df: Int
        public var p: Double

        public init(t: Double, df: Int, p: Double) {
            self.t = t
            self.df = df
            self.p = p
        }
    }

    /// The `wilcoxon` object.
    public struct WilcoxonSummary: Codable, Sendable, Equatable {
        public var wPlus: Double
        public var p: Double
        public var method: WilcoxonResult.Method

        public init(wPlus: Double, p: Double, method: WilcoxonResult.Method) {
            self.wPlus = wPlus
            self.p = p
            self.method = method
        }

        enum CodingKeys: String, CodingKey {
            case wPlus = "w_plus"
            case p
            case method
        }
    }

    public var indicator: String
    public var nPairs: Int?
    public var improved: Int?
    public var same: Int?
    public var worse: Int?
    public var medianBefore: Double?
    public var medianAfter: Double?
    public var meanChange: Double?
    public var sdChange: Double?
    /// [low, high].
    public var ci95MeanChange: [Double]?
    public var pairedT: PairedT?
    public var dz: Double?
    public var gz: Double?
    public var wilcoxon: WilcoxonSummary?
    public var rankBiserial: Double?
    public var summary: String
    /// Improved / stayed the same / got worse as a reader sees them (exact, or under disclosure
    /// control), for pages and downloads; `nil` under 5 pairs. Not part of the JSON contract.
    public var counts: PublishedSplit?

    public init(
        indicator: String, nPairs: Int? = nil, improved: Int? = nil, same: Int? = nil, worse: Int? = nil,
        medianBefore: Double? = nil, medianAfter: Double? = nil, meanChange: Double? = nil,
        sdChange: Double? = nil, ci95MeanChange: [Double]? = nil, pairedT: PairedT? = nil,
        dz: Double? = nil, gz: Double? = nil, wilcoxon: WilcoxonSummary? = nil,
        rankBiserial: Double? = nil, summary: String
    ) {
        self.indicator = indicator
        self.nPairs = nPairs
        self.improved = improved
        self.same = same
        self.worse = worse
        self.medianBefore = medianBefore
        self.medianAfter = medianAfter
        self.meanChange = meanChange
        self.sdChange = sdChange
        self.ci95MeanChange = ci95MeanChange
        self.pairedT = pairedT
        self.dz = dz
        self.gz = gz
        self.wilcoxon = wilcoxon
        self.rankBiserial = rankBiserial
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator
        case nPairs = "n_pairs"
        case improved, same, worse
        case medianBefore = "median_before"
        case medianAfter = "median_after"
        case meanChange = "mean_change"
        case sdChange = "sd_change"
        case ci95MeanChange = "ci95_mean_change"
        case pairedT = "paired_t"
        case dz, gz, wilcoxon
        case rankBiserial = "rank_biserial"
        case summary
    }

    /// The JSON keys of this object, in the contract's order.
    public static var jsonKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        indicator = try container.decode(String.self, forKey: .indicator)
        nPairs = try container.decodeIfPresent(Int.self, forKey: .nPairs)
        improved = try container.decodeIfPresent(Int.self, forKey: .improved)
        same = try container.decodeIfPresent(Int.self, forKey: .same)
        worse = try container.decodeIfPresent(Int.self, forKey: .worse)
        medianBefore = try container.decodeIfPresent(Double.self, forKey: .medianBefore)
        medianAfter = try container.decodeIfPresent(Double.self, forKey: .medianAfter)
        meanChange = try container.decodeIfPresent(Double.self, forKey: .meanChange)
        sdChange = try container.decodeIfPresent(Double.self, forKey: .sdChange)
        ci95MeanChange = try container.decodeIfPresent([Double].self, forKey: .ci95MeanChange)
        pairedT = try container.decodeIfPresent(PairedT.self, forKey: .pairedT)
        dz = try container.decodeIfPresent(Double.self, forKey: .dz)
        gz = try container.decodeIfPresent(Double.self, forKey: .gz)
        wilcoxon = try container.decodeIfPresent(WilcoxonSummary.self, forKey: .wilcoxon)
        rankBiserial = try container.decodeIfPresent(Double.self, forKey: .rankBiserial)
        summary = try container.decode(String.self, forKey: .summary)
        // The JSON carries numbers only; where they are the whole (they add up), they are exact.
        if let improved, let same, let worse, nPairs == improved + same + worse {
            counts = Disclosure.split([improved, same, worse], exact: true)
        }
    }

    /// Every key is written; a `nil` field as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encodeOrNull(nPairs, forKey: .nPairs)
        try container.encodeOrNull(improved, forKey: .improved)
        try container.encodeOrNull(same, forKey: .same)
        try container.encodeOrNull(worse, forKey: .worse)
        try container.encodeOrNull(medianBefore, forKey: .medianBefore)
        try container.encodeOrNull(medianAfter, forKey: .medianAfter)
        try container.encodeOrNull(meanChange, forKey: .meanChange)
        try container.encodeOrNull(sdChange, forKey: .sdChange)
        try container.encodeOrNull(ci95MeanChange, forKey: .ci95MeanChange)
        try container.encodeOrNull(pairedT, forKey: .pairedT)
        try container.encodeOrNull(dz, forKey: .dz)
        try container.encodeOrNull(gz, forKey: .gz)
        try container.encodeOrNull(wilcoxon, forKey: .wilcoxon)
        try container.encodeOrNull(rankBiserial, forKey: .rankBiserial)
        try container.encode(summary, forKey: .summary)
    }
}

/// One indicator's analysis: the before → after ``ChangeAnalysis`` and, when the data have a
/// `then` column, `perceived_change` (the same analysis on then → after) and `response_shift`
/// (the mean of before − then). Its JSON is the ``ChangeAnalysis`` object with those two keys
/// added; they are left out entirely when there is no `then` column. The fields of
/// ``ChangeAnalysis`` can be read directly (`analysis.improved`).
@dynamicMemberLookup
public struct IndicatorAnalysis: Codable, Sendable, Equatable {
    /// Before → after.
    public var change: ChangeAnalysis
    /// Then → after; `nil` when ``includesThen`` is false.
    public var perceivedChange: ChangeAnalysis?
    /// The mean of before − then, over the people with both; `nil` when withheld or absent.
    public var responseShift: Double?
    /// Whether the data had a `then` column, and so whether the two keys are written.
    public var includesThen: Bool

    public init(
        change: ChangeAnalysis, perceivedChange: ChangeAnalysis? = nil, responseShift: Double? = nil,
        includesThen: Bool = false
    ) {
        self.change = change
        self.perceivedChange = perceivedChange
        self.responseShift = responseShift
        self.includesThen = includesThen
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<ChangeAnalysis, Value>) -> Value {
        change[keyPath: keyPath]
    }

    enum ThenKeys: String, CodingKey {
        case perceivedChange = "perceived_change"
        case responseShift = "response_shift"
    }

    public init(from decoder: any Decoder) throws {
        change = try ChangeAnalysis(from: decoder)
        let container = try decoder.container(keyedBy: ThenKeys.self)
        includesThen = container.contains(.perceivedChange) || container.contains(.responseShift)
        perceivedChange = try container.decodeIfPresent(ChangeAnalysis.self, forKey: .perceivedChange)
        responseShift = try container.decodeIfPresent(Double.self, forKey: .responseShift)
    }

    public func encode(to encoder: any Encoder) throws {
        try change.encode(to: encoder)
        guard includesThen else { return }
        var container = encoder.container(keyedBy: ThenKeys.self)
        try container.encodeOrNull(perceivedChange, forKey: .perceivedChange)
        try container.encodeOrNull(responseShift, forKey: .responseShift)
    }

    /// The encoder for the contract's JSON: keys sorted, `null` written for withheld values.
    /// (A new encoder each time, so callers may add `.prettyPrinted` to their copy.)
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// The whole output of `bridgework analyse`: `{"indicators": [...]}`, sorted by indicator code.
public struct AnalysisReport: Codable, Sendable, Equatable {
    public var indicators: [IndicatorAnalysis]

    public init(indicators: [IndicatorAnalysis]) {
        self.indicators = indicators.sorted { $0.change.indicator < $1.change.indicator }
    }

    /// The report as JSON text, with ``IndicatorAnalysis/encoder``.
    public func json() throws -> String {
        String(decoding: try IndicatorAnalysis.encoder.encode(self), as: UTF8.self)
    }
}

/// The paired analysis of one indicator, following IMPACT.md's rules by number of pairs and its
/// disclosure control.
///
/// | pairs | shown |
/// |---|---|
/// | under 5 | `n_pairs` and the summary only |
/// | 5–9 | also improved / same / worse, both medians and the mean change |
/// | 10 or more | everything: SD of the change, its 95% interval, paired t, d_z, g_z, Wilcoxon, rank-biserial |
///
/// With `public: true` (figures leaving the organisation): `n_pairs` and the three counts go
/// through ``Disclosure/split(_:exact:)`` (1–7 hidden, with secondary suppression among
/// improved / same / worse, then rounded to the nearest 5; 0 stays 0); medians and the response
/// shift are withheld under 10 pairs (under 10 people with both before and then, for the response
/// shift); and the mean change, its SD and interval, paired t, d_z, g_z, W+ and the rank-biserial
/// correlation are never published, since each can give away the exact number of pairs or the
/// counts. The summary sentence then uses only the published figures, with p in bands.
public enum PairedAnalysis {
    /// Fewer pairs than this: nothing but the number of pairs.
    public static let minimumPairsToSummarise = 5
    /// Fewer pairs than this: description only, no test.
    public static let minimumPairsForTests = 10

    /// One person's answers for one indicator; `nil` for a blank.
    public struct Observation: Sendable, Equatable {
        public var before: Double?
        public var after: Double?
        public var then: Double?

        public init(before: Double?, after: Double?, then: Double? = nil) {
            self.before = before
            self.after = after
            self.then = then
        }
    }

    /// The analysis from complete before/after pairs.
    ///
    /// - Parameters:
    ///   - then: when the data have a `then` column, the retrospective ("how were you before?")
    ///     answers aligned with `pairs`, `nil` where blank. Only pairs that have a `then` count for
    ///     the perceived change (then → after) and the response shift (before − then). A `then`
    ///     array shorter than `pairs` is treated as blank for the rest. Pass `nil` when there is
    ///     no `then` column: the two keys are then left out.
    ///   - lowerIsBetter: the indicator's direction (see ``IndicatorLibrary/isLowerBetter(_:alsoLowerIsBetter:)``).
    ///   - public: apply disclosure control.
    public static func analyse(
        indicator: String,
        pairs: [(before: Double, after: Double)],
        then: [Double?]? = nil,
        lowerIsBetter: Bool,
        public isPublic: Bool = false
    ) -> IndicatorAnalysis {
        let observations = pairs.enumerated().map { index, pair in
            Observation(
                before: pair.before, after: pair.after, then: then.flatMap { index < $0.count ? $0[index] : nil })
        }
        return analyse(
            indicator: indicator, observations: observations, includesThen: then != nil, lowerIsBetter: lowerIsBetter,
            public: isPublic)
    }

    /// The analysis from one ``Observation`` per person, blanks allowed.
    ///
    /// The before → after analysis uses the people with both before and after; the perceived
    /// change (then → after) those with both then and after, so a survey of after and then alone
    /// (no real before) still has its perceived change; the response shift those with both before
    /// and then. A value that is not finite (NaN, ±∞) counts as blank.
    public static func analyse(
        indicator: String,
        observations: [Observation],
        includesThen: Bool,
        lowerIsBetter: Bool,
        public isPublic: Bool = false
    ) -> IndicatorAnalysis {
        func finite(_ value: Double?) -> Double? {
            guard let value, value.isFinite else { return nil }
            return value
        }
        var before: [Double] = []
        var after: [Double] = []
        var thenForPerceived: [Double] = []
        var afterForPerceived: [Double] = []
        var shifts: [Double] = []
        for observation in observations {
            let b = finite(observation.before)
            let a = finite(observation.after)
            let t = finite(observation.then)
            if let b, let a {
                before.append(b)
                after.append(a)
            }
            if let t, let a {
                thenForPerceived.append(t)
                afterForPerceived.append(a)
            }
            if let b, let t { shifts.append(b - t) }
        }
        let change = describe(
            indicator: indicator, before: before, after: after, lowerIsBetter: lowerIsBetter, isPublic: isPublic,
            framing: .measured)
        guard includesThen else { return IndicatorAnalysis(change: change) }
        let perceived = describe(
            indicator: indicator, before: thenForPerceived, after: afterForPerceived, lowerIsBetter: lowerIsBetter,
            isPublic: isPublic, framing: .perceived)
        // A mean's digits can give away how many it is of, so beyond the organisation the shift is
        // given to one decimal place, from 10 people or more.
        let shiftBase = isPublic ? Disclosure.minimumBaseForMeans : minimumPairsToSummarise
        let shift = shifts.count >= shiftBase ? finiteOrNil(Descriptive.mean(shifts)) : nil
        let responseShift = isPublic ? shift.map { ($0 * 10).rounded() / 10 } : shift
        return IndicatorAnalysis(
            change: change, perceivedChange: perceived, responseShift: responseShift, includesThen: true)
    }

    enum Framing {
        case measured, perceived
    }

    static func describe(
        indicator: String, before: [Double], after: [Double], lowerIsBetter: Bool, isPublic: Bool, framing: Framing
    ) -> ChangeAnalysis {
        let n = before.count
        // Raw differences after − before, whatever the direction (see ChangeAnalysis).
        let differences = zip(before, after).map { $0.1 - $0.0 }
        var improved = 0
        var same = 0
        var worse = 0
        for difference in differences {
            if difference == 0 {
                same += 1
            } else if (difference < 0) == lowerIsBetter {
                improved += 1
            } else {
                worse += 1
            }
        }
        let split = Disclosure.split([improved, same, worse], exact: !isPublic)
        var result = ChangeAnalysis(indicator: indicator, nPairs: split.whole.number, summary: "")
        var wilcoxon: WilcoxonResult?
        if n >= minimumPairsToSummarise {
            (result.improved, result.same, result.worse) = (split.numbers[0], split.numbers[1], split.numbers[2])
            result.counts = split
            if !isPublic || Disclosure.allowsMeans(base: n) {
                result.medianBefore = finiteOrNil(Descriptive.median(before))
                result.medianAfter = finiteOrNil(Descriptive.median(after))
            }
            if !isPublic { result.meanChange = finiteOrNil(Descriptive.mean(differences)) }
        }
        if n >= minimumPairsForTests {
            wilcoxon = Wilcoxon.signedRank(differences: differences)
        }
        // Beyond the organisation, every figure that would pin down the exact number of pairs or
        // the counts is withheld: a t-test's degrees of freedom are n − 1, W+ and the rank-biserial
        // correlation follow from the counts, and a mean's denominator shows in its digits. The
        // summary gives the Wilcoxon p-value in bands.
        if n >= minimumPairsForTests && !isPublic {
            result.sdChange = finiteOrNil(Descriptive.standardDeviation(differences))
            if let test = PairedTTest(differences: differences), test.t.isFinite, test.p.isFinite,
                test.ci95Low.isFinite, test.ci95High.isFinite
            {
                result.ci95MeanChange = [test.ci95Low, test.ci95High]
                result.pairedT = .init(t: test.t, df: test.df, p: test.p)
                result.dz = finiteOrNil(EffectSize.dz(differences: differences))
                result.gz = result.dz.flatMap { EffectSize.gz(dz: $0, n: n) }
            }
            if let wilcoxon {
                result.wilcoxon = .init(wPlus: wilcoxon.wPlus, p: wilcoxon.p, method: wilcoxon.method)
                result.rankBiserial = wilcoxon.rankBiserial
            }
        }
        result.summary = summary(
            n: n, split: split, wilcoxon: wilcoxon, lowerIsBetter: lowerIsBetter, isPublic: isPublic, framing: framing)
        return result
    }

    static func finiteOrNil(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// One plain-English sentence. It reports counts and whether chance is a likely explanation,
    /// and never says what caused a change. With `isPublic` it uses only the published figures.
    static func summary(
        n: Int, split: PublishedSplit, wilcoxon: WilcoxonResult?, lowerIsBetter: Bool, isPublic: Bool,
        framing: Framing
    ) -> String {
        let sentence: String
        if n < minimumPairsToSummarise {
            if isPublic && n > 0 {
                sentence = "Too few answers to summarise (at least \(minimumPairsToSummarise) pairs are needed)."
            } else {
                sentence =
                    "Too few answers to summarise (\(n) \(n == 1 ? "pair" : "pairs"); at least \(minimumPairsToSummarise) are needed)."
            }
        } else {
            let countsClause = countsSentence(split)
            let testClause: String
            if n < minimumPairsForTests {
                testClause = "with fewer than \(minimumPairsForTests) pairs no test is possible."
            } else if let wilcoxon {
                let p = isPublic ? bandedP(wilcoxon.p) : formatP(wilcoxon.p)
                if wilcoxon.p < 0.05 {
                    let upward = wilcoxon.wPlus > wilcoxon.wMinus
                    let better = upward != lowerIsBetter
                    testClause =
                        "overall the answers moved for the \(better ? "better" : "worse"), and a change this consistent would be unlikely by chance (Wilcoxon \(p))."
                } else {
                    testClause = "a difference like this could well be chance (Wilcoxon \(p))."
                }
            } else {
                testClause = "no one's answer changed, so there is nothing to test."
            }
            sentence = countsClause + "; " + testClause
        }
        switch framing {
        case .measured:
            return sentence
        case .perceived:
            return "Looking back, as people rated themselves: " + sentence.prefix(1).lowercased() + sentence.dropFirst()
        }
    }

    static let changeWords = ["improved", "stayed the same", "got worse"]

    /// "12 of 16 people improved, 3 stayed the same and 1 got worse", or, as published, "Of about
    /// 15 people, about 8 in 10 improved, fewer than 8 stayed the same and none got worse", naming
    /// a count hidden to protect a small one as hidden.
    static func countsSentence(_ split: PublishedSplit) -> String {
        if split.isExact {
            let counts = split.parts.map { $0.number ?? 0 }
            return
                "\(counts[0]) of \(split.whole.number ?? 0) people improved, \(counts[1]) stayed the same and \(counts[2]) got worse"
        }
        if split.isWithheld {
            return
                "Some people answered at both times, but with counts this small any figure could give one person's answer away, so none is shown"
        }
        var shown: [String] = []
        var hidden: [String] = []
        for (index, words) in changeWords.enumerated() {
            if split.parts[index] == .hidden {
                hidden.append(words)
            } else {
                shown.append("\(split.parts[index] == .exact(0) ? "none" : split.cell(index)) \(words)")
            }
        }
        var sentence = "Of \(split.whole.text) people, " + listed(shown)
        if !hidden.isEmpty {
            sentence +=
                "; how many \(listed(hidden, joiner: "or")) is hidden, so that a small count cannot be worked out"
        }
        let usesShares = split.shares.contains { $0 != nil }
        return sentence + " (" + (usesShares ? "shares of the people counted; " : "")
            + "counts rounded to the nearest \(Disclosure.roundingBase), and counts under \(Disclosure.largestHiddenCount + 1) not shown)"
    }

    static func listed(_ items: [String], joiner: String = "and") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(joiner) " + items.last!
    }

    /// p in bands, for figures beyond the organisation: an exact p-value from few answers can
    /// point to the counts behind it.
    static func bandedP(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        if p < 0.01 { return "p < 0.01" }
        if p < 0.05 { return "p < 0.05" }
        return "p ≥ 0.05"
    }

    /// "p < 0.001", or p to 3 decimals under 0.1 (4 if 3 would round a p under 0.05 up to 0.050),
    /// or to 2 decimals.
    static func formatP(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        if p < 0.1 {
            let three = String(format: "%.3f", p)
            if p < 0.05 && three == "0.050" { return "p = " + String(format: "%.4f", p) }
            return "p = " + three
        }
        return "p = " + String(format: "%.2f", p)
    }
}

extension KeyedEncodingContainer {
    /// Writes the value, or `null` when it is `nil` (the synthesized encoding would leave the key out).
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
