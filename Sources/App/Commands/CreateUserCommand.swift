import Fluent
import Vapor

/// `bridgework create-user --email E --name N --role member|coordinator`, password on standard input.
struct CreateUserCommand: AsyncCommand {
    /// Where the password comes from: standard input, or a test's own text.
    var readPassword: @Sendable () -> String = CreateUserCommand.readStandardInputLine

    struct Signature: CommandSignature {
        @Option(name: "email", help: "The person's email address.") var email: String?
        @Option(name: "name", help: "The person's full name.") var name: String?
        @Option(name: "role", help: "member (the default) or coordinator.") var role: String?
    }

    var help: String { "Creates a confirmed account. Reads the password from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = User.normalise(email: signature.email ?? "")
        let name = (signature.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let role = signature.role ?? "member"
        var problems: [String] = []
        AccountRules.emailProblem(email).map { problems.append("--email: \($0)") }
        AccountRules.nameProblem(name).map { problems.append("--name: \($0)") }
        if !["member", "coordinator"].contains(role) { problems.append("--role: use member or coordinator") }
        let password = readPassword()
        AccountRules.passwordProblem(password).map { problems.append("password (standard input): \($0)") }
        guard problems.isEmpty else {
            for problem in problems {
                context.console.report(error: problem, newLine: true)
            }
            throw CommandFailure.refused
        }
        try await app.prepareDatabase()
        if try await User.query(on: app.db).filter(\.$email == email).first() != nil {
            context.console.report(error: "--email: an account with this email address already exists.", newLine: true)
            throw CommandFailure.refused
        }
        let user = User(
            name: name, email: email, passwordHash: try Bcrypt.hash(password, cost: app.settings.bcryptCost),
            emailConfirmedAt: Date(), isCoordinator: role == "coordinator")
        try await user.create(on: app.db)
        try await AuditEntry(
            actorID: nil, action: .accountCreated, subjectType: "user", subjectID: user.id?.uuidString,
            detail: "created on the command line", ipAddress: nil
        ).create(on: app.db)
        if role == "coordinator" {
            try await AuditEntry(
                actorID: nil, action: .roleGranted, subjectType: "user", subjectID: user.id?.uuidString,
                detail: "national coordinator, on the command line", ipAddress: nil
            ).create(on: app.db)
        }
        context.console.info("Created \(role) \(email).")
    }

    /// The first line of standard input, without its line ending.
    @Sendable static func readStandardInputLine() -> String {
        guard let line = readLine(strippingNewline: true) else { return "" }
        return line
    }
}
