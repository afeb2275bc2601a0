import Fluent
import Vapor
import XCTVapor

@testable import App

/// A browser for tests: keeps cookies between requests and fills in the CSRF token as a page would.
final class TestClient {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application, cookies: [String: String] = [:]) {
        self.app = app
        self.cookies = cookies
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form; the CSRF token a page of ours would carry is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, form: [String: String] = [:], csrf: Bool = true, headers: HTTPHeaders = [:]) async throws
        -> XCTHTTPResponse
    {
        var fields = form
        if csrf {
            fields[CSRF.fieldName] = try await csrfToken()
        }
        var headers = headers
        headers.contentType = .urlEncodedForm
        let body = fields.map { key, value in "\(Self.encode(key))=\(Self.encode(value))" }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a form whose fields may repeat, as a group of checkboxes sends them (`area[]`).
    @discardableResult
    func post(_ path: String, fields: [(String, String)]) async throws -> XCTHTTPResponse {
        let all = fields + [(CSRF.fieldName, try await csrfToken())]
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = all.map { key, value in "\(Self.encode(key))=\(Self.encode(value))" }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer?) async throws
        -> XCTHTTPResponse
    {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testable().sendRequest(method, path, headers: headers, body: body)
        for (name, cookie) in response.headers.setCookie?.all ?? [:] {
            if cookie.maxAge == 0 || cookie.string.isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = cookie.string
            }
        }
        return response
    }

    /// The token from a real page, the way a browser gets it: the sign-in form when signed out,
    /// the account page's forms when signed in.
    func csrfToken() async throws -> String {
        var page = try await get(SiteURL.signIn.path)
        if page.status == .seeOther { page = try await get(SiteURL.account.path) }
        guard let token = page.body.string.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/)?.1 else {
            throw Abort(.internalServerError, reason: "no CSRF token on the page")
        }
        return String(token)
    }

    /// A CSRF token and the cookies it belongs with, for requests sent outside this client
    /// (many at once, for example).
    func csrfPair() async throws -> (token: String, cookie: String) {
        let token = try await csrfToken()
        return (token, cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
    }

    func signIn(_ email: String, password: String = TestPeople.password) async throws {
        let response = try await post(SiteURL.signIn.path, form: ["email": email, "password": password])
        guard response.status == .seeOther else {
            throw Abort(.internalServerError, reason: "sign-in as \(email) failed with \(response.status)")
        }
    }

    private static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

extension XCTHTTPResponse {
    var text: String { body.string }
    var location: String? { headers.first(name: .location) }

    /// The text of the page's h1, tags removed.
    var heading: String? {
        guard let match = text.firstMatch(of: /<h1[^>]*>(.*?)<\/h1>/) else { return nil }
        return String(match.1).replacing(/<[^>]+>/, with: "")
    }
}

/// The newest message in the outbox to `recipient`, and the link in it that contains `pathFragment`.
func latestLink(to recipient: String, containing pathFragment: String, on app: Application) async throws -> String? {
    // Read from the mail folder, as the person's mailbox: the outbox never holds working links.
    guard let body = app.deliveredMail(to: recipient).last,
        let range = body.range(
            of: "http[^\\s]*" + NSRegularExpression.escapedPattern(for: pathFragment) + "[^\\s]*",
            options: .regularExpression)
    else {
        return nil
    }
    let url = URLComponents(string: String(body[range]))!
    return url.path + (url.query.map { "?" + $0 } ?? "")
}
