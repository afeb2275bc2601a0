import Fluent
import Vapor

/// `bridgework create-hub --name N --region R --summary S --areas A,B [--policy open|approval]
/// [--stewards a@x,b@y]`: adds a hub by the same rules as the national team's form.
struct CreateHubCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "The hub's name, like \"Tees Valley\".") var name: String?
        @Option(name: "region", help: "Its region, as the directory names it, like \"North East\".") var region: String?
        @Option(name: "summary", help: "A sentence or two about the hub.") var summary: String?
        @Option(
            name: "areas",
            help: "The council areas it serves, separated by commas: ONS codes (E06000001) or names (Hartlepool)."
        ) var areas: String?
        @Option(name: "policy", help: "approval (the default: a steward approves each request) or open.")
        var policy: String?
        @Option(name: "stewards", help: "Email addresses of existing accounts, separated by commas.")
        var stewards: String?
    }

    var help: String { "Adds a hub, with the council areas it serves and its stewards." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let areaCodes = (signature.areas ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.map { typed -> String in
            LocalAuthorities.byCode[typed] != nil
                ? typed
                : LocalAuthorities.all.first { $0.name.lowercased() == typed.lowercased() }?.code ?? typed
        }
        let form = HubForm(
            FormInput(
                fields: [
                    "name": signature.name ?? "", "region": signature.region ?? "", "summary": signature.summary ?? "",
                    "membership_policy": signature.policy ?? Hub.MembershipPolicy.approval.rawValue,
                    "new_stewards": signature.stewards ?? "",
                ],
                lists: ["area": areaCodes]))
        try await app.prepareDatabase()
        let errors = try await HubStore.check(form, editing: nil, on: app.db)
        guard errors.isEmpty else {
            for problem in errors.items {
                context.console.report(error: "--\(Self.option(for: problem.field)): \(problem.message)", newLine: true)
            }
            if errors["region"] != nil {
                context.console.info("Regions: " + LocalAuthorities.regions.joined(separator: ", "))
            }
            throw CommandFailure.refused
        }
        let saved = try await HubStore.create(form, on: app.db)
        try await AuditEntry(
            actorID: nil, action: .hubCreated, subjectType: "hub", subjectID: saved.hub.id?.uuidString,
            detail: "\(saved.hub.slug), on the command line", ipAddress: nil
        ).create(on: app.db)
        let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
        try await HubStore.tellNewStewards(saved, mailer: mailer, baseURL: app.publicBaseURL)
        context.console.info(
            "Added the \(saved.hub.name) hub at \(SiteURL.hub(saved.hub.slug).path), serving \(Wording.count(form.areas.count, "council area", "council areas")), with \(Wording.count(saved.newStewards.count, "steward", "stewards"))."
        )
    }

    /// The option a form field's problem belongs to.
    private static func option(for field: String) -> String {
        switch field {
        case "areas": return "areas"
        case "new_stewards": return "stewards"
        case let field where field.hasPrefix("membership_policy"): return "policy"
        default: return field
        }
    }
}
