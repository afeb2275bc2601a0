import Foundation
import Statistics
import XCTest

/// The `bridgework analyse` contract for one indicator. Reference values: SciPy 1.17.1
/// (reference/make_reference.py, sections "Paired t", "ANXIETY" and "Perceived change").
final class PairedAnalysisTests: XCTestCase {
    static let contractKeys: Set<String> = [
        "indicator", "n_pairs", "improved", "same", "worse", "median_before", "median_after",
        "mean_change", "sd_change", "ci95_mean_change", "paired_t", "dz", "gz", "wilcoxon",
        "rank_biserial", "summary",
    ]

    static var twelvePairs: [(before: Double, after: Double)] {
        Array(zip(PairedTTestTests.before, PairedTTestTests.after)).map { (before: $0.0, after: $0.1) }
    }

    static let then: [Double?] = [11, 14, 10, 17, 13, 9, 15, 12, 10, 16, 12, 13]

    /// `n` pairs, `improved` going 2 → 4, `same` staying at 3, `worse` going 4 → 1.
    static func pairs(improved: Int, same: Int, worse: Int) -> [(before: Double, after: Double)] {
        Array(repeating: (before: 2.0, after: 4.0), count: improved)
            + Array(repeating: (before: 3.0, after: 3.0), count: same)
            + Array(repeating: (before: 4.0, after: 1.0), count: worse)
    }

    static func json(_ analysis: IndicatorAnalysis) throws -> [String: Any] {
        let data = try IndicatorAnalysis.encoder.encode(analysis)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testUnderFivePairsOnlyTheNumberOfPairsAndTheSummaryCarryValues() throws {
        let analysis = PairedAnalysis.analyse(
            indicator: "CLS-TRUST", pairs: Self.pairs(improved: 2, same: 0, worse: 1), lowerIsBetter: false)
        let object = try Self.json(analysis)
        XCTAssertEqual(Set(object.keys), Self.contractKeys)
        XCTAssertEqual(object["n_pairs"] as? Int, 3)
        XCTAssertEqual(object["summary"] as? String, "Too few answers to summarise (3 pairs; at least 5 are needed).")
        XCTAssertEqual(object["indicator"] as? String, "CLS-TRUST")
        for key in Self.contractKeys.subtracting(["n_pairs", "summary", "indicator"]) {
            XCTAssertTrue(object[key] is NSNull, "\(key) should be null")
        }
    }

    func testFiveToNinePairsGiveCountsMediansAndMeanChangeButNoTests() throws {
        let analysis = PairedAnalysis.analyse(
            indicator: "CONFIDENCE", pairs: Self.pairs(improved: 7, same: 1, worse: 1), lowerIsBetter: false)
        XCTAssertEqual(analysis.nPairs, 9)
        XCTAssertEqual(analysis.improved, 7)
        XCTAssertEqual(analysis.same, 1)
        XCTAssertEqual(analysis.worse, 1)
        XCTAssertEqual(analysis.medianBefore, 2)
        XCTAssertEqual(analysis.medianAfter, 4)
        assertClose(analysis.meanChange, (7 * 2.0 + 0 - 3) / 9)
        XCTAssertNil(analysis.sdChange)
        XCTAssertNil(analysis.ci95MeanChange)
        XCTAssertNil(analysis.pairedT)
        XCTAssertNil(analysis.dz)
        XCTAssertNil(analysis.gz)
        XCTAssertNil(analysis.wilcoxon)
        XCTAssertNil(analysis.rankBiserial)
        XCTAssertEqual(
            analysis.summary,
            "7 of 9 people improved, 1 stayed the same and 1 got worse; with fewer than 10 pairs no test is possible.")
        let object = try Self.json(analysis)
        XCTAssertEqual(Set(object.keys), Self.contractKeys)
        XCTAssertTrue(object["sd_change"] is NSNull)
        XCTAssertTrue(object["wilcoxon"] is NSNull)
    }

    func testTenOrMorePairsGiveEveryStatisticMatchingScipy() throws {
        let analysis = PairedAnalysis.analyse(indicator: "CLS-BELONG", pairs: Self.twelvePairs, lowerIsBetter: false)
        XCTAssertEqual(analysis.nPairs, 12)
        XCTAssertEqual(analysis.improved, 10)
        XCTAssertEqual(analysis.same, 1)
        XCTAssertEqual(analysis.worse, 1)
        XCTAssertEqual(analysis.medianBefore, 13.5)
        XCTAssertEqual(analysis.medianAfter, 15)
        assertClose(analysis.meanChange, 2.0)
        assertClose(analysis.sdChange, 1.348399724926484)
        let interval = try XCTUnwrap(analysis.ci95MeanChange)
        XCTAssertEqual(interval.count, 2)
        assertClose(interval[0], 1.1432676883767394)
        assertClose(interval[1], 2.8567323116232606)
        let t = try XCTUnwrap(analysis.pairedT)
        assertClose(t.t, 5.138093031466052)
        XCTAssertEqual(t.df, 11)
        assertP(t.p, 0.00032419654470675134)
        assertClose(analysis.dz, 1.4832396974191326)
        assertClose(analysis.gz, 1.3797578580643095)
        let wilcoxon = try XCTUnwrap(analysis.wilcoxon)
        XCTAssertEqual(wilcoxon.method, .normal, "a zero and ties")
        XCTAssertEqual(wilcoxon.wPlus, 64.5)
        assertP(wilcoxon.p, 0.0049176810428267)
        assertClose(analysis.rankBiserial, (64.5 - 1.5) / 66)
        XCTAssertEqual(
            analysis.summary,
            "10 of 12 people improved, 1 stayed the same and 1 got worse; overall the answers moved for the better, "
                + "and a change this consistent would be unlikely by chance (Wilcoxon p = 0.005)."
        )
    }

    func testTheJSONHasExactlyTheContractsKeysSortedAndNestedObjects() throws {
        let analysis = PairedAnalysis.analyse(indicator: "CLS-BELONG", pairs: Self.twelvePairs, lowerIsBetter: false)
        let object = try Self.json(analysis)
        XCTAssertEqual(Set(object.keys), Self.contractKeys, "no perceived_change without then data")
        let pairedT = try XCTUnwrap(object["paired_t"] as? [String: Any])
        XCTAssertEqual(Set(pairedT.keys), ["t", "df", "p"])
        XCTAssertEqual(pairedT["df"] as? Int, 11)
        let wilcoxon = try XCTUnwrap(object["wilcoxon"] as? [String: Any])
        XCTAssertEqual(Set(wilcoxon.keys), ["w_plus", "p", "method"])
        XCTAssertEqual(wilcoxon["method"] as? String, "normal")
        XCTAssertEqual((object["ci95_mean_change"] as? [Double])?.count, 2)

        let text = String(
            decoding: try IndicatorAnalysis.encoder.encode(
                PairedAnalysis.analyse(indicator: "X", pairs: [], lowerIsBetter: false)), as: UTF8.self)
        XCTAssertTrue(
            text.hasPrefix(#"{"ci95_mean_change":null,"dz":null,"gz":null,"improved":null,"indicator":"X","#), text)
        XCTAssertTrue(text.contains(#""n_pairs":0"#))

        let decoded = try JSONDecoder().decode(
            IndicatorAnalysis.self, from: try IndicatorAnalysis.encoder.encode(analysis))
        XCTAssertEqual(decoded, analysis)
    }

    func testForALowerIsBetterIndicatorAFallCountsAsAnImprovement() throws {
        let before = [3.5, 4.0, 2.75, 3.25, 4.5, 3.0, 3.75, 2.5, 4.25, 3.5]
        let after = [2.75, 3.25, 2.5, 3.5, 3.5, 2.25, 3.0, 2.5, 3.25, 2.75]
        let pairs = zip(before, after).map { (before: $0.0, after: $0.1) }
        let analysis = PairedAnalysis.analyse(
            indicator: "ANXIETY", pairs: pairs, lowerIsBetter: IndicatorLibrary.isLowerBetter("ANXIETY"))
        XCTAssertEqual(analysis.improved, 8)
        XCTAssertEqual(analysis.same, 1)
        XCTAssertEqual(analysis.worse, 1)
        // Everything else stays on the raw after − before: negative here, which is good news.
        assertClose(analysis.meanChange, -0.575)
        assertClose(analysis.pairedT?.t, -4.270992778072192)
        assertP(analysis.pairedT?.p, 0.0020772773102514007)
        XCTAssertEqual(analysis.wilcoxon?.wPlus, 1.5)
        assertP(analysis.wilcoxon?.p, 0.01325288118516386)
        assertClose(analysis.rankBiserial, (1.5 - 43.5) / 45)
        XCTAssertTrue(
            analysis.summary.hasPrefix(
                "8 of 10 people improved, 1 stayed the same and 1 got worse; overall the answers moved for the better"),
            analysis.summary)
        XCTAssertTrue(analysis.summary.hasSuffix("(Wilcoxon p = 0.013)."), analysis.summary)

        let readAsHigherIsBetter = PairedAnalysis.analyse(indicator: "ANXIETY", pairs: pairs, lowerIsBetter: false)
        XCTAssertEqual(readAsHigherIsBetter.improved, 1)
        XCTAssertEqual(readAsHigherIsBetter.worse, 8)
        XCTAssertTrue(readAsHigherIsBetter.summary.contains("moved for the worse"))
    }

    func testTheLibraryKnowsOnlyAnxietyIsLowerIsBetterAndTheCallerCanAddCodes() {
        XCTAssertEqual(IndicatorLibrary.lowerIsBetter, ["ANXIETY"])
        XCTAssertTrue(IndicatorLibrary.isLowerBetter("ANXIETY"))
        XCTAssertFalse(IndicatorLibrary.isLowerBetter("CLS-TRUST"))
        XCTAssertTrue(IndicatorLibrary.isLowerBetter("LONELINESS", alsoLowerIsBetter: ["loneliness"]))
    }

    func testASummarySaysAChangeCouldWellBeChanceAboveTheLine() {
        var pairs = Self.pairs(improved: 6, same: 0, worse: 0)
        pairs += [(before: 4, after: 1), (before: 5, after: 1), (before: 4, after: 2), (before: 6, after: 3)]
        let analysis = PairedAnalysis.analyse(indicator: "MIXING", pairs: pairs, lowerIsBetter: false)
        XCTAssertGreaterThanOrEqual(analysis.wilcoxon?.p ?? 0, 0.05)
        XCTAssertTrue(
            analysis.summary.hasPrefix(
                "6 of 10 people improved, 0 stayed the same and 4 got worse; a difference like this could well be chance (Wilcoxon p = "
            ), analysis.summary)
        XCTAssertFalse(analysis.summary.contains("because"))
    }

    func testPublicOutputSuppressesSmallCountsWithSecondarySuppressionAndRoundsTheRest() throws {
        let analysis = PairedAnalysis.analyse(
            indicator: "THERMOMETER", pairs: Self.pairs(improved: 13, same: 9, worse: 3), lowerIsBetter: false,
            public: true)
        XCTAssertEqual(analysis.nPairs, 25)
        XCTAssertEqual(analysis.improved, 15)
        XCTAssertNil(analysis.same, "secondary suppression: the smallest other non-zero count")
        XCTAssertNil(analysis.worse, "3 is under 8")
        XCTAssertNotNil(analysis.medianBefore, "25 pairs may have medians, which are answers on the scale")
        // Each of these could give the exact number of pairs, or the counts, away.
        XCTAssertNil(analysis.meanChange)
        XCTAssertNil(analysis.pairedT, "its degrees of freedom are the number of pairs less one")
        XCTAssertNil(analysis.wilcoxon)
        XCTAssertNil(analysis.rankBiserial)
        XCTAssertNil(analysis.dz)
        XCTAssertNotNil(
            analysis.summary.range(
                of: #"\(Wilcoxon p (< 0\.001|< 0\.01|< 0\.05|≥ 0\.05)\)"#, options: .regularExpression),
            "p in bands: \(analysis.summary)")
        let own = PairedAnalysis.analyse(
            indicator: "THERMOMETER", pairs: Self.pairs(improved: 13, same: 9, worse: 3), lowerIsBetter: false)
        XCTAssertEqual(own.pairedT?.df, 24, "inside the organisation every figure is given")
        XCTAssertTrue(
            analysis.summary.hasPrefix(
                "Of about 25 people, about 15 improved and fewer than 8 got worse; how many stayed the same is hidden, so that a small count cannot be worked out"
            ), analysis.summary)
        XCTAssertFalse(
            analysis.summary.contains("fewer than 8 stayed the same"),
            "9 people stayed the same: a count hidden to protect another is never called fewer than 8")
        XCTAssertFalse(analysis.summary.contains("13"))

        let withZero = PairedAnalysis.analyse(
            indicator: "THERMOMETER", pairs: Self.pairs(improved: 12, same: 0, worse: 9), lowerIsBetter: false,
            public: true)
        XCTAssertEqual(withZero.nPairs, 20)
        XCTAssertEqual(withZero.improved, 10)
        XCTAssertEqual(withZero.same, 0, "a true zero is shown")
        XCTAssertEqual(withZero.worse, 10)
    }

    func testPublicOutputWithholdsMeansAndMediansUnderTenPairs() throws {
        let analysis = PairedAnalysis.analyse(
            indicator: "CONFIDENCE", pairs: Self.pairs(improved: 8, same: 0, worse: 1), lowerIsBetter: false,
            public: true)
        XCTAssertEqual(analysis.nPairs, 10, "9 rounded")
        XCTAssertNil(analysis.improved, "8 would reveal the hidden 1 from the total")
        XCTAssertEqual(analysis.same, 0)
        XCTAssertNil(analysis.worse)
        XCTAssertNil(analysis.medianBefore)
        XCTAssertNil(analysis.medianAfter)
        XCTAssertNil(analysis.meanChange)
        XCTAssertEqual(
            analysis.summary,
            "Of about 10 people, none stayed the same and fewer than 8 got worse; how many improved is hidden, so that a small count cannot be worked out "
                + "(counts rounded to the nearest 5, and counts under 8 not shown); with fewer than 10 pairs no test is possible."
        )

        let few = PairedAnalysis.analyse(
            indicator: "CONFIDENCE", pairs: Self.pairs(improved: 3, same: 0, worse: 0), lowerIsBetter: false,
            public: true)
        XCTAssertNil(few.nPairs, "3 is under 8")
        XCTAssertEqual(few.summary, "Too few answers to summarise (at least 5 pairs are needed).")
        XCTAssertEqual(Set(try Self.json(few).keys), Self.contractKeys)
    }

    func testThenDataAddThePerceivedChangeAndTheResponseShift() throws {
        let analysis = PairedAnalysis.analyse(
            indicator: "CLS-BELONG", pairs: Self.twelvePairs, then: Self.then, lowerIsBetter: false)
        let perceived = try XCTUnwrap(analysis.perceivedChange)
        XCTAssertEqual(perceived.nPairs, 12)
        assertClose(perceived.meanChange, 2.75)
        assertClose(perceived.sdChange, 1.2154310870109943)
        assertClose(perceived.pairedT?.t, 7.837778335138679)
        assertP(perceived.pairedT?.p, 7.932699360028784e-06)
        assertP(perceived.wilcoxon?.p, 0.0032093095702113135)
        XCTAssertTrue(
            perceived.summary.hasPrefix("Looking back, as people rated themselves: 11 of 12 people improved"),
            perceived.summary)
        assertClose(analysis.responseShift, 0.75)

        let object = try Self.json(analysis)
        XCTAssertEqual(Set(object.keys), Self.contractKeys.union(["perceived_change", "response_shift"]))
        let nested = try XCTUnwrap(object["perceived_change"] as? [String: Any])
        XCTAssertEqual(Set(nested.keys), Self.contractKeys)
        XCTAssertEqual(analysis.meanChange, 2.0, "the before → after analysis is unchanged")
    }

    func testOnlyPairsWithAThenAnswerCountForThePerceivedChange() throws {
        var then = Self.then
        for index in [0, 3, 5] { then[index] = nil }
        let analysis = PairedAnalysis.analyse(
            indicator: "CLS-BELONG", pairs: Self.twelvePairs, then: then, lowerIsBetter: false)
        XCTAssertEqual(analysis.nPairs, 12)
        XCTAssertEqual(analysis.perceivedChange?.nPairs, 9)
        XCTAssertNil(analysis.perceivedChange?.pairedT, "9 pairs: no test")
        assertClose(analysis.responseShift, 7.0 / 9.0)

        let publicAnalysis = PairedAnalysis.analyse(
            indicator: "CLS-BELONG", pairs: Self.twelvePairs, then: then, lowerIsBetter: false, public: true)
        XCTAssertNil(publicAnalysis.responseShift, "a mean on 9 people is withheld in public")
        let object = try Self.json(publicAnalysis)
        XCTAssertTrue(object["response_shift"] is NSNull)
    }

    func testAfterAndThenWithoutABeforeStillGiveAPerceivedChange() throws {
        let observations = zip(PairedTTestTests.after, Self.then).map {
            PairedAnalysis.Observation(before: nil, after: $0.0, then: $0.1)
        }
        let analysis = PairedAnalysis.analyse(
            indicator: "CLS-BELONG", observations: observations, includesThen: true, lowerIsBetter: false)
        XCTAssertEqual(analysis.nPairs, 0)
        XCTAssertEqual(analysis.perceivedChange?.nPairs, 12)
        assertClose(analysis.perceivedChange?.meanChange, 2.75)
        XCTAssertNil(analysis.responseShift)
    }

    func testTheReportListsIndicatorsSortedByCode() throws {
        let report = AnalysisReport(indicators: [
            PairedAnalysis.analyse(indicator: "THERMOMETER", pairs: [], lowerIsBetter: false),
            PairedAnalysis.analyse(indicator: "ANXIETY", pairs: [], lowerIsBetter: true),
            PairedAnalysis.analyse(indicator: "CLS-TRUST", pairs: [], lowerIsBetter: false),
        ])
        XCTAssertEqual(report.indicators.map(\.indicator), ["ANXIETY", "CLS-TRUST", "THERMOMETER"])
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        XCTAssertEqual((object["indicators"] as? [Any])?.count, 3)
    }
}
