import Vapor

/// `bridgework restore FILE`: puts a backup made by `bridgework backup` in place of the SQLite
/// database. Stop every server using the database first: one left running would go on writing to
/// the file that was set aside.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The backup file to restore.") var file: String
    }

    var help: String {
        "Replaces the SQLite database with a backup, keeping the old file beside it. Stop the server first."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let kept: String?
        do {
            kept = try await SQLiteBackup.restore(context.application, from: signature.file)
        } catch let problem as SQLiteBackup.Problem {
            context.console.report(error: problem.description, newLine: true)
            throw CommandFailure.refused
        }
        context.console.info("Restored the database from \(signature.file) and brought it up to date.")
        if let kept {
            context.console.info("The database it replaced is kept at \(kept).")
        }
    }
}
