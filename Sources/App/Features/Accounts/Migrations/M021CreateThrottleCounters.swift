import Fluent

/// Limits count in one row per key, changed by one conditional update, instead of a row per attempt.
struct M021CreateThrottleCounters: AsyncMigration {
    var name: String { "M021CreateThrottleCounters" }

    func prepare(on database: Database) async throws {
        try await database.schema(ThrottleCounter.schema)
            .id()
            .field("key", .string, .required)
            .field("window_start", .datetime, .required)
            .field("used", .int, .required)
            .unique(on: "key")
            .create()
        try await database.schema("sign_in_failures").delete()
    }

    func revert(on database: Database) async throws {
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await database.schema(ThrottleCounter.schema).delete()
    }
}
