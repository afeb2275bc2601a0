import Fluent
import Foundation
import SQLKit
import Vapor

/// Copying every row of one Bridgework database into another, new one: from the embedded SQLite
/// file to PostgreSQL when an alliance outgrows one machine, or back. The target is migrated to
/// the same schema first, so only rows move; then both sides are counted and checksummed, table
/// by table, and any difference is reported.
///
/// One side is always PostgreSQL: its precise column types say how to read and write each value
/// (SQLite's declared types cannot tell a UUID from other bytes, or a date from a number).
enum DatabaseCopy {
    enum Problem: Error, CustomStringConvertible {
        case noPostgres
        case sameDatabase
        case targetHoldsData(table: String, rows: Int)
        case differentSchema(missing: [String])
        case cycle([String])
        case mismatch([String])

        var description: String {
            switch self {
            case .noPostgres:
                return
                    "copy-database moves data between SQLite and PostgreSQL; to copy an SQLite database, use bridgework backup."
            case .sameDatabase:
                return "The target is the database this command is running on; name a different one."
            case .targetHoldsData(let table, let rows):
                return
                    "The target already holds data (\(rows) rows in \(table)), so nothing was copied. Copy into a new, empty database."
            case .differentSchema(let missing):
                return
                    "The two databases do not have the same tables (\(missing.joined(separator: ", ")) missing); nothing was copied."
            case .cycle(let tables):
                return "These tables refer to each other in a circle: \(tables.joined(separator: ", "))."
            case .mismatch(let tables):
                return
                    "The copy does not match its source in \(tables.joined(separator: ", ")); the copy was rolled back."
            }
        }
    }

    enum Kind: Sendable {
        case uuid, text, integer, boolean, double, timestamp, bytes
    }

    struct Column: Sendable {
        let name: String
        let kind: Kind
    }

    struct Table: Sendable {
        let name: String
        let columns: [Column]
    }

    /// What one table holds: its rows and a checksum of their content, whatever order they are in.
    struct Summary: Sendable, Equatable {
        let rows: Int
        let checksum: String
    }

    /// Tables the target makes for itself: the migrator's list, and the directory's change log,
    /// which the target's own triggers write as rows arrive.
    static let ownTables: Set<String> = ["_fluent_migrations", "directory_state", "directory_changes"]
    /// Tables that say whether a database is already in use.
    static let tablesOfRealUse = ["users", "organisations", "hubs", "stories"]

    /// Every table to copy, parents before the tables that refer to them, with each column's kind.
    static func plan(reading postgres: SQLDatabase) async throws -> [Table] {
        var columnsByTable: [String: [Column]] = [:]
        for row in try await postgres.raw(
            """
            SELECT table_name, column_name, data_type, is_generated FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """
        ).all() {
            let table = try row.decode(column: "table_name", as: String.self)
            guard !ownTables.contains(table), try row.decode(column: "is_generated", as: String.self) == "NEVER"
            else { continue }
            let type = try row.decode(column: "data_type", as: String.self)
            guard let kind = kind(ofPostgresType: type) else { continue }
            columnsByTable[table, default: []].append(
                Column(name: try row.decode(column: "column_name", as: String.self), kind: kind))
        }
        var parents: [String: Set<String>] = [:]
        for row in try await postgres.raw(
            """
            SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
            FROM information_schema.table_constraints tc
            JOIN information_schema.constraint_column_usage ccu
              ON tc.constraint_name = ccu.constraint_name AND tc.constraint_schema = ccu.constraint_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """
        ).all() {
            let child = try row.decode(column: "child", as: String.self)
            let parent = try row.decode(column: "parent", as: String.self)
            if child != parent { parents[child, default: []].insert(parent) }
        }
        // Parents first (Kahn's algorithm), alphabetical among equals so the order is repeatable.
        var remaining = Set(columnsByTable.keys)
        var ordered: [Table] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { (parents[$0] ?? []).isDisjoint(with: remaining) }.sorted()
            guard !ready.isEmpty else { throw Problem.cycle(remaining.sorted()) }
            for name in ready {
                ordered.append(Table(name: name, columns: columnsByTable[name]!))
                remaining.remove(name)
            }
        }
        return ordered
    }

    private static func kind(ofPostgresType type: String) -> Kind? {
        switch type {
        case "uuid": return .uuid
        case "text", "character varying", "character": return .text
        case "bigint", "integer", "smallint": return .integer
        case "boolean": return .boolean
        case "double precision", "real", "numeric": return .double
        case "timestamp with time zone", "timestamp without time zone", "date": return .timestamp
        case "bytea": return .bytes
        default: return nil
        }
    }

    /// Refuses a target that already holds an alliance's data, and one missing a table to copy.
    static func checkTarget(_ target: SQLDatabase, plan: [Table]) async throws {
        let present = try await tableNames(target)
        let missing = plan.map(\.name).filter { !present.contains($0) }
        guard missing.isEmpty else { throw Problem.differentSchema(missing: missing) }
        for table in tablesOfRealUse where present.contains(table) {
            let rows =
                try await target.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            if rows > 0 { throw Problem.targetHoldsData(table: table, rows: rows) }
        }
    }

    static func tableNames(_ db: SQLDatabase) async throws -> Set<String> {
        let query: SQLQueryString =
            db.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        return Set(try await db.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    /// Copies every row in one transaction on the target, replacing the few rows its migrations
    /// made (the site's secret among them, so sessions and links stay valid), then compares.
    static func copy(from source: SQLDatabase, to database: any Database, plan: [Table]) async throws
        -> [String: Summary]
    {
        let expected = try await summaries(of: source, plan: plan)
        try await database.transaction { database in
            guard let target = database as? SQLDatabase else { throw Problem.noPostgres }
            for table in plan.reversed() {
                try await target.raw("DELETE FROM \(ident: table.name)").run()
            }
            for table in plan {
                try await copyRows(of: table, from: source, to: target)
            }
            let copied = try await summaries(of: target, plan: plan)
            let different = plan.map(\.name).filter { expected[$0] != copied[$0] }
            guard different.isEmpty else { throw Problem.mismatch(different) }
        }
        return expected
    }

    private static func copyRows(of table: Table, from source: SQLDatabase, to target: SQLDatabase) async throws {
        let rows = try await source.raw(
            "SELECT \(idents: table.columns.map(\.name), joinedBy: ", ") FROM \(ident: table.name)"
        )
        .all()
        // Many rows to a statement, within both databases' limits on bound values.
        let rowsPerStatement = max(1, min(500, 20_000 / max(1, table.columns.count)))
        var start = 0
        while start < rows.count {
            let insert = target.insert(into: table.name).columns(table.columns.map(\.name))
            for row in rows[start..<min(rows.count, start + rowsPerStatement)] {
                insert.values(try table.columns.map { try expression(row, $0) })
            }
            try await insert.run()
            start += rowsPerStatement
        }
    }

    private static func expression(_ row: SQLRow, _ column: Column) throws -> any SQLExpression {
        func bind<Value: Encodable & Decodable & Sendable>(_ type: Value.Type) throws -> any SQLExpression {
            guard let value = try row.decode(column: column.name, as: Value?.self) else { return SQLLiteral.null }
            return SQLBind(value)
        }
        switch column.kind {
        case .uuid: return try bind(UUID.self)
        case .text: return try bind(String.self)
        case .integer: return try bind(Int64.self)
        case .boolean: return try bind(Bool.self)
        case .double: return try bind(Double.self)
        case .timestamp: return try bind(Date.self)
        case .bytes: return try bind(Data.self)
        }
    }

    /// Each table's row count and a SHA-256 over its rows' values, written the same way whichever
    /// database holds them (dates to the microsecond, which is what PostgreSQL keeps).
    static func summaries(of db: SQLDatabase, plan: [Table]) async throws -> [String: Summary] {
        var result: [String: Summary] = [:]
        for table in plan {
            let rows = try await db.raw(
                "SELECT \(idents: table.columns.map(\.name), joinedBy: ", ") FROM \(ident: table.name)"
            ).all()
            let lines = try rows.map { row in try table.columns.map { try canonical(row, $0) }.joined(separator: "|") }
            let digest = SHA256.hash(data: Data(lines.sorted().joined(separator: "\n").utf8))
            result[table.name] = Summary(
                rows: rows.count, checksum: digest.map { String(format: "%02x", $0) }.joined())
        }
        return result
    }

    private static func canonical(_ row: SQLRow, _ column: Column) throws -> String {
        func text<Value: Decodable>(_ type: Value.Type, _ write: (Value) -> String) throws -> String {
            guard let value = try row.decode(column: column.name, as: Value?.self) else { return "-" }
            return write(value)
        }
        switch column.kind {
        case .uuid: return try text(UUID.self) { $0.uuidString.lowercased() }
        case .text: return try text(String.self) { "\($0.utf8.count):\($0)" }
        case .integer: return try text(Int64.self) { String($0) }
        case .boolean: return try text(Bool.self) { $0 ? "t" : "f" }
        case .double: return try text(Double.self) { String($0) }
        case .timestamp:
            return try text(Date.self) { String(Int64(($0.timeIntervalSince1970 * 1_000_000).rounded())) }
        case .bytes: return try text(Data.self) { $0.base64EncodedString() }
        }
    }
}
