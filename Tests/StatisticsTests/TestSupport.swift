import XCTest

/// Relative agreement |actual − expected| ≤ tolerance·|expected| (absolute when expected is 0).
/// The tests use 1e-9 where the maths is exact, as the contract asks.
func assertClose(
    _ actual: Double?, _ expected: Double, relative tolerance: Double = 1e-9,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard let actual else {
        XCTFail("expected \(expected), got nil \(message)", file: file, line: line)
        return
    }
    let allowed = expected == 0 ? tolerance : tolerance * abs(expected)
    XCTAssertLessThanOrEqual(
        abs(actual - expected), allowed, "\(actual) is not \(expected) \(message)", file: file, line: line)
}

/// Absolute agreement, for p-values (1e-6, as the contract asks).
func assertP(
    _ actual: Double?, _ expected: Double, absolute tolerance: Double = 1e-6,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard let actual else {
        XCTFail("expected p = \(expected), got nil \(message)", file: file, line: line)
        return
    }
    XCTAssertEqual(actual, expected, accuracy: tolerance, message, file: file, line: line)
}
