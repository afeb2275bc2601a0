import Fluent
import Vapor

/// `bridgework create-token --email E [--name N] [--expires-in-days D]`: prints a new API token, and only the token, on standard output.
/// Only its hash is stored, so it cannot be shown again.
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Whose token it is.") var email: String?
        @Option(name: "name", help: "What the token is for, shown on the account page (default: \"Command line\").")
        var name: String?
        @Option(
            name: "expires-in-days",
            help: "How many days it works for, 1 to 3650 (default: BRIDGEWORK_API_TOKEN_DAYS, or 90).")
        var expiresInDays: String?
    }

    var help: String { "Creates an API token for a person and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = User.normalise(email: signature.email ?? "")
        guard !email.isEmpty else {
            context.console.report(
                error: "--email: give the email address of the person the token is for.", newLine: true)
            throw CommandFailure.refused
        }
        let name = (signature.name ?? "Command line").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            context.console.report(error: "--name: give a name of 1 to 100 characters.", newLine: true)
            throw CommandFailure.refused
        }
        let days = signature.expiresInDays.map { Int($0) ?? -1 } ?? app.settings.apiTokenLifetimeDays
        guard (1...3650).contains(days) else {
            context.console.report(
                error: "--expires-in-days: give a whole number of days from 1 to 3650.", newLine: true)
            throw CommandFailure.refused
        }
        try await app.prepareDatabase()
        guard let user = try await User.query(on: app.db).filter(\.$email == email).filter(\.$deletedAt == nil).first()
        else {
            context.console.report(error: "--email: there is no account with this email address.", newLine: true)
            throw CommandFailure.refused
        }
        let token = try await APITokens.create(for: user.requireID(), name: name, days: days, on: app.db)
        try await AuditEntry(
            actorID: user.id, action: .apiTokenCreated, subjectType: "user", subjectID: user.id?.uuidString,
            detail: "\(name), on the command line", ipAddress: nil
        ).create(on: app.db)
        // Standard output carries the token alone, so scripts can capture it.
        context.console.output(token.consoleText(), newLine: true)
    }
}
