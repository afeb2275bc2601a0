import Foundation
import Plot
import XCTest

@testable import App

/// The library's pages, rendered from their models alone: no server, no database.
final class LibraryPageTests: XCTestCase {
    private func resource(link: String? = nil) -> Resource {
        let resource = Resource()
        resource.id = UUID()
        resource.slug = "listening-circles"
        resource.title = "Listening circles"
        resource.kind = .method
        resource.summary = "How to run a listening circle."
        resource.body = ""
        resource.link = link
        resource.doi = nil
        return resource
    }

    private func list(canCurate: Bool, filters: LibraryController.Filters = .init()) -> String {
        let resources = Paged(items: [resource()], page: 1, size: LibraryController.pageSize, total: 1)
        let model = LibraryListPage.Model(
            page: .preview(path: "/library"), filters: filters, resources: resources, canCurate: canCurate)
        return LibraryListPage.view(model).render()
    }

    func testACuratorSeesTheAddToTheLibraryButtonAndNobodyElseDoes() {
        XCTAssertTrue(list(canCurate: true).contains("Add to the library"))
        XCTAssertFalse(list(canCurate: false).contains("Add to the library"))
    }

    func testTheKindChosenStaysSelectedAndCanBeCleared() {
        let html = list(canCurate: false, filters: .init(kind: .method))
        XCTAssertTrue(html.contains("<option value=\"method\" selected=\"selected\">Method</option>"), html)
        XCTAssertTrue(html.contains("Show everything"))
        XCTAssertTrue(html.contains("1 resource"))
    }

    func testAResourceElsewhereIsLinkedAsAnotherWebsite() {
        let model = ResourcePage.Model(
            page: .preview(path: "/library/listening-circles"), resource: resource(link: "https://example.org/circles"),
            terms: [:], canCurate: false)
        let html = ResourcePage.view(model).render()
        XCTAssertTrue(html.contains("<h1>Listening circles</h1>"))
        XCTAssertTrue(html.contains("href=\"https://example.org/circles\""))
        XCTAssertTrue(html.contains("(on another website)"))
        XCTAssertFalse(html.contains("Edit this resource"))
    }

    func testAFormWithAProblemKeepsWhatWasTypedEscaped() {
        var form = ResourceForm()
        form.title = "Circles \"for\" <everyone>"
        var errors = FormErrors()
        errors.add("summary", "Enter a summary")
        let model = ResourceFormPage.Model(page: .preview(), form: form, resource: nil, errors: errors)
        let html = ResourceFormPage.view(model).render()
        XCTAssertTrue(html.contains("Error: Add to the library"), "the title says there is a problem")
        XCTAssertTrue(html.contains("Enter a summary"))
        XCTAssertTrue(html.contains("value=\"Circles &quot;for&quot; &lt;everyone&gt;\""), html)
    }
}
