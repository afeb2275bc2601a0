import Fluent
import Vapor

/// The rules of accounts, shared by the web pages and the command line.
enum AccountRules {
    static let minimumPasswordLength = 10
    /// bcrypt reads only the first 72 bytes; longer passwords would be silently cut.
    static let maximumPasswordBytes = 72
    static let maximumNameLength = 100
    static let confirmationLifetime: TimeInterval = 48 * 60 * 60
    static let resetLifetime: TimeInterval = 60 * 60

    static func passwordProblem(_ password: String) -> String? {
        if password.isEmpty { return "Enter a password" }
        if password.count < minimumPasswordLength { return "Password must be \(minimumPasswordLength) characters or more" }
        if password.utf8.count > maximumPasswordBytes { return "Password must be \(maximumPasswordBytes) characters or fewer" }
        return nil
    }

    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "Enter your full name" }
        if name.count > maximumNameLength { return "Full name must be \(maximumNameLength) characters or fewer" }
        return nil
    }

    static func emailProblem(_ email: String) -> String? {
        if email.isEmpty { return "Enter your email address" }
        if email.count > 254 || !isPlausibleEmail(email) {
            return "Enter an email address in the correct format, like name@example.com"
        }
        return nil
    }

    /// A deliberately simple check: one @, something before it, a dot in the domain, no spaces.
    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { return false }
        return true
    }
}

/// Makes the one-off links sent by email.
enum EmailLinks {
    /// Creates a token for `purpose`, stores its hash, and returns the token for the link.
    static func issue(_ purpose: EmailToken.Purpose, for user: User, lifetime: TimeInterval, on db: Database) async throws -> String {
        // Links that expired a week ago can no longer help anyone; remove them.
        try await EmailToken.query(on: db).filter(\.$expiresAt < Date().addingTimeInterval(-7 * 24 * 60 * 60)).delete()
        let token = Tokens.random()
        try await EmailToken(userID: try user.requireID(), purpose: purpose, tokenHash: Tokens.hash(token), expiresAt: Date().addingTimeInterval(lifetime)).create(on: db)
        return token
    }

    /// The unused, unexpired token with this value and purpose, with its person.
    static func find(_ token: String, purpose: EmailToken.Purpose, on db: Database) async throws -> EmailToken? {
        guard !token.isEmpty else { return nil }
        return try await EmailToken.query(on: db)
            .filter(\.$tokenHash == Tokens.hash(token))
            .filter(\.$purpose == purpose.rawValue)
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > Date())
            .with(\.$user)
            .first()
    }

    static func sendConfirmation(to user: User, request: Request) async throws {
        try await sendLink(.confirmEmail, to: user, lifetime: AccountRules.confirmationLifetime, page: .confirmEmail,
                           subject: "Confirm your email address for Bridgework", request: request) { link in
            """
            Hello \(user.name),

            Please confirm your email address for Bridgework by opening this link:

            \(link)

            The link works once and expires in 48 hours. If you did not create an account, you can ignore this message.

            Bridgework
            """
        }
    }

    static func sendPasswordReset(to user: User, request: Request) async throws {
        try await sendLink(.resetPassword, to: user, lifetime: AccountRules.resetLifetime, page: .resetPassword,
                           subject: "Reset your Bridgework password", request: request) { link in
            """
            Hello \(user.name),

            Someone asked to reset the password for your Bridgework account. To choose a new password, open this link:

            \(link)

            The link works once and expires in one hour. If you did not ask for this, you can ignore this message: your password has not changed.

            Bridgework
            """
        }
    }

    /// Issues a token, builds the absolute link to `page` carrying it, and sends the message through the outbox.
    private static func sendLink(_ purpose: EmailToken.Purpose, to user: User, lifetime: TimeInterval, page: SiteURL, subject: String, request: Request, body: (String) -> String) async throws {
        let token = try await issue(purpose, for: user, lifetime: lifetime, on: request.db)
        let link = page.absolute(base: request.application.publicBaseURL, query: ["token": token])
        try await request.mailer.send(to: user.email, subject: subject, body: body(link))
    }
}

/// Counts failed sign-ins per email address and per network address over a sliding window.
/// Kept in the database so every server process sees the same counts.
enum SignInThrottle {
    static let limit = 10
    static let window: TimeInterval = 15 * 60

    static func keys(email: String, address: String?) -> [String] {
        ["email:" + Tokens.hash(User.normalise(email: email))] + (address.map { ["ip:" + $0] } ?? [])
    }

    static func isLimited(keys: [String], on db: Database) async throws -> Bool {
        let since = Date().addingTimeInterval(-window)
        for key in keys {
            let failures = try await SignInFailure.query(on: db).filter(\.$key == key).filter(\.$failedAt > since).count()
            if failures >= limit { return true }
        }
        return false
    }

    static func recordFailure(keys: [String], on db: Database) async throws {
        let now = Date()
        for key in keys {
            try await SignInFailure(key: key, failedAt: now).create(on: db)
        }
        // Old rows are no longer needed for counting.
        try await SignInFailure.query(on: db).filter(\.$failedAt < now.addingTimeInterval(-window)).delete()
    }

    static func clear(email: String, on db: Database) async throws {
        try await SignInFailure.query(on: db).filter(\.$key == keys(email: email, address: nil)[0]).delete()
    }
}
