import Statistics
import XCTest

/// Reference values: SciPy 1.17.1, `scipy.stats.wilcoxon` with `method="exact"` or
/// `zero_method="wilcox", correction=True, method="asymptotic"`, and `rankdata` for W+
/// (reference/make_reference.py, section "Wilcoxon").
final class WilcoxonTests: XCTestCase {
    /// The same formula as `fifty()` in make_reference.py: distinct magnitudes, 40% negative.
    static func differences(count: Int) -> [Double] {
        (0..<count).map { i in
            let magnitude = Double(i + 1) + 0.25 * Double(i % 3)
            return (i * 7) % 5 < 2 ? -magnitude : magnitude
        }
    }

    func testTheExactTestMatchesScipyForEightDifferencesWithoutTies() throws {
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: [1.5, -0.3, 2.7, 0.8, -1.1, 3.2, 0.45, 2.05]))
        XCTAssertEqual(result.method, .exact)
        XCTAssertEqual(result.n, 8)
        XCTAssertEqual(result.wPlus, 31)
        XCTAssertEqual(result.wMinus, 5, "scipy's statistic, min(W+, W−)")
        assertP(result.p, 0.078125)
        assertClose(result.p, 0.078125)
    }

    func testTiesAndZerosUseTheNormalApproximationWithTieAndContinuityCorrection() throws {
        let d: [Double] = [2, -1, 0, 3, 1, 2, -2, 0, 4, 1, 1, -3, 2, 5, 0, 3, -1, 2, 1, 4, -2, 3, 1, 2, 6]
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: d))
        XCTAssertEqual(result.method, .normal)
        XCTAssertEqual(result.n, 22, "three zeros dropped")
        XCTAssertEqual(result.wPlus, 206.5)
        XCTAssertEqual(result.wMinus, 46.5)
        assertP(result.p, 0.009263044801332616)
        assertClose(result.p, 0.009263044801332616)
    }

    func testTheExactTestMatchesScipyAtFiftyDifferences() throws {
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: Self.differences(count: 50)))
        XCTAssertEqual(result.method, .exact)
        XCTAssertEqual(result.wPlus, 775)
        assertP(result.p, 0.18768390417341507)
        assertClose(result.p, 0.18768390417341507)
    }

    func testFiftyOneDifferencesUseTheNormalApproximation() throws {
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: Self.differences(count: 51)))
        XCTAssertEqual(result.method, .normal)
        XCTAssertEqual(result.wPlus, 775)
        assertP(result.p, 0.2959575503137616)
        assertClose(result.p, 0.2959575503137616)
    }

    func testZeroDifferencesAreDroppedBeforeChoosingTheExactTest() throws {
        // The contract: exact when at most 50 non-zero differences and no ties among them,
        // so zeros alone do not force the normal approximation. Same p as the eight without zeros.
        let result = try XCTUnwrap(
            Wilcoxon.signedRank(differences: [0, 1.5, -0.3, 2.7, 0, 0.8, -1.1, 3.2, 0.45, 2.05]))
        XCTAssertEqual(result.method, .exact)
        XCTAssertEqual(result.n, 8)
        assertP(result.p, 0.078125)
    }

    func testTheSmallestTwoSidedPAtFivePairsIsTwoIn32() throws {
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: [1, 2, 3, 4, 5]))
        XCTAssertEqual(result.p, 0.0625)
        XCTAssertEqual(result.wPlus, 15)
    }

    func testTheExactNullDistributionCountsEverySignPatternOnce() {
        let counts = Wilcoxon.exactNullCounts(n: 4)
        XCTAssertEqual(counts, [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1])
        XCTAssertEqual(Wilcoxon.exactNullCounts(n: 50).reduce(0, +), pow(2, 50))
        XCTAssertEqual(Wilcoxon.exactTwoSidedP(wPlus: 5, n: 4), 1, "p is capped at 1")
    }

    func testThereIsNoTestWhenEveryDifferenceIsZero() {
        XCTAssertNil(Wilcoxon.signedRank(differences: [0, 0, 0]))
        XCTAssertNil(Wilcoxon.signedRank(differences: []))
    }

    func testTiedValuesShareTheAverageOfTheirRanksAsScipysRankdata() {
        let (ranks, ties) = Wilcoxon.averageRanks([3, 1, 4, 1, 5])
        XCTAssertEqual(ranks, [3, 1.5, 4, 1.5, 5])
        XCTAssertEqual(ties.sorted(), [1, 1, 1, 2])
    }

    func testTheRankBiserialCorrelationIsTheDifferenceOfRankSumsOverTheirTotal() throws {
        let result = try XCTUnwrap(Wilcoxon.signedRank(differences: [1.5, -0.3, 2.7, 0.8, -1.1, 3.2, 0.45, 2.05]))
        assertClose(result.rankBiserial, (31.0 - 5.0) / 36.0)
        XCTAssertEqual(EffectSize.rankBiserial(wPlus: 10, wMinus: 0), 1)
        XCTAssertEqual(EffectSize.rankBiserial(wPlus: 0, wMinus: 6), -1)
        XCTAssertNil(EffectSize.rankBiserial(wPlus: 0, wMinus: 0))
    }
}
