import Vapor

/// Refuses request bodies over the configured size with 413, before any route reads them.
/// Routes also stop streamed bodies at the same size; this covers bodies already in memory
/// and answers at once from the Content-Length header.
struct BodySizeLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let limit = request.settings.maxBodySize
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        guard declared <= limit, collected <= limit else {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: request)
    }
}
