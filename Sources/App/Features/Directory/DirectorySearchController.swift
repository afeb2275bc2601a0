import Plot
import Vapor

/// `/search`: one search box over the whole directory. Everyone searches organisations; signed-in
/// members also find practitioners, as far as each person chose to be found.
struct DirectorySearchController {
    /// How many practitioners the combined page shows before linking to the full list.
    static let practitionerPreview = 5

    func search(req: Request) async throws -> Response {
        let query = DirectoryQuery(req)
        let search = try await FilteredDirectorySearch.run(
            req, query: query, cacheName: "search-filters", action: .search, label: "Search the directory")
        let results = search.results
        let form = search.filterForm
        var practitioners: DirectorySearchPage.Practitioners? = nil
        if let viewer = req.currentUser {
            let criteria = PractitionerSearch.Criteria(
                text: query.text, hub: query.hub, method: query.terms[.method], theme: query.terms[.theme])
            let found = try await PractitionerSearch.run(
                criteria, viewer: viewer.id, page: 1, pageSize: Self.practitionerPreview, on: req.db)
            practitioners = .init(criteria: criteria, profiles: found.profiles, total: found.total)
        }
        let model = DirectorySearchPage.Model(
            page: req.page, query: query, results: results, filterForm: form, practitioners: practitioners)
        return DirectorySearchPage.view(model).response()
    }
}
