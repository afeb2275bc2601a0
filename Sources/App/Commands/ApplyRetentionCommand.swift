import Vapor

/// `bridgework apply-retention`: deletes each hub's tension observations once they are older than
/// the hub keeps them (12 months unless its stewards chose otherwise). For a scheduler, daily.
/// Safe to run again; every hub it changed gets an audit entry with the counts, never the words.
struct ApplyRetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Deletes tension observations older than each hub's retention period." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let removed = try await TensionStore.applyRetention(on: app.db)
        for hub in removed {
            try await AuditEntry(
                actorID: nil, action: .tensionRetentionApplied, subjectType: "hub", subjectID: hub.hubID.uuidString,
                detail: "deleted \(hub.observations) observations and cleared \(hub.levelNotes) level notes",
                ipAddress: nil
            ).create(on: app.db)
            context.console.info(
                "\(hub.hubName): deleted \(Wording.count(hub.observations, "observation", "observations")), cleared \(Wording.count(hub.levelNotes, "level note", "level notes"))."
            )
        }
        if removed.isEmpty {
            context.console.info("No hub holds observations older than it keeps them.")
        }
    }
}
