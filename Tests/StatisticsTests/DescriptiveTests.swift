import Statistics
import XCTest

/// Reference values: NumPy 2.4.6 (reference/make_reference.py, section "Descriptive").
final class DescriptiveTests: XCTestCase {
    let odd = [3.1, -1.2, 4.7, 0.5, 2.2, 9.8, 5.5]
    let even = [2.5, 7.0, 1.0, 4.0, 4.0, 10.5]
    let probabilities = [0.0, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0]

    func testTheMeanAndSampleStandardDeviationMatchNumpy() {
        assertClose(Descriptive.mean(odd), 3.5142857142857147)
        assertClose(Descriptive.standardDeviation(odd), 3.6071357850001395)
    }

    func testTheMedianMatchesNumpyForOddAndEvenCounts() {
        XCTAssertEqual(Descriptive.median(odd), 3.1)
        XCTAssertEqual(Descriptive.median(even), 4.0)
        XCTAssertEqual(Descriptive.median([1, 2]), 1.5)
    }

    func testQuantilesMatchNumpysDefaultLinearMethod() {
        let expectedOdd = [-1.2, -0.17999999999999983, 1.35, 3.1, 7.2200000000000015, 9.155, 9.8]
        let expectedEven = [1.0, 1.75, 2.875, 4.0, 8.75, 10.0625, 10.5]
        for (p, expected) in zip(probabilities, expectedOdd) {
            assertClose(Descriptive.quantile(odd, p: p), expected, "odd, p = \(p)")
        }
        for (p, expected) in zip(probabilities, expectedEven) {
            assertClose(Descriptive.quantile(even, p: p), expected, "even, p = \(p)")
        }
    }

    func testTooSmallSamplesGiveNoValueRatherThanANumber() {
        XCTAssertNil(Descriptive.mean([]))
        XCTAssertNil(Descriptive.median([]))
        XCTAssertNil(Descriptive.standardDeviation([4]))
        XCTAssertNil(Descriptive.quantile([], p: 0.5))
        XCTAssertNil(Descriptive.quantile(odd, p: 1.5))
        XCTAssertEqual(Descriptive.quantile([7], p: 0.3), 7)
    }
}
