import Vapor

/// `bridgework export hsds --out DIR`: the public directory as an HSDS 3.0 tabular data package.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "What to export: hsds.") var format: String
        @Option(name: "out", help: "The folder to write the package into (made if missing).") var out: String?
    }

    var help: String { "Exports the public directory as an Open Referral HSDS 3.0 data package." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.format == "hsds" else {
            context.console.report(
                error: "Unknown format ‘\(signature.format)’: the only export is hsds.", newLine: true)
            throw CommandFailure.refused
        }
        guard let out = signature.out, !out.isEmpty else {
            context.console.report(error: "--out: name the folder to write the package into.", newLine: true)
            throw CommandFailure.refused
        }
        let app = context.application
        try await app.prepareDatabase()
        let summary = try await HSDSPackage.export(to: URL(fileURLWithPath: out), on: app.db, base: app.publicBaseURL)
        context.console.info(
            "Wrote \(summary.organisations) organisations and \(summary.terms) taxonomy links to \(out)/datapackage.json."
        )
    }
}
