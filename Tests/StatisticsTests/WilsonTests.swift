import Statistics
import XCTest

/// Reference values: statsmodels 0.15.0, `proportion_confint(x, n, alpha=1 − confidence,
/// method="wilson")` (reference/make_reference.py, section "Wilson").
final class WilsonTests: XCTestCase {
    func testTheWilsonIntervalMatchesStatsmodels() throws {
        let cases: [(x: Int, n: Int, confidence: Double, low: Double, high: Double)] = [
            (14, 18, 0.95, 0.5478541568378739, 0.9099907189139831),
            (0, 10, 0.95, 0.0, 0.2775327998628892),
            (10, 10, 0.95, 0.7224672001371107, 0.9999999999999999),
            (45, 120, 0.90, 0.30581624460050116, 0.44969602358628136),
            (1, 3, 0.99, 0.04042662929608465, 0.855783984952333),
        ]
        for c in cases {
            let interval = try XCTUnwrap(Wilson.interval(successes: c.x, total: c.n, confidence: c.confidence))
            XCTAssertEqual(interval.low, c.low, accuracy: 1e-9 * max(c.low, 1e-6), "\(c.x)/\(c.n) low")
            assertClose(interval.high, c.high, "\(c.x)/\(c.n) high")
            assertClose(interval.estimate, Double(c.x) / Double(c.n))
        }
    }

    func testTheIntervalStaysWithinZeroAndOne() throws {
        let none = try XCTUnwrap(Wilson.interval(successes: 0, total: 4))
        let all = try XCTUnwrap(Wilson.interval(successes: 4, total: 4))
        XCTAssertGreaterThanOrEqual(none.low, 0)
        XCTAssertLessThanOrEqual(all.high, 1)
    }

    func testAShareOfNothingHasNoInterval() {
        XCTAssertNil(Wilson.interval(successes: 0, total: 0))
        XCTAssertNil(Wilson.interval(successes: 5, total: 4))
        XCTAssertNil(Wilson.interval(successes: 1, total: 4, confidence: 1))
    }
}
