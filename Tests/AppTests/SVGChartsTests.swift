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

    func testAWeekWithNoLevelIsADashNotAShortBar() {
        let svg = SVGCharts.weeklyLevels(
            [.init(label: "2 Nov", value: 2), .init(label: "9 Nov", value: nil), .init(label: "16 Nov", value: 5)],
            maximum: 5, id: "w", title: "Levels", description: "Two of three weeks")
        XCTAssertEqual(
            svg.components(separatedBy: "class=\"chart__bar ").count - 1, 2, "a bar for each week with a level")
        XCTAssertEqual(
            svg.components(separatedBy: "class=\"chart__missing\"").count - 1, 1, "a dash for the week without")
        XCTAssertTrue(svg.contains("chart__bar--level-5"))
        XCTAssertTrue(svg.contains("<title id=\"w-title\">Levels</title>"))
    }

    func testWeeksAreCountedMondayToSundayInLondon() {
        XCTAssertEqual(UKWeek.of(day: "2026-12-04"), "2026-W49")
        XCTAssertEqual(UKWeek.of(day: "2026-12-06"), "2026-W49", "Sunday ends the week")
        XCTAssertEqual(UKWeek.of(day: "2026-12-07"), "2026-W50")
        XCTAssertNil(UKWeek.of(day: "2026-02-30"))
        XCTAssertEqual(UKWeek.label("2026-W49"), "Week of 30 November 2026")
        XCTAssertNil(UKWeek.monday(of: "2026-W60"))
        let recent = UKWeek.recent(3, endingAt: UKWeek.monday(of: "2026-W01")!)
        XCTAssertEqual(recent, ["2025-W51", "2025-W52", "2026-W01"])
    }
}
