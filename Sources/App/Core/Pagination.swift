import Fluent
import Plot
import Vapor

/// Which page of a list to show, read from `?page=`; out-of-range values fall back to the first.
struct PageRequest: Sendable {
    static let defaultSize = 20
    let number: Int
    let size: Int

    init(_ request: Request, size: Int = PageRequest.defaultSize) {
        let requested = request.query[Int.self, at: "page"] ?? 1
        self.number = max(1, min(requested, 100_000))
        self.size = size
    }

    /// The first `size` items, or another page of them, without a request to read it from.
    init(number: Int, size: Int) {
        self.number = max(1, number)
        self.size = size
    }

    var offset: Int { (number - 1) * size }
}

/// One page of a list, with the total so the page can say where the reader is.
struct Paged<Item> {
    let items: [Item]
    let page: Int
    let size: Int
    let total: Int

    var pageCount: Int { Self.pageCount(total: total, size: size) }

    /// How many pages `total` items fill, `size` to a page; an empty list still has its one page.
    static func pageCount(total: Int, size: Int) -> Int {
        max(1, (total + size - 1) / size)
    }
}

/// A page of plain values is itself a plain value, so a page model may hold one.
extension Paged: Sendable where Item: Sendable {}

extension QueryBuilder {
    /// One page of rows, and the total: counted only when the page cannot tell it, that is when
    /// the page is full (more may follow) or empty past the first (it may be beyond the end).
    /// Otherwise the rows before the page and on it are all there are.
    func paged(_ request: PageRequest) async throws -> Paged<Model> {
        let items = try await self.copy().range(request.offset..<(request.offset + request.size)).all()
        let known = items.count < request.size && (request.offset == 0 || !items.isEmpty)
        let total = known ? request.offset + items.count : try await self.copy().count()
        return Paged(items: items, page: request.number, size: request.size, total: total)
    }
}

enum Pagination {
    /// Previous and next links for a list of admin records, with the total.
    static func nav<Item>(
        _ paged: Paged<Item>, path: String, query: [String: String] = [:], singular: String, plural: String
    ) -> Node<HTML.BodyContext> {
        links(
            page: paged.page, pageCount: paged.pageCount, label: "Pages of \(plural)",
            summary: "Page \(paged.page) of \(paged.pageCount) (\(paged.total) \(paged.total == 1 ? singular : plural))"
        ) { page in
            var items = query
            items["page"] = String(page)
            var components = URLComponents()
            components.path = path
            components.queryItems = items.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            return components.string ?? path
        }
    }

    /// The one pagination pattern every list uses: where the reader is, and previous and next links.
    static func links(page: Int, pageCount: Int, label: String, summary: String? = nil, link: (Int) -> String) -> Node<
        HTML.BodyContext
    > {
        // An address past the end (an old link, a list that shrank) says so, and offers the last page.
        let pastTheEnd = page > pageCount
        let pages = pageCount == 1 ? "only one page" : "\(pageCount) pages"
        return .nav(
            .class("pagination"),
            .attribute(named: "aria-label", value: label.attributeEscaped),
            .p(
                .class("pagination__summary"),
                .plainText(
                    pastTheEnd
                        ? "There is no page \(page): the list has \(pages)" : summary ?? "Page \(page) of \(pageCount)")
            ),
            .ul(
                .class("pagination__list"),
                .if(
                    pastTheEnd,
                    .li(
                        .a(
                            .href(link(pageCount).attributeEscaped),
                            .plainText(pageCount == 1 ? "Back to the list" : "Go to the last page, page \(pageCount)")))
                ),
                .if(
                    !pastTheEnd && page > 1,
                    .li(
                        .a(
                            .href(link(page - 1).attributeEscaped), .attribute(named: "rel", value: "prev"),
                            .plainText("Previous page")))),
                .if(
                    !pastTheEnd && page < pageCount,
                    .li(
                        .a(
                            .href(link(page + 1).attributeEscaped), .attribute(named: "rel", value: "next"),
                            .plainText("Next page"))))
            )
        )
    }
}
