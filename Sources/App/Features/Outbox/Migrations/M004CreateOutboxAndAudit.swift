import Fluent

/// Also makes the audit log table (audit_entries), which the Audit feature reads and writes.
struct M004CreateOutboxAndAudit: AsyncMigration {
    var name: String { "M004CreateOutboxAndAudit" }

    func prepare(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("sent_at", .datetime)
            .field("failure", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AuditEntry.schema)
            .id()
            .field("actor_id", .uuid)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string)
            .field("detail", .string, .required)
            .field("ip_address", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        try await database.schema(OutboxMessage.schema).delete()
    }
}
