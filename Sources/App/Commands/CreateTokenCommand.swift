import Fluent
import Vapor

/// `bridgework create-token --email E`: prints a new API token, and only the token, on standard output.
/// Only its hash is stored, so it cannot be shown again.
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Whose token it is.") var email: String?
    }

    var help: String { "Creates an API token for a person and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = User.normalise(email: signature.email ?? "")
        guard !email.isEmpty else {
            context.console.report(error: "--email: give the email address of the person the token is for.", newLine: true)
            throw CommandFailure.refused
        }
        try await app.prepareDatabase()
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            context.console.report(error: "--email: there is no account with this email address.", newLine: true)
            throw CommandFailure.refused
        }
        let token = Tokens.random()
        try await APIToken(userID: user.requireID(), tokenHash: Tokens.hash(token)).create(on: app.db)
        try await AuditEntry(actorID: user.id, action: .apiTokenCreated, subjectType: "user", subjectID: user.id?.uuidString, detail: "on the command line", ipAddress: nil).create(on: app.db)
        // Standard output carries the token alone, so scripts can capture it.
        context.console.output(token.consoleText(), newLine: true)
    }
}
