import Vapor

/// Refuses addresses that carry a NUL character (`%00`) with 400 before any handler sees them:
/// no page has a use for one, and PostgreSQL refuses to compare text holding it.
struct RequestSanityMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let path = request.url.path
        let query = request.url.query ?? ""
        if path.contains("\u{0}") || path.lowercased().contains("%00") || query.lowercased().contains("%00") || query.contains("\u{0}") {
            throw Abort(.badRequest, reason: "This address contains a character that is not allowed.")
        }
        return try await next.respond(to: request)
    }
}
