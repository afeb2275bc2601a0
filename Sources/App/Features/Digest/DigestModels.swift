import Fluent
import Foundation

/// A person who asked for no weekly digest. Everyone else in a hub gets one when there is news.
final class DigestOptOut: Model, @unchecked Sendable {
    static let schema = "digest_opt_outs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $createdAt] }

    init(userID: UUID) {
        self.$user.id = userID
    }
}

/// One week's digest sent to one person. The unique (user, week) key is what makes a second run
/// of `send-digests` in the same week send nothing.
final class DigestSend: Model, @unchecked Sendable {
    static let schema = "digest_sends"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// The ISO week in London, like "2026-W49".
    @Field(key: "week") var week: String
    @Timestamp(key: "sent_at", on: .create) var sentAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $week, $sentAt] }

    init(userID: UUID, week: String) {
        self.$user.id = userID
        self.week = week
    }
}

extension DigestOptOut {
    /// Whether this person gets the weekly digest.
    static func isOn(for userID: UUID, on db: Database) async throws -> Bool {
        try await DigestOptOut.query(on: db).filter(\.$user.$id == userID).count() == 0
    }

    /// Turns the digest on or off for this person; saying the same twice changes nothing.
    static func set(_ on: Bool, for userID: UUID, on db: Database) async throws {
        if on {
            try await DigestOptOut.query(on: db).filter(\.$user.$id == userID).delete()
        } else if try await isOn(for: userID, on: db) {
            do {
                try await DigestOptOut(userID: userID).create(on: db)
            } catch let error as DatabaseError where error.isConstraintFailure {
                // Turned off by another request a moment ago: off is off.
            }
        }
    }
}
