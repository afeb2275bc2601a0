import Fluent
import Foundation
import Vapor

@testable import App

/// Tension watch records made directly in the database for tests.
enum TensionFixtures {
    /// The council area fixtures put in a hub, added to the hub if it has none yet.
    @discardableResult
    static func area(of hub: Hub, on db: Database) async throws -> String {
        if let existing = try await HubArea.query(on: db).filter(\.$hub.$id == hub.requireID()).first() {
            return existing.areaCode
        }
        let code = LocalAuthorities.all[0].code
        try await HubArea(hubID: hub.requireID(), areaCode: code).create(on: db)
        return code
    }

    static func observation(
        in hub: Hub, level: Int = 2, whatSeen: String = "Leaflets at a bus stop repeated a rumour.",
        response: String = "Told the council.", daysAgo: Int = 1, author: UUID? = nil, narrativeID: UUID? = nil,
        on db: Database
    ) async throws -> TensionObservation {
        var form = ObservationForm()
        form.observedOn = UKDate.string(from: Date().addingTimeInterval(-Double(daysAgo) * 86_400))
        form.area = try await area(of: hub, on: db)
        form.kind =
            narrativeID == nil ? TensionObservation.Kind.incident.rawValue : TensionObservation.Kind.rumour.rawValue
        form.themes = ["faith"]
        form.level = String(level)
        form.whatSeen = whatSeen
        form.grading = TensionObservation.Grading.experienced.rawValue
        form.sourceType = TensionObservation.SourceType.community.rawValue
        form.response = response
        return try await TensionStore.log(
            form, hubID: hub.requireID(), authorID: author, narrativeID: narrativeID, on: db)
    }

    static func triggerEvent(title: String = "A national incident", on db: Database) async throws -> TriggerEvent {
        var form = TriggerEventForm.starting
        form.title = title
        form.whatHappened = "Something happened that made the national news."
        form.happenedOn = UKDate.today()
        let event = TriggerEvent()
        form.apply(to: event)
        try await event.create(on: db)
        return event
    }

    /// A filled-in observation form as a member would send it.
    static func form(area: String, whatSeen: String = "Shouting outside the community centre after a football match.")
        -> [String: String]
    {
        let today = UKDate.today().split(separator: "-").map { String(Int($0) ?? 0) }
        return [
            "observed_on-day": today[2], "observed_on-month": today[1], "observed_on-year": today[0], "area": area,
            "kind": "incident", "level": "3", "what_seen": whatSeen, "grading": "evidenced", "source_type": "own",
            "response": "Spoke to the centre's manager.",
        ]
    }

    /// A narrative in the bank, with no resources linked.
    static func narrative(_ title: String, topic: HotTopic, on db: Database) async throws -> Narrative {
        let narrative = Narrative()
        narrative.slug = Slugs.make(from: title)
        narrative.title = title
        narrative.hotTopic = topic
        narrative.claim = "Claim"
        narrative.setsAgainst = "Some against others"
        narrative.facts = "Facts"
        narrative.answers = "Answers"
        narrative.resourceSlugs = ""
        try await narrative.create(on: db)
        return narrative
    }
}
