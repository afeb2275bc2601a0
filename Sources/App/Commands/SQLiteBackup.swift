import Fluent
import Foundation
import SQLKit
import Vapor

/// Backing up and restoring the embedded SQLite database. A backup is SQLite's `VACUUM INTO`: one
/// consistent copy made while the server keeps serving, readers and writers alike. A restore
/// sets the current file aside (never deletes it), puts the backup in its place, checks it and
/// brings it to the latest schema.
enum SQLiteBackup {
    enum Problem: Error, CustomStringConvertible {
        case notSQLite
        case exists(String)
        case missing(String)
        case notADatabase(String)
        case damaged(String)

        var description: String {
            switch self {
            case .notSQLite:
                return "This server uses PostgreSQL: back it up with pg_dump, and restore it with pg_restore."
            case .exists(let path):
                return "\(path) already exists. Choose a new file name; a backup never overwrites one."
            case .missing(let path): return "There is no file at \(path)."
            case .notADatabase(let path): return "\(path) is not an SQLite database, so nothing was restored."
            case .damaged(let detail):
                return
                    "The restored database failed its integrity check (\(detail)); the previous database was put back."
            }
        }
    }

    /// Writes a consistent copy of the live database to `destination`.
    static func backup(_ app: Application, to destination: String) async throws {
        if case .postgres = app.settings.database { throw Problem.notSQLite }
        guard let sql = app.db as? SQLDatabase else { throw Problem.notSQLite }
        let path = absolute(destination)
        guard !FileManager.default.fileExists(atPath: path) else { throw Problem.exists(path) }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Puts the backup at `source` in place of the live database file. The file it replaces is
    /// kept beside it as `<name>.before-restore-<time>`; returns that path (nil when there was none).
    static func restore(_ app: Application, from source: String, now: Date = Date()) async throws -> String? {
        guard case .sqliteFile(let target) = app.settings.database else { throw Problem.notSQLite }
        let path = absolute(source)
        guard FileManager.default.fileExists(atPath: path) else { throw Problem.missing(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Problem.missing(path) }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else { throw Problem.notADatabase(path) }

        let manager = FileManager.default
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
        let keptAs = target + ".before-restore-" + stamp
        var kept: String? = nil
        if manager.fileExists(atPath: target) {
            // The live file goes aside with its write-ahead log, which may hold its newest writes.
            for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: target + suffix) {
                try manager.moveItem(atPath: target + suffix, toPath: keptAs + suffix)
            }
            kept = keptAs
        }
        try manager.copyItem(atPath: path, toPath: target)
        do {
            try await check(settings: app.settings)
        } catch {
            try? manager.removeItem(atPath: target)
            if let kept {
                for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: kept + suffix) {
                    try? manager.moveItem(atPath: kept + suffix, toPath: target + suffix)
                }
            }
            throw error
        }
        return kept
    }

    /// Opens the restored file afresh (the running command's connections still point at the file
    /// that was set aside), checks it and migrates it.
    private static func check(settings: Settings) async throws {
        let fresh = try await Application.make(.production)
        do {
            try await configure(fresh, settings: settings)
            guard let sql = fresh.db as? SQLDatabase else { throw Problem.notSQLite }
            let rows = try await sql.raw("PRAGMA integrity_check").all()
            let verdict = try rows.first?.decode(column: "integrity_check", as: String.self) ?? "no answer"
            guard verdict == "ok" else { throw Problem.damaged(verdict) }
            // Bridgework's own database keeps a list of the migrations it has run.
            do {
                _ = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").all()
            } catch {
                throw Problem.damaged("it holds no Bridgework tables")
            }
            try await fresh.prepareDatabase()
        } catch {
            try? await fresh.asyncShutdown()
            throw error
        }
        try await fresh.asyncShutdown()
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
