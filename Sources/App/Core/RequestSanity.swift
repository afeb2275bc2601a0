import Vapor

/// Refuses addresses that carry a NUL character (`%00`) with 400 before any handler sees them:
/// no page has a use for one, and PostgreSQL refuses to compare text holding it.
struct RequestSanityMiddleware: AsyncMiddleware {
    static let longestPath = 2_048
    static let longestSegment = 255

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let path = request.url.path
        let query = request.url.query ?? ""
        if path.contains("\u{0}") || path.lowercased().contains("%00") || query.lowercased().contains("%00")
            || query.contains("\u{0}")
        {
            throw Abort(.badRequest, reason: "This address contains a character that is not allowed.")
        }
        // File systems refuse names over 255 bytes and paths near 4,096: answer before anything asks one.
        if path.utf8.count > Self.longestPath {
            throw Abort(.uriTooLong, reason: "This web address is too long.")
        }
        if path.split(separator: "/").contains(where: {
            ($0.removingPercentEncoding ?? String($0)).utf8.count > Self.longestSegment
        }) {
            throw Abort(.notFound)
        }
        return try await next.respond(to: request)
    }
}
