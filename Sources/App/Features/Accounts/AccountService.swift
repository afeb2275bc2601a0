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
        // bcrypt counts bytes: letters outside plain English take two to four each.
        if password.utf8.count > maximumPasswordBytes { return "Password is too long: use fewer characters" }
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
    /// Creates a token for `purpose` about `address`, stores its hash, and returns the token for the link.
    static func issue(_ purpose: EmailToken.Purpose, for user: User, address: String, lifetime: TimeInterval, on db: Database) async throws -> String {
        // Links that expired a week ago can no longer help anyone; remove them.
        try await EmailToken.query(on: db).filter(\.$expiresAt < Date().addingTimeInterval(-7 * 24 * 60 * 60)).delete()
        let token = Tokens.random()
        try await EmailToken(userID: try user.requireID(), purpose: purpose, email: address, tokenHash: Tokens.hash(token), expiresAt: Date().addingTimeInterval(lifetime)).create(on: db)
        return token
    }

    /// The unused, unexpired token with this value and one of these purposes, with its person,
    /// provided the address it was sent to is still the one it is about.
    static func find(_ token: String, purposes: [EmailToken.Purpose], on db: Database) async throws -> EmailToken? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        guard let record = try await EmailToken.query(on: db)
            .filter(\.$tokenHash == Tokens.hash(token))
            .filter(\.$purpose ~~ purposes.map(\.rawValue))
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > Date())
            .with(\.$user)
            .first()
        else { return nil }
        let addressNow = record.purpose == EmailToken.Purpose.changeEmail.rawValue ? record.user.pendingEmail : record.user.email
        return addressNow == record.email ? record : nil
    }

    static func sendConfirmation(to user: User, request: Request) async throws {
        try await sendLink(.confirmEmail, to: user, address: user.email, lifetime: AccountRules.confirmationLifetime, page: .confirmEmail,
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

    static func sendEmailChange(to user: User, newAddress: String, request: Request) async throws {
        try await sendLink(.changeEmail, to: user, address: newAddress, lifetime: AccountRules.confirmationLifetime, page: .confirmEmail,
                           subject: "Confirm your new email address for Bridgework", request: request) { link in
            """
            Hello \(user.name),

            You asked to change the email address of your Bridgework account to this one. To confirm the change, open this link:

            \(link)

            The link works once and expires in 48 hours. Until then your account keeps its old address. If you did not ask for this, you can ignore this message.

            Bridgework
            """
        }
    }

    static func sendPasswordReset(to user: User, request: Request) async throws {
        try await sendLink(.resetPassword, to: user, address: user.email, lifetime: AccountRules.resetLifetime, page: .resetPassword,
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
    private static func sendLink(_ purpose: EmailToken.Purpose, to user: User, address: String, lifetime: TimeInterval, page: SiteURL, subject: String, request: Request, body: (String) -> String) async throws {
        let token = try await issue(purpose, for: user, address: address, lifetime: lifetime, on: request.db)
        let link = page.absolute(base: request.application.publicBaseURL, query: ["token": token])
        try await request.mailer.send(to: address, subject: subject, body: body(link), secrets: [token])
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
