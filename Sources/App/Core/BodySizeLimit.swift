import Vapor

/// Refuses request bodies over the configured size with 413, before any route reads them.
/// Routes also stop streamed bodies at the same size; this covers bodies already in memory
/// and answers at once from the Content-Length header.
struct BodySizeLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let limit = request.maxBodySize
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        guard declared <= limit, collected <= limit else {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: request)
    }
}

/// Key under which a route records a larger body allowance (see `Route.allowsBody`).
struct BodyAllowanceKey: Hashable, Sendable {}

extension Route {
    /// Lets this route take a larger body than the site-wide limit, such as a photo upload.
    @discardableResult
    func allowsBody(upTo bytes: Int) -> Route {
        userInfo[AnySendableHashable(BodyAllowanceKey())] = bytes
        return self
    }

    var bodyAllowance: Int? {
        userInfo[AnySendableHashable(BodyAllowanceKey())] as? Int
    }
}

extension Request {
    /// The largest body this request's route accepts.
    var maxBodySize: Int {
        max(settings.maxBodySize, route?.bodyAllowance ?? 0)
    }
}
