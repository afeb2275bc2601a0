import XCTest

@testable import App

/// Charts drawn on the server: where the bars fall, and that words in them are escaped.
final class SVGChartsTests: XCTestCase {
    private func rects(_ svg: String) -> [(x: Double, width: Double, kind: String)] {
        let pattern =
            /<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="22" class="chart__seg chart__seg--([a-z-]+)"\/>/
        return svg.matches(of: pattern).map { (Double($0.1)!, Double($0.2)!, String($0.3)) }
    }

    func testUnfavourableAnswersSitLeftOfTheCentreAndAMiddleAnswerIsSplitAcrossIt() {
        // Five answers, worst first: 1 person, 1, 2 in the middle, 2, 4 (10 in all).
        let svg = SVGCharts.divergingBars(
            [.init(label: "After", counts: [1, 1, 2, 2, 4])],
            answers: ["Very bad", "Bad", "Neither", "Good", "Very good"], id: "t", title: "T", description: "D")
        let bars = rects(svg).filter { $0.width != 14 }
        XCTAssertEqual(bars.map(\.kind), ["low-far", "low", "middle", "high", "high-far"])
        let centre = 130.0 + 10 + 190
        // 10% + 10% + half of 20% = 30% of the half-width lies left of the centre.
        XCTAssertEqual(bars[0].x, centre - 0.3 * 190, accuracy: 0.1)
        let middle = bars[2]
        XCTAssertEqual(middle.x + middle.width / 2, centre, accuracy: 0.1)
        XCTAssertEqual(bars.map(\.width).reduce(0, +), 190, accuracy: 0.5, "shares of the row's own total")
    }

    func testARowWithNoAnswersKeepsItsLabelButDrawsNoBar() {
        let svg = SVGCharts.divergingBars(
            [.init(label: "Before", counts: [0, 0, 0, 0])], answers: ["A", "B", "C", "D"], id: "t", title: "T",
            description: "D")
        XCTAssertTrue(svg.contains(">Before</text>"))
        XCTAssertTrue(rects(svg).allSatisfy { $0.width == 14 }, "only the legend's swatches")
    }

    func testWordsInAChartAreEscaped() {
        let svg = SVGCharts.divergingBars(
            [.init(label: "<b>", counts: [1, 1])], answers: ["\"yes\"", "<no>"], id: "t", title: "A & B",
            description: "D")
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertFalse(svg.contains("<no>"))
        XCTAssertTrue(svg.contains("A &amp; B"))
    }
}
