import Fluent
import Vapor

/// `bridgework import hsds DIR` reads an HSDS data package back; `bridgework import organisations FILE.csv`
/// takes a simple spreadsheet. Both are safe to run twice.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "hsds or organisations.") var kind: String
        @Argument(name: "path", help: "The package folder (hsds) or the CSV file (organisations).") var path: String
    }

    var help: String { "Imports organisations from an HSDS package folder or a CSV file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let path = signature.path
        switch signature.kind {
        case "hsds":
            guard FileManager.default.fileExists(atPath: path) else {
                context.console.report(error: "There is no folder at \(path).", newLine: true)
                throw CommandFailure.refused
            }
            try await app.prepareDatabase()
            do {
                let outcome = try await HSDSPackage.importPackage(
                    from: URL(fileURLWithPath: path), createdBy: nil, on: app.db)
                context.console.info("Added \(outcome.created) and updated \(outcome.updated) organisations.")
            } catch let error as HSDSPackage.ImportError {
                context.console.report(error: error.description, newLine: true)
                throw CommandFailure.refused
            }
        case "organisations":
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                context.console.report(error: "Could not read \(path) as a UTF-8 CSV file.", newLine: true)
                throw CommandFailure.refused
            }
            try await app.prepareDatabase()
            let outcome = try await OrganisationCSVImport.run(text: text, on: app.db) { done, total in
                if done % 50 == 0 || done == total {
                    context.console.output("Checked \(done) of \(total) rows".consoleText(), newLine: true)
                }
            }
            for problem in outcome.problems {
                context.console.report(error: "Line \(problem.line): \(problem.reason)", newLine: true)
            }
            context.console.info(
                "Added \(outcome.created), updated \(outcome.updated), skipped \(outcome.problems.count) with problems."
            )
            if outcome.created + outcome.updated == 0 && !outcome.problems.isEmpty { throw CommandFailure.refused }
        default:
            context.console.report(error: "Unknown kind ‘\(signature.kind)’: use hsds or organisations.", newLine: true)
            throw CommandFailure.refused
        }
    }
}
