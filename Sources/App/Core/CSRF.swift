import Vapor

/// Cross-site request forgery protection for every form.
///
/// Each browser gets a random `bw_csrf` cookie (HttpOnly, SameSite=Lax). Forms carry
/// HMAC(site key, cookie) in a hidden `csrf_token` field; another site can neither read the
/// cookie nor compute the token. The API is exempt because it takes bearer tokens, never cookies.
enum CSRF {
    static let cookieName = "bw_csrf"
    static let fieldName = "csrf_token"

    static func token(forCookie cookie: String, key: SymmetricKey) -> String {
        Tokens.sign("csrf|" + cookie, key: key)
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    private static let unsafeMethods: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // Requests with no route end as 404 or 405 without touching anything, so they need no check.
        if Self.unsafeMethods.contains(request.method), !request.isAPIRequest, let route = request.route,
            !route.isSignedLink
        {
            // Collect the body here, within the size limit, so the field can be read before routing.
            _ = try await request.body.collect(max: request.maxBodySize).get()
            guard Self.isValid(request) else {
                throw FormExpiredError()
            }
        }
        let response = try await next.respond(to: request)
        if let newCookie = request.storage[NewCSRFCookieKey.self] {
            response.cookies[CSRF.cookieName] = SecureCookie.make(
                value: newCookie, maxAge: 60 * 60 * 24 * 365, settings: request.settings)
        }
        return response
    }

    private static func isValid(_ request: Request) -> Bool {
        guard let cookie = request.cookies[CSRF.cookieName]?.string, !cookie.isEmpty,
            let submitted = try? request.content.get(String.self, at: CSRF.fieldName)
        else { return false }
        return Tokens.constantTimeEqual(submitted, CSRF.token(forCookie: cookie, key: request.application.csrfKey))
    }
}

/// A form arrived without a valid token: shown as a 403 page that says what to do.
struct FormExpiredError: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String { "This form could not be checked, so nothing was sent." }
}

private struct NewCSRFCookieKey: StorageKey { typealias Value = String }

extension Request {
    /// The token to put in this page's forms; issues the browser a CSRF cookie when it has none.
    var csrfToken: String {
        let cookie: String
        if let existing = cookies[CSRF.cookieName]?.string, !existing.isEmpty {
            cookie = existing
        } else if let issued = storage[NewCSRFCookieKey.self] {
            cookie = issued
        } else {
            cookie = Tokens.random()
            storage[NewCSRFCookieKey.self] = cookie
        }
        return CSRF.token(forCookie: cookie, key: application.csrfKey)
    }
}

/// Key under which a route records that its own signed token protects it (see `Route.signedLink`).
struct SignedLinkKey: Hashable, Sendable {}

extension Route {
    /// This route is reached from a link in an email that carries its own signed token, checked by
    /// its handler, so a mail program may post to it without a form token (RFC 8058 one-click
    /// unsubscribe). Its handler must refuse a request whose token does not check.
    @discardableResult
    func signedLink() -> Route {
        userInfo[AnySendableHashable(SignedLinkKey())] = true
        return self
    }

    var isSignedLink: Bool {
        userInfo[AnySendableHashable(SignedLinkKey())] as? Bool == true
    }
}
