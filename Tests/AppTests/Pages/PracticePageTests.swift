import Foundation
import Plot
import XCTest

@testable import App

/// The practice bank's pages, rendered from their models alone: no server, no database.
final class PracticePageTests: XCTestCase {
    private func study(title: String = "Football across the estates", slug: String = "football") -> CaseStudy {
        let study = CaseStudy()
        study.id = UUID()
        study.slug = slug
        study.title = title
        study.summary = "Two estates, one league."
        study.context = "Two estates that rarely met."
        study.challenge = "Fights after matches."
        study.approach = "Mixed teams."
        study.outcome = "A shared league."
        study.evidence = "Fewer incidents."
        study.contact = "The Riverside hub."
        return study
    }

    private func list(
        canCurate: Bool = false, canKeepList: Bool = false, filters: PracticeController.Filters = .init(),
        total: Int = 1
    ) -> String {
        let studies = Paged(items: [study()], page: filters.page, size: PracticeController.pageSize, total: total)
        let model = PracticeListPage.Model(
            page: .preview(path: "/practice"), filters: filters, studies: studies, terms: [:],
            canKeepList: canKeepList, canCurate: canCurate)
        return PracticeListPage.view(model).render()
    }

    func testACuratorSeesTheAddACaseStudyButtonAndNobodyElseDoes() {
        XCTAssertTrue(list(canCurate: true).contains("Add a case study"))
        XCTAssertFalse(list(canCurate: false).contains("Add a case study"))
    }

    func testOnlySomeoneSignedInIsOfferedTheirSavedList() {
        XCTAssertTrue(list(canKeepList: true).contains("Your saved case studies"))
        XCTAssertFalse(list(canKeepList: false).contains("Your saved case studies"))
    }

    func testTheCountAndTheNextPageKeepTheFilterChosen() {
        let html = list(filters: .init(work: "mediation", page: 1), total: 30)
        XCTAssertTrue(html.contains("30 case studies"))
        XCTAssertTrue(html.contains("Show every case study"), "a filtered list links back to everything")
        XCTAssertTrue(html.contains("href=\"/practice?page=2&amp;work=mediation\""), html)
        XCTAssertFalse(html.contains("Previous page"), "the first page has no previous page")
    }

    func testOneCaseStudyIsCountedInTheSingular() {
        let html = list(total: 1)
        XCTAssertTrue(html.contains("1 case study"))
        XCTAssertFalse(html.contains("Next page"))
        XCTAssertFalse(html.contains("Show every case study"), "nothing to reset without a filter")
    }

    func testAVisitorReadsTheCaseStudyWithoutTheSaveOrEditButtons() {
        let model = CaseStudyPage.Model(
            page: .preview(path: "/practice/football"), study: study(), organisation: nil, terms: [:], saved: false,
            canKeepList: false, canCurate: false)
        let html = CaseStudyPage.view(model).render()
        XCTAssertTrue(html.contains("<h1>Football across the estates</h1>"))
        XCTAssertTrue(html.contains("<h2>Evidence of difference</h2>"))
        XCTAssertFalse(html.contains("Save to your list"))
        XCTAssertFalse(html.contains("Edit this case study"))
    }

    func testAMemberWhoSavedItIsOfferedToTakeItOffTheirList() {
        let model = CaseStudyPage.Model(
            page: .preview(path: "/practice/football", signedInName: "Sam"), study: study(), organisation: nil,
            terms: [:], saved: true, canKeepList: true, canCurate: true)
        let html = CaseStudyPage.view(model).render()
        XCTAssertTrue(html.contains("Take it off your list"))
        XCTAssertTrue(html.contains("preview-form-token"), "the form carries its anti-forgery token")
        XCTAssertTrue(html.contains("Edit this case study"))
    }

    func testATitleWithMarkupIsShownAsText() {
        let model = CaseStudyPage.Model(
            page: .preview(), study: study(title: "<script>alert(1)</script>"), organisation: nil, terms: [:],
            saved: false, canKeepList: false, canCurate: false)
        let html = CaseStudyPage.view(model).render()
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;"))
    }
}
