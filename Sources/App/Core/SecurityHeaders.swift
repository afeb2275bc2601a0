import Vapor

/// Security headers on every response, errors included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        for header in Self.headers(settings: request.settings) {
            response.headers.replaceOrAdd(name: header.name, value: header.value)
        }
        return response
    }

    static func headers(settings: Settings) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("X-Frame-Options", "DENY"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if settings.usesHTTPS {
            result.append(("Strict-Transport-Security", "max-age=31536000"))
        }
        return result
    }
}
