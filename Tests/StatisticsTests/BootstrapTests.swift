import Statistics
import XCTest

/// Reference values: reference/bca_reference.py, a Python re-implementation with the same
/// SplitMix64 generator and resampling order, cross-checked there against SciPy's own BCa formula
/// (`scipy.stats._resampling._bca_interval`) on the same bootstrap replicates.
final class BootstrapTests: XCTestCase {
    static let sample20 = [
        4.1, 5.3, 3.8, 6.0, 5.5, 4.9, 7.2, 5.1, 4.4, 6.3, 5.8, 3.9, 5.0, 6.7, 4.6, 5.2, 5.9, 4.8, 6.1, 5.4,
    ]
    static let skewed15: [Double] = [1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 7, 9, 12, 15, 30]

    static func mean(_ values: [Double]) -> Double { Descriptive.mean(values)! }
    static func median(_ values: [Double]) -> Double { Descriptive.median(values)! }

    func testSplitMix64GivesTheReferenceStream() {
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual(
            [zero.next(), zero.next(), zero.next()],
            [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var seeded = SplitMix64(seed: 20_250_601)
        XCTAssertEqual(
            [seeded.next(), seeded.next(), seeded.next()],
            [0x6AFE_0A4E_B5D7_1773, 0x2FA7_95B7_9A92_BA70, 0xBCAD_43A4_7EBB_FF7D])
    }

    func testTheSameSeedGivesTheSameIntervalEveryTime() throws {
        let first = try XCTUnwrap(Bootstrap.bca(sample: Self.sample20, statistic: Self.mean, resamples: 500, seed: 99))
        let second = try XCTUnwrap(Bootstrap.bca(sample: Self.sample20, statistic: Self.mean, resamples: 500, seed: 99))
        XCTAssertEqual(first, second)
        let other = try XCTUnwrap(Bootstrap.bca(sample: Self.sample20, statistic: Self.mean, resamples: 500, seed: 100))
        XCTAssertNotEqual(first, other, "another seed, other resamples")
    }

    func testBCaOfTheMeanMatchesThePythonReimplementation() throws {
        let interval = try XCTUnwrap(
            Bootstrap.bca(
                sample: Self.sample20, statistic: Self.mean, resamples: 2000, seed: 20_250_601, confidence: 0.95))
        assertClose(interval.estimate, 5.3)
        assertClose(interval.low, 4.945)
        assertClose(interval.high, 5.7299999999999995)
        assertClose(interval.biasCorrection, 0.04764395595447656)
        assertClose(interval.acceleration, 0.007029560865784343)
    }

    func testBCaOfASkewedSampleAt90PercentMatchesThePythonReimplementation() throws {
        let interval = try XCTUnwrap(
            Bootstrap.bca(sample: Self.skewed15, statistic: Self.mean, resamples: 1000, seed: 7, confidence: 0.90))
        assertClose(interval.low, 4.6)
        assertClose(interval.high, 11.524470236708718)
        assertClose(interval.biasCorrection, 0.12313524773483665)
        assertClose(interval.acceleration, 0.08913655408982657)
    }

    func testBCaOfTheMedianWithTiedReplicatesMatchesThePythonReimplementation() throws {
        let interval = try XCTUnwrap(
            Bootstrap.bca(sample: Self.skewed15, statistic: Self.median, resamples: 999, seed: 7))
        XCTAssertEqual(interval.estimate, 4)
        assertClose(interval.low, 2)
        assertClose(interval.high, 9)
        assertClose(interval.biasCorrection, 0.01380069383179172)
        XCTAssertEqual(interval.acceleration, 0)
    }

    func testTheIntervalOfANormalishSampleContainsItsMean() throws {
        let interval = try XCTUnwrap(Bootstrap.bca(sample: Self.sample20, statistic: Self.mean))
        XCTAssertLessThan(interval.low, 5.3)
        XCTAssertGreaterThan(interval.high, 5.3)
        XCTAssertGreaterThan(interval.low, 4.5)
        XCTAssertLessThan(interval.high, 6.1)
        XCTAssertEqual(interval.seed, Bootstrap.defaultSeed)
    }

    func testAConstantSampleGivesAZeroWidthIntervalAndOneValueNone() throws {
        let constant = try XCTUnwrap(Bootstrap.bca(sample: [3, 3, 3, 3], statistic: Self.mean, resamples: 50))
        XCTAssertEqual(constant.low, 3)
        XCTAssertEqual(constant.high, 3)
        XCTAssertNil(Bootstrap.bca(sample: [3], statistic: Self.mean))
    }

    func testIndicesAreDrawnWithoutModuloBiasWithinTheBound() {
        var generator = SplitMix64(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let index = generator.nextIndex(below: 7)
            XCTAssertTrue((0..<7).contains(index))
            seen.insert(index)
        }
        XCTAssertEqual(seen.count, 7)
    }
}
