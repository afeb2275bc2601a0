import Fluent
import SQLKit
import Vapor

/// The rules of accounts, shared by the web pages and the command line.
enum AccountRules {
    static let minimumPasswordLength = 10
    /// bcrypt reads only the first 72 bytes; longer passwords would be silently cut.
    static let maximumPasswordBytes = 72
    static let maximumNameLength = 100
    static let confirmationLifetime: TimeInterval = 48 * 60 * 60
    static let resetLifetime: TimeInterval = 60 * 60
    static let undoEmailChangeLifetime: TimeInterval = 7 * 24 * 60 * 60
    /// Answers to "send me a link" forms take at least this long, so timing never tells whether
    /// an address has an account.
    static let linkRequestDuration: Duration = .milliseconds(400)

    static func passwordProblem(_ password: String) -> String? {
        if password.isEmpty { return "Enter a password" }
        if password.count < minimumPasswordLength {
            return "Password must be \(minimumPasswordLength) characters or more"
        }
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

/// Named, expiring bearer tokens for the JSON API.
enum APITokens {
    /// Makes a token and returns it; only its hash is kept, so this is the one time it is seen.
    static func create(for userID: UUID, name: String, days: Int, on db: Database) async throws -> String {
        let token = Tokens.random()
        let expiresAt = Date().addingTimeInterval(TimeInterval(days) * 24 * 60 * 60)
        try await APIToken(userID: userID, tokenHash: Tokens.hash(token), name: name, expiresAt: expiresAt).create(
            on: db)
        return token
    }

    static func revokeAll(of userID: UUID, request: Request) async throws {
        let tokens = try await APIToken.query(on: request.db).filter(\.$user.$id == userID).all()
        guard !tokens.isEmpty else { return }
        try await APIToken.query(on: request.db).filter(\.$user.$id == userID).delete()
        try await request.audit(
            .apiTokenRevoked, subjectType: "user", subjectID: userID,
            detail: "all \(tokens.count), with a password change")
    }
}

/// Makes the one-off links sent by email.
enum EmailLinks {
    /// Creates a token for `purpose` about `address`, stores its hash, and returns the token for the link.
    static func issue(
        _ purpose: EmailToken.Purpose, for user: User, address: String, lifetime: TimeInterval, on db: Database
    ) async throws -> String {
        // Links that expired a week ago can no longer help anyone; remove them.
        try await EmailToken.query(on: db).filter(\.$expiresAt < Date().addingTimeInterval(-7 * 24 * 60 * 60)).delete()
        let token = Tokens.random()
        try await EmailToken(
            userID: try user.requireID(), purpose: purpose, email: address, tokenHash: Tokens.hash(token),
            expiresAt: Date().addingTimeInterval(lifetime)
        ).create(on: db)
        return token
    }

    /// The unused, unexpired token with this value and one of these purposes, with its person,
    /// provided the address it was sent to is still the one it is about.
    static func find(_ token: String, purposes: [EmailToken.Purpose], on db: Database) async throws -> EmailToken? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        guard
            let record = try await EmailToken.query(on: db)
                .filter(\.$tokenHash == Tokens.hash(token))
                .filter(\.$purpose ~~ purposes)
                .filter(\.$usedAt == nil)
                .filter(\.$expiresAt > Date())
                .with(\.$user)
                .first()
        else { return nil }
        guard record.user.deletedAt == nil else { return nil }
        switch record.purpose {
        case .changeEmail:
            return record.user.pendingEmail == record.email ? record : nil
        case .undoEmailChange:
            // Sent to the old address, which by design is no longer the account's.
            return record
        default:
            return record.user.email == record.email ? record : nil
        }
    }

    static func sendConfirmation(to user: User, request: Request) async throws {
        try await sendLink(
            .confirmEmail, to: user, address: user.email, lifetime: AccountRules.confirmationLifetime,
            page: .confirmEmail,
            subject: "Confirm your email address for Bridgework", request: request
        ) { link in
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
        try await sendLink(
            .changeEmail, to: user, address: newAddress, lifetime: AccountRules.confirmationLifetime,
            page: .confirmEmail,
            subject: "Confirm your new email address for Bridgework", request: request
        ) { link in
            """
            Hello \(user.name),

            You asked to change the email address of your Bridgework account to this one. To confirm the change, open this link:

            \(link)

            The link works once and expires in 48 hours. Until then your account keeps its old address. If you did not ask for this, you can ignore this message.

            Bridgework
            """
        }
    }

    /// Tells the old address of a change, with a link that puts it back for 7 days.
    static func sendEmailChangeUndo(to user: User, oldAddress: String, request: Request) async throws {
        try await sendLink(
            .undoEmailChange, to: user, address: oldAddress, lifetime: AccountRules.undoEmailChangeLifetime,
            page: .undoEmailChange,
            subject: "The email address of your Bridgework account has changed", request: request
        ) { link in
            """
            Hello \(user.name),

            The email address of your Bridgework account has just been changed from this address to \(user.email).

            If you did not make this change, open this link to put this address back. It signs everyone out of your account and cancels its API tokens:

            \(link)

            The link works once, for 7 days. If you made the change yourself, you do not need to do anything.

            Bridgework
            """
        }
    }

    static func sendPasswordReset(to user: User, request: Request) async throws {
        try await sendLink(
            .resetPassword, to: user, address: user.email, lifetime: AccountRules.resetLifetime, page: .resetPassword,
            subject: "Reset your Bridgework password", request: request
        ) { link in
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
    private static func sendLink(
        _ purpose: EmailToken.Purpose, to user: User, address: String, lifetime: TimeInterval, page: SiteURL,
        subject: String, request: Request, body: (String) -> String
    ) async throws {
        let token = try await issue(purpose, for: user, address: address, lifetime: lifetime, on: request.db)
        let link = page.absolute(base: request.application.publicBaseURL, query: ["token": token])
        try await request.mailer.send(to: address, subject: subject, body: body(link), secrets: [token])
    }
}

/// Limits guessing: failed sign-ins per account and per network address, and password-reset
/// requests per account and per address, each counted over a window. Kept in the database so
/// every server process sees the same counts.
///
/// Checking and counting are one step: one conditional `UPDATE … RETURNING` on the key's row
/// takes a place only while places are left, so however many attempts arrive at once, exactly
/// the limit get through, on SQLite and on PostgreSQL alike.
struct Throttle: Sendable {
    let prefix: String
    let limit: Int
    let window: TimeInterval

    /// Failed sign-ins for one account, from anywhere. The right password for another account
    /// is never refused because of this one.
    static let signInAccount = Throttle(prefix: "email:", limit: 10, window: 15 * 60)
    /// Failed sign-ins from one network address, across accounts: high enough for a shared office.
    static let signInAddress = Throttle(prefix: "ip:", limit: 50, window: 15 * 60)
    /// Reset emails for one account.
    static let resetAccount = Throttle(prefix: "reset-email:", limit: 3, window: 60 * 60)
    /// Reset requests from one network address.
    static let resetAddress = Throttle(prefix: "reset-ip:", limit: 10, window: 60 * 60)
    /// Invitations one person sends, so nobody can use an organisation to mail strangers at will.
    static let invitations = Throttle(prefix: "invite:", limit: 30, window: 60 * 60)
    /// Survey codes that match no answer from before, per survey and network address: a person
    /// who mistypes is told, but nobody can try code after code to find other people's.
    static let surveyCodeMisses = Throttle(prefix: "survey-code:", limit: 20, window: 60 * 60)
    /// Counters idle for longer than the longest window are of no more use.
    static let longestWindow: TimeInterval = 60 * 60

    func key(_ value: String) -> String { prefix + value }
}

/// One throttle and the key it counts for this attempt.
struct ThrottleKey: Sendable {
    let throttle: Throttle
    let key: String
}

/// The places one attempt took: kept if it fails (they are its failures), given back otherwise.
struct ThrottleReservation: Sendable {
    let keys: [String]
}

enum SignInThrottle {
    static func keys(email: String, address: String?) -> [ThrottleKey] {
        var keys = [
            ThrottleKey(
                throttle: .signInAccount, key: Throttle.signInAccount.key(Tokens.hash(User.normalise(email: email))))
        ]
        if let address { keys.append(ThrottleKey(throttle: .signInAddress, key: Throttle.signInAddress.key(address))) }
        return keys
    }

    static func resetKeys(email: String, address: String?) -> [ThrottleKey] {
        var keys = [
            ThrottleKey(
                throttle: .resetAccount, key: Throttle.resetAccount.key(Tokens.hash(User.normalise(email: email))))
        ]
        if let address { keys.append(ThrottleKey(throttle: .resetAddress, key: Throttle.resetAddress.key(address))) }
        return keys
    }

    /// Takes a place under every limit, or returns nil (taking nothing) when any is used up.
    static func reserve(_ keys: [ThrottleKey], on db: Database) async throws -> ThrottleReservation? {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let now = Date()
        var taken: [String] = []
        for item in keys {
            let windowOpened = now.addingTimeInterval(-item.throttle.window)
            var rows: [SQLRow] = []
            // Twice at most: another request may clear out a stale counter between the two steps.
            for _ in 0..<2 {
                try await sql.raw(
                    """
                    INSERT INTO throttle_counters (id, key, window_start, used) VALUES (\(bind: UUID()), \(bind: item.key), \(bind: now), 0)
                    ON CONFLICT (key) DO NOTHING
                    """
                ).run()
                // A window that has run out starts again with this attempt.
                rows = try await sql.raw(
                    """
                    UPDATE throttle_counters
                    SET used = CASE WHEN window_start < \(bind: windowOpened) THEN 1 ELSE used + 1 END,
                        window_start = CASE WHEN window_start < \(bind: windowOpened) THEN \(bind: now) ELSE window_start END
                    WHERE key = \(bind: item.key) AND (window_start < \(bind: windowOpened) OR used < \(bind: item.throttle.limit))
                    RETURNING used
                    """
                ).all()
                if !rows.isEmpty { break }
                if try await ThrottleCounter.query(on: db).filter(\.$key == item.key).count() > 0 { break }
            }
            guard !rows.isEmpty else {
                try await release(ThrottleReservation(keys: taken), on: db)
                return nil
            }
            taken.append(item.key)
        }
        // Counters nobody has used for longer than any window are forgotten.
        try await ThrottleCounter.query(on: db).filter(\.$windowStart < now.addingTimeInterval(-Throttle.longestWindow))
            .delete()
        return ThrottleReservation(keys: taken)
    }

    /// Gives the places back: the attempt did not count against anyone (a right password).
    static func release(_ reservation: ThrottleReservation, on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        for key in reservation.keys {
            try await sql.raw("UPDATE throttle_counters SET used = used - 1 WHERE key = \(bind: key) AND used > 0")
                .run()
        }
    }

    /// How many places this key has used in its current window.
    static func used(_ item: ThrottleKey, on db: Database) async throws -> Int {
        guard let counter = try await ThrottleCounter.query(on: db).filter(\.$key == item.key).first(),
            counter.windowStart >= Date().addingTimeInterval(-item.throttle.window)
        else { return 0 }
        return counter.used
    }

    /// Whether any of these limits is used up now (read only; for showing a page).
    static func isLimited(keys: [ThrottleKey], on db: Database) async throws -> Bool {
        for item in keys {
            if try await used(item, on: db) >= item.throttle.limit { return true }
        }
        return false
    }

    /// Forgets an account's failed sign-ins, after a right password or a reset.
    static func clear(email: String, on db: Database) async throws {
        try await ThrottleCounter.query(on: db).filter(\.$key == keys(email: email, address: nil)[0].key).delete()
    }
}
