import SQLKit
import Vapor

/// `bridgework copy-database --to postgres://…`: copies every row of this server's database into a
/// new, empty one, for moving from the embedded SQLite file to PostgreSQL when an alliance outgrows
/// one machine (or, with `--to FILE`, from PostgreSQL back to an SQLite file). Stop the servers
/// first, so nothing is written to the source during the copy.
struct CopyDatabaseCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The database to copy into: a postgres:// address, or a new SQLite file's path.")
        var to: String?
        @Option(name: "schema", help: "With a postgres:// address: the schema to copy into (it must exist).")
        var schema: String?
    }

    var help: String {
        "Copies every row into a new, empty database (SQLite to PostgreSQL, or back) and checks the copy."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let to = signature.to?.trimmingCharacters(in: .whitespaces), !to.isEmpty else {
            context.console.report(
                error:
                    "--to: name the database to copy into, for example --to postgres://bridgework@localhost/bridgework",
                newLine: true)
            throw CommandFailure.refused
        }
        let source = context.application
        let targetChoice: Settings.DatabaseChoice =
            to.hasPrefix("postgres://") || to.hasPrefix("postgresql://")
            ? .postgres(url: to, schema: signature.schema)
            : .sqliteFile(path: to.hasPrefix("/") ? to : FileManager.default.currentDirectoryPath + "/" + to)
        do {
            let summaries = try await Self.copy(from: source, to: targetChoice)
            let rows = summaries.values.reduce(0) { $0 + $1.rows }
            for (table, summary) in summaries.sorted(by: { $0.key < $1.key }) where summary.rows > 0 {
                context.console.print("\(table): \(summary.rows) rows")
            }
            context.console.info(
                "Copied \(rows) rows in \(summaries.count) tables; every table's row count and checksum match its source."
            )
        } catch let problem as DatabaseCopy.Problem {
            context.console.report(error: problem.description, newLine: true)
            throw CommandFailure.refused
        }
    }

    /// Brings the source up to date, opens and migrates the target in an application of its own,
    /// and copies. Returns what each table held.
    static func copy(from source: Application, to targetChoice: Settings.DatabaseChoice) async throws
        -> [String: DatabaseCopy.Summary]
    {
        guard targetChoice != source.settings.database else { throw DatabaseCopy.Problem.sameDatabase }
        func isPostgres(_ choice: Settings.DatabaseChoice) -> Bool {
            if case .postgres = choice { return true }
            return false
        }
        guard isPostgres(targetChoice) || isPostgres(source.settings.database) else {
            throw DatabaseCopy.Problem.noPostgres
        }
        if case .sqliteFile(let path) = targetChoice, FileManager.default.fileExists(atPath: path) {
            throw DatabaseCopy.Problem.targetHoldsData(table: "an existing file, \(path),", rows: 1)
        }
        try await source.prepareDatabase()
        var targetSettings = source.settings
        targetSettings.database = targetChoice
        targetSettings.seedDemoOnFirstStart = false
        let target = try await Application.make(.production)
        target.logger.logLevel = .warning
        do {
            try await configure(target, settings: targetSettings)
            try await target.prepareDatabase()
            guard let from = source.db as? SQLDatabase, let into = target.db as? SQLDatabase else {
                throw DatabaseCopy.Problem.noPostgres
            }
            let postgres: SQLDatabase
            if from.dialect.name == "postgresql" {
                postgres = from
            } else if into.dialect.name == "postgresql" {
                postgres = into
            } else {
                throw DatabaseCopy.Problem.noPostgres
            }
            let plan = try await DatabaseCopy.plan(reading: postgres)
            try await DatabaseCopy.checkTarget(into, plan: plan)
            let summaries = try await DatabaseCopy.copy(from: from, to: target.db, plan: plan)
            try await target.asyncShutdown()
            return summaries
        } catch {
            try? await target.asyncShutdown()
            throw error
        }
    }
}
