import Fluent
import Vapor

/// Signed-in sessions live in the database so any server process can serve any request.
/// The cookie carries a random token; only its hash is stored.
enum Sessions {
    static let cookieName = "bw_session"
    static let lifetime: TimeInterval = 14 * 24 * 60 * 60

    /// Starts a fresh session for `user`, ending the one this browser had (so the id always changes at sign-in).
    static func signIn(_ user: User, request: Request, response: Response) async throws {
        if let oldToken = request.cookies[cookieName]?.string {
            try await UserSession.query(on: request.db).filter(\.$tokenHash == Tokens.hash(oldToken)).delete()
        }
        // Expired sessions are of no use to anyone; clear them out while we are here.
        try await UserSession.query(on: request.db).filter(\.$expiresAt < Date()).delete()
        let token = Tokens.random()
        let session = UserSession(
            tokenHash: Tokens.hash(token), userID: try user.requireID(), expiresAt: Date().addingTimeInterval(lifetime))
        try await session.create(on: request.db)
        response.cookies[cookieName] = cookie(value: token, maxAge: Int(lifetime), settings: request.settings)
        request.currentUser = try await CurrentUser.load(user, on: request.db)
    }

    static func signOut(request: Request, response: Response) async throws {
        if let token = request.cookies[cookieName]?.string {
            try await UserSession.query(on: request.db).filter(\.$tokenHash == Tokens.hash(token)).delete()
        }
        response.cookies[cookieName] = cookie(value: "", maxAge: 0, settings: request.settings)
        request.currentUser = nil
    }

    /// Ends every session of a person, e.g. after a password reset.
    static func endAll(userID: UUID, on db: Database) async throws {
        try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
    }

    /// Ends every session of a person but the one making this request.
    static func endOthers(userID: UUID, request: Request) async throws {
        let currentToken = (request.cookies[cookieName]?.string).map { Tokens.hash($0) } ?? ""
        try await UserSession.query(on: request.db).filter(\.$user.$id == userID).filter(\.$tokenHash != currentToken)
            .delete()
    }

    static func cookie(value: String, maxAge: Int, settings: Settings) -> HTTPCookies.Value {
        SecureCookie.make(value: value, maxAge: maxAge, settings: settings)
    }
}

/// Finds who is making the request: a session cookie on pages, a bearer token on the API.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.isAPIRequest {
            if let bearer = request.headers.bearerAuthorization {
                guard let user = try await Self.user(forAPIToken: bearer.token, on: request.db) else {
                    throw Abort(
                        .unauthorized,
                        reason:
                            "The API token is not valid: it may have expired or been revoked. Make a new one on your account page."
                    )
                }
                request.currentUser = try await CurrentUser.load(user, on: request.db)
            }
        } else if let token = request.cookies[Sessions.cookieName]?.string, !token.isEmpty {
            if let user = try await Self.user(forSessionToken: token, on: request.db) {
                request.currentUser = try await CurrentUser.load(user, on: request.db)
            }
        }
        return try await next.respond(to: request)
    }

    static func user(forSessionToken token: String, on db: Database) async throws -> User? {
        let session = try await UserSession.query(on: db)
            .join(User.self, on: \UserSession.$user.$id == \User.$id)
            .filter(\.$tokenHash == Tokens.hash(token))
            .filter(\.$expiresAt > Date())
            .filter(User.self, \.$deletedAt == nil)
            .first()
        return try session?.joined(User.self)
    }

    static func user(forAPIToken token: String, on db: Database) async throws -> User? {
        guard
            let row = try await APIToken.query(on: db)
                .join(User.self, on: \APIToken.$user.$id == \User.$id)
                .filter(\.$tokenHash == Tokens.hash(token))
                .filter(User.self, \.$deletedAt == nil)
                .first(),
            !row.isExpired
        else { return nil }
        // Read before saving: a save forgets the joined columns.
        let user = try row.joined(User.self)
        // Last use is kept to the minute or so: enough for its owner, and not a write per request.
        let now = Date()
        if (row.lastUsedAt.map { now.timeIntervalSince($0) > 60 }) ?? true {
            try await APIToken.query(on: db).filter(\.$id == row.requireID()).set(\.$lastUsedAt, to: now).update()
        }
        return user
    }
}
