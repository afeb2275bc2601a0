import Vapor

/// `bridgework backup --out FILE`: a consistent copy of the embedded SQLite database, made while
/// the server keeps serving. For PostgreSQL, use pg_dump.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The file to write the backup to; it must not exist yet.") var out: String?
    }

    var help: String { "Writes a consistent copy of the SQLite database, while the server keeps serving." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else {
            context.console.report(
                error:
                    "--out: name the file to write the backup to, for example --out backups/bridgework-2026-12-04.sqlite",
                newLine: true)
            throw CommandFailure.refused
        }
        do {
            try await SQLiteBackup.backup(context.application, to: out)
        } catch let problem as SQLiteBackup.Problem {
            context.console.report(error: problem.description, newLine: true)
            throw CommandFailure.refused
        }
        context.console.info("Backed up the database to \(out).")
    }
}
