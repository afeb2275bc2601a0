import Statistics
import XCTest

/// Reference values: SciPy 1.17.1, `ttest_rel(after, before)` and `t.interval(0.95, n − 1,
/// loc=mean, scale=sd/√n)` (reference/make_reference.py, section "Paired t").
final class PairedTTestTests: XCTestCase {
    static let before: [Double] = [12, 15, 11, 18, 14, 9, 16, 13, 10, 17, 12, 14]
    static let after: [Double] = [14, 18, 11, 21, 13, 12, 19, 15, 13, 18, 15, 16]

    func testThePairedTTestMatchesScipyOnASmallSample() throws {
        let test = try XCTUnwrap(PairedTTest(before: Self.before, after: Self.after))
        XCTAssertEqual(test.n, 12)
        XCTAssertEqual(test.df, 11)
        assertClose(test.t, 5.138093031466052)
        assertP(test.p, 0.00032419654470675134)
        assertClose(test.p, 0.00032419654470675134)
        assertClose(test.meanDifference, 2.0)
        assertClose(test.sdDifference, 1.348399724926484)
    }

    func testTheConfidenceIntervalMatchesScipysTInterval() throws {
        let test = try XCTUnwrap(PairedTTest(before: Self.before, after: Self.after))
        assertClose(test.ci95Low, 1.1432676883767394)
        assertClose(test.ci95High, 2.8567323116232606)
    }

    func testAFivePairSampleWithFractionsMatchesScipy() throws {
        let test = try XCTUnwrap(PairedTTest(before: [3.25, 2.5, 4.0, 3.75, 2.0], after: [3.0, 3.5, 4.5, 3.5, 3.25]))
        assertClose(test.t, 1.4504813352456845)
        assertP(test.p, 0.22053734930465282)
        assertClose(test.ci95Low, -0.4113694412878342)
        assertClose(test.ci95High, 1.3113694412878343)
    }

    func testDzAndItsHedgesCorrectedGzFollowTheirFormulas() throws {
        let differences = zip(Self.before, Self.after).map { $0.1 - $0.0 }
        assertClose(EffectSize.dz(differences: differences), 1.4832396974191326)
        assertClose(EffectSize.gz(differences: differences), 1.3797578580643095)
        // g_z = d_z × (1 − 3 / (4·(n − 1) − 1)): with n = 12, the factor is 1 − 3/43.
        assertClose(EffectSize.gz(dz: 1, n: 12), 40.0 / 43.0)
    }

    func testThereIsNoTestWithOnePairOrWhenEveryChangeIsTheSame() {
        XCTAssertNil(PairedTTest(differences: [1.5]))
        XCTAssertNil(PairedTTest(differences: [2, 2, 2, 2]), "SD 0: t would be infinite")
        XCTAssertNil(PairedTTest(differences: [0, 0, 0]))
        XCTAssertNil(PairedTTest(before: [1, 2], after: [1]), "unequal lengths")
        XCTAssertNil(EffectSize.dz(differences: [2, 2, 2]))
    }
}
