import Vapor

/// The page an API list was asked for, checked the same way on every list.
enum APIPaging {
    /// The `page` query parameter: a whole number from 1 (up to `maximum` when there is one);
    /// anything else is a problem named in the JSON error.
    static func requestedPage(_ req: Request, maximum: Int? = nil) throws -> Int {
        guard let raw = req.query[String.self, at: "page"] else { return 1 }
        guard let page = Int(raw), page >= 1, page <= (maximum ?? Int.max) else {
            let range = maximum.map { "from 1 to \($0)" } ?? "from 1"
            throw ValidationProblem(problems: [
                FieldProblem(field: "page", message: "page must be a whole number \(range)")
            ])
        }
        return page
    }

    /// The counts and links around one page of a list; `link` makes the absolute address of a page.
    static func meta(page: Int, size: Int, total: Int, link: (Int) -> String) -> (ListMeta, ListLinks) {
        let pageCount = Paged<Never>.pageCount(total: total, size: size)
        return (
            ListMeta(page: page, perPage: size, total: total, pageCount: pageCount),
            ListLinks(
                self: link(page), next: page < pageCount ? link(page + 1) : nil,
                prev: page > 1 ? link(page - 1) : nil)
        )
    }
}
