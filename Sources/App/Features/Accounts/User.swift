import Fluent
import Vapor

/// A person with an account. Profile fields arrive with the directory; this holds what sign-in needs.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// Stored trimmed and lower-cased, so look-ups are exact.
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    /// A new address the person asked to change to; it replaces `email` only once confirmed.
    @OptionalField(key: "pending_email") var pendingEmail: String?
    @OptionalField(key: "email_confirmed_at") var emailConfirmedAt: Date?
    @Field(key: "is_coordinator") var isCoordinator: Bool
    /// When the account was deleted. The row stays, emptied of everything personal, so a
    /// conversation or a published story can still say "a former member".
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    /// When `email` became this account's address: mail to it before then was someone else's.
    @OptionalField(key: "email_since") var emailSince: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $name, $email, $passwordHash, $pendingEmail, $emailConfirmedAt, $isCoordinator, $deletedAt,
            $emailSince, $createdAt, $updatedAt,
        ]
    }

    init(
        id: UUID? = nil, name: String, email: String, passwordHash: String, emailConfirmedAt: Date? = nil,
        isCoordinator: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = User.normalise(email: email)
        self.passwordHash = passwordHash
        self.emailConfirmedAt = emailConfirmedAt
        self.isCoordinator = isCoordinator
        self.emailSince = Date()
    }

    var addressHeldSince: Date { emailSince ?? createdAt ?? Date(timeIntervalSince1970: 0) }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// A one-off link sent by email: confirming an address or resetting a password.
/// Only a hash of the token is stored, so a leaked database cannot be used to take over accounts.
final class EmailToken: Model, @unchecked Sendable {
    static let schema = "email_tokens"

    enum Purpose: String, Codable, Sendable {
        case confirmEmail = "confirm-email"
        case changeEmail = "change-email"
        case resetPassword = "reset-password"
        /// Sent to the old address after an email change: puts it back for 7 days. `email` holds
        /// the old address.
        case undoEmailChange = "undo-email-change"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "purpose") var purpose: Purpose
    /// The address the link was sent to. The link works only while that is still the address
    /// it is about, so an old link cannot confirm or reset an address it was not sent to.
    @Field(key: "email") var email: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $purpose, $email, $tokenHash, $expiresAt, $usedAt, $createdAt] }

    init(userID: UUID, purpose: Purpose, email: String, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.purpose = purpose
        self.email = email
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}

/// A signed-in browser. The cookie holds a random token; the table holds its hash.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $tokenHash, $user, $expiresAt, $createdAt] }

    init(tokenHash: String, userID: UUID, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.expiresAt = expiresAt
    }
}

/// A bearer token for the JSON API, made on the account page or by `bridgework create-token`.
/// Only its hash is kept. Every token has a name its owner recognises and an expiry date.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $name, $tokenHash, $lastUsedAt, $expiresAt, $createdAt] }

    init(
        userID: UUID, tokenHash: String, name: String = "API token",
        expiresAt: Date? = Date().addingTimeInterval(90 * 24 * 60 * 60)
    ) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.name = name
        self.expiresAt = expiresAt
    }

    var isExpired: Bool { expiresAt.map { $0 <= Date() } ?? false }
}

/// How many attempts one throttle key (an account, a network address) has used in its current
/// window. Changed only by one conditional `UPDATE`, so the count holds however many arrive at once.
final class ThrottleCounter: Model, @unchecked Sendable {
    static let schema = "throttle_counters"

    @ID(key: .id) var id: UUID?
    /// "email:<hash>", "ip:<address>", "reset-email:<hash>" or "reset-ip:<address>".
    @Field(key: "key") var key: String
    @Field(key: "window_start") var windowStart: Date
    @Field(key: "used") var used: Int

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $key, $windowStart, $used] }
}
