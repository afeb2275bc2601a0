import Statistics
import XCTest

/// Reference values: SciPy 1.17.1, `scipy.special.ndtr` / `ndtri` and `scipy.stats.t`
/// (reference/make_reference.py, sections "Normal" and "Student t").
final class DistributionTests: XCTestCase {
    func testTheNormalCDFMatchesScipy() {
        let xs = [-8.0, -1.96, 0.0, 0.5, 3.0]
        let expected = [6.22096057427174e-16, 0.024997895148220435, 0.5, 0.6914624612740131, 0.9986501019683699]
        for (x, value) in zip(xs, expected) {
            assertClose(NormalDistribution.cdf(x), value, relative: 1e-12, "Φ(\(x))")
        }
        assertClose(NormalDistribution.survival(8), 6.22096057427174e-16, relative: 1e-12)
    }

    func testTheNormalQuantileMatchesScipy() {
        let ps = [1e-10, 0.025, 0.5, 0.8, 0.975, 1 - 1e-9]
        let expected = [
            -6.361340902404056, -1.9599639845400545, 0.0, 0.8416212335729143, 1.959963984540054, 5.997807019601637,
        ]
        for (p, value) in zip(ps, expected) {
            assertClose(NormalDistribution.quantile(p), value, relative: 1e-12, "Φ⁻¹(\(p))")
        }
        XCTAssertEqual(NormalDistribution.quantile(0), -.infinity)
        XCTAssertEqual(NormalDistribution.quantile(1), .infinity)
        XCTAssertTrue(NormalDistribution.quantile(1.2).isNaN)
    }

    func testTheNormalQuantileInvertsTheCDF() {
        for p in stride(from: 0.001, to: 1, by: 0.0371) {
            assertClose(NormalDistribution.cdf(NormalDistribution.quantile(p)), p, relative: 1e-13, "p = \(p)")
        }
    }

    let tCases: [(t: Double, df: Double)] = [
        (0.5, 3), (-2.1, 7), (2.262157, 9), (10, 2), (-40, 5), (1, 1), (0.01, 200), (3.5, 30.5),
    ]

    func testTheStudentTCDFMatchesScipy() {
        let expected = [
            0.6742760175759245, 0.036935598106461326, 0.9749999933477842, 0.9950737714883372,
            9.205981085886477e-08, 0.75, 0.5039843724233595, 0.9992727651063771,
        ]
        for (c, value) in zip(tCases, expected) {
            assertClose(StudentT.cdf(c.t, df: c.df), value, "t = \(c.t), df = \(c.df)")
        }
    }

    func testTheTwoSidedPFromTheTDistributionMatchesScipy() {
        let expected = [
            0.651447964848151, 0.07387119621292265, 0.05000001330443163, 0.00985245702332569,
            1.8411962171772954e-07, 0.5000000000000001, 0.992031255153281, 0.0014544697872457407,
        ]
        for (c, value) in zip(tCases, expected) {
            assertClose(StudentT.twoSidedP(t: c.t, df: c.df), value, "t = \(c.t), df = \(c.df)")
            assertP(StudentT.twoSidedP(t: c.t, df: c.df), value)
        }
    }

    func testTheStudentTQuantileMatchesScipy() {
        let cases: [(p: Double, df: Double)] = [
            (0.975, 1), (0.975, 2), (0.975, 4), (0.975, 9), (0.975, 17),
            (0.975, 29), (0.975, 100), (0.001, 5), (0.6, 3.5),
        ]
        let expected = [
            12.706204736174694, 4.302652729749462, 2.7764451051977934, 2.262157162798205,
            2.1098155778333156, 2.045229642132703, 1.9839715185235518, -5.893429531356009, 0.27326545405577973,
        ]
        for (c, value) in zip(cases, expected) {
            assertClose(StudentT.quantile(c.p, df: c.df), value, "p = \(c.p), df = \(c.df)")
        }
        XCTAssertEqual(StudentT.quantile(0.5, df: 4), 0)
    }

    func testTheStudentTQuantileInvertsTheCDF() {
        for df in [1.0, 3, 11, 60] {
            for p in [0.0005, 0.02, 0.3, 0.7, 0.975, 0.9999] {
                assertClose(
                    StudentT.cdf(StudentT.quantile(p, df: df), df: df), p, relative: 1e-11, "p = \(p), df = \(df)")
            }
        }
    }

    func testTheIncompleteBetaFunctionHasItsKnownClosedForms() {
        // I_x(1, 1) = x and I_x(a, 1) = x^a.
        assertClose(SpecialFunctions.regularizedIncompleteBeta(a: 1, b: 1, x: 0.37), 0.37, relative: 1e-13)
        assertClose(SpecialFunctions.regularizedIncompleteBeta(a: 3.5, b: 1, x: 0.6), pow(0.6, 3.5), relative: 1e-13)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 0), 0)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 1), 1)
    }
}
