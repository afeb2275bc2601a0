import Fluent
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// `bridgework backup` and `restore` for the embedded SQLite database: a copy made while serving
/// restores to the same rows and content, and what cannot be done is refused in words.
final class BackupTests: XCTestCase {
    /// Every table's rows, each row's values quoted by SQLite itself, sorted (some full-text tables
    /// have no rowid to order by).
    func contents(of app: Application) async throws -> [String: [String]] {
        let sql = app.db as! SQLDatabase
        let tables = try await sql.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        var result: [String: [String]] = [:]
        for table in tables {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                .map { try $0.decode(column: "name", as: String.self) }
            guard !columns.isEmpty else { continue }
            let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
            result[table] = try await sql.raw(
                "SELECT \(unsafeRaw: row) AS line FROM \"\(unsafeRaw: table)\""
            ).all().map { try $0.decode(column: "line", as: String.self) }.sorted()
        }
        return result
    }

    func testABackupMadeWhileServingRestoresToTheSameRowsAndContent() async throws {
        let folder = NSTemporaryDirectory() + "bridgework-backup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let backup = folder + "/backups/copy.sqlite"
        var original: [String: [String]] = [:]
        try await withFileApp(folder + "/live/bridgework.sqlite") { app in
            let people = try await TestPeople.make(on: app)
            _ = try await TestContent.publishedStory("A story to keep", in: people.hub, on: app)
            _ = try await TensionFixtures.observation(in: people.hub, whatSeen: "Kept through a backup", on: app.db)
            original = try await contents(of: app)
            try await app.run(BackupCommand(), ["--out", backup])
            // A second copy made while writes go on is whole and consistent.
            let during = folder + "/backups/during.sqlite"
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for number in 0..<40 {
                        try await AuditEntry(
                            actorID: nil, action: .signIn, subjectType: "test", subjectID: String(number), detail: "",
                            ipAddress: nil
                        ).create(on: app.db)
                    }
                }
                group.addTask { try await SQLiteBackup.backup(app, to: during) }
                try await group.waitForAll()
            }
            try await withFileApp(during) { copy in
                let check = try await (copy.db as! SQLDatabase).raw("PRAGMA integrity_check").all()
                XCTAssertEqual(try check.first?.decode(column: "integrity_check", as: String.self), "ok")
            }
        }
        XCTAssertGreaterThan(original["users"]?.count ?? 0, 5)
        XCTAssertEqual(original["tension_observations"]?.count, 1)

        // Another database, with its own data, is replaced by the backup; its own file is kept.
        let other = folder + "/other/bridgework.sqlite"
        try await withFileApp(other) { app in
            _ = try await TestPeople.make(on: app)
            let console = try await app.run(RestoreCommand(), [backup])
            XCTAssertTrue(console.standardOutput.contains("Restored the database from"))
            XCTAssertTrue(console.standardOutput.contains(".before-restore-"))
        }
        try await withFileApp(other) { app in
            let restored = try await contents(of: app)
            XCTAssertEqual(Set(restored.keys), Set(original.keys))
            for (table, rows) in original {
                XCTAssertEqual(restored[table], rows, "\(table) is the same, row for row")
            }
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder + "/other")
            .filter {
                $0.hasPrefix("bridgework.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
            }
        XCTAssertEqual(kept.count, 1, "the replaced database is set aside, not deleted")
    }

    func testBackupAndRestoreRefuseWhatTheyCannotDoInPlainWords() async throws {
        let folder = NSTemporaryDirectory() + "bridgework-backup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withFileApp(folder + "/bridgework.sqlite") { app in
            let taken = folder + "/taken.sqlite"
            try Data("x".utf8).write(to: URL(fileURLWithPath: taken))
            for (command, arguments, message) in [
                (BackupCommand() as any AsyncCommand, ["--out", taken], "already exists"),
                (BackupCommand(), [], "--out: name the file"),
                (RestoreCommand(), [folder + "/nowhere.sqlite"], "There is no file at"),
                (RestoreCommand(), [taken], "is not an SQLite database, so nothing was restored"),
            ] {
                let console = RecordingConsole()
                var context = CommandContext(
                    console: console, input: CommandInput(arguments: ["bridgework"] + arguments))
                context.application = app
                do {
                    try await command.run(using: &context)
                    XCTFail("\(arguments) should be refused")
                } catch {}
                XCTAssertTrue(console.standardError.contains(message), "\(arguments): \(console.standardError)")
            }
            let users = try await User.query(on: app.db).count()
            XCTAssertEqual(users, 0, "the live database is untouched")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/bridgework.sqlite"))
        }
    }
}
