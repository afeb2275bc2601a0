import Statistics
import XCTest

/// The rules of IMPACT.md, "Disclosure control".
final class DisclosureTests: XCTestCase {
    func testCountsRoundToTheNearestFive() {
        let cases = [
            (0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (17, 15), (18, 20), (102, 100),
            (-3, -5),
        ]
        for (count, rounded) in cases {
            XCTAssertEqual(Disclosure.roundToNearest5(count), rounded, "\(count)")
        }
    }

    func testCountsFromOneToSevenAreHiddenAndZeroStaysZero() {
        XCTAssertEqual(Disclosure.suppressSmallCounts([0, 8, 9]), [0, 8, 9])
        XCTAssertEqual(Disclosure.suppressSmallCounts([1, 7, 20]), [nil, nil, 20])
        XCTAssertEqual(Disclosure.suppressSmallCounts([0, 0, 0]), [0, 0, 0])
    }

    func testWhenOneCountIsHiddenTheSmallestOtherNonZeroCountIsHiddenToo() {
        // 3 is hidden; from a known total it could be worked back, so the smallest other
        // non-zero cell (9) goes too, and the zero stays.
        XCTAssertEqual(Disclosure.suppressSmallCounts([13, 9, 3]), [13, nil, nil])
        XCTAssertEqual(Disclosure.suppressSmallCounts([20, 0, 5]), [nil, 0, nil])
        XCTAssertEqual(Disclosure.suppressSmallCounts([4, 30, 12, 0]), [nil, 30, nil, 0])
    }

    func testTwoHiddenCountsNeedNoSecondarySuppression() {
        XCTAssertEqual(Disclosure.suppressSmallCounts([10, 1, 1]), [10, nil, nil])
        XCTAssertEqual(Disclosure.suppressSmallCounts([2, 3, 4]), [nil, nil, nil])
    }

    func testPublishedCountsAreSuppressedThenRounded() {
        XCTAssertEqual(Disclosure.publish([13, 9, 3]), [15, nil, nil])
        XCTAssertEqual(Disclosure.publish([22, 0, 8]), [20, 0, 10])
        XCTAssertEqual(Disclosure.publish(6), nil)
        XCTAssertEqual(Disclosure.publish(0), 0)
        XCTAssertEqual(Disclosure.publish(12), 10)
    }

    func testTheBasesForMeansAndReliabilityAreTenAndThirty() {
        XCTAssertEqual(Disclosure.minimumBaseForMeans, 10)
        XCTAssertEqual(Disclosure.lowReliabilityBase, 30)
        XCTAssertFalse(Disclosure.allowsMeans(base: 9))
        XCTAssertTrue(Disclosure.allowsMeans(base: 10))
        XCTAssertTrue(Disclosure.isLowReliability(base: 29))
        XCTAssertFalse(Disclosure.isLowReliability(base: 30))
    }
}
