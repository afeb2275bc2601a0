import Fluent
import Foundation
import SQLKit

/// A little of the tension watch, dated from the day the demo is loaded: Newcastle's weekly levels
/// and a few observations (one serious one waiting for its steward, one rumour linked to a
/// narrative), Bristol's and Manchester's levels, a trigger event two hubs have answered and
/// Newcastle has not, and the last two weeks published. Everything written says it is a demo.
enum DemoTension {
    struct ObservationSeed {
        let hub: String
        let daysAgo: Int
        let kind: TensionObservation.Kind
        let level: Int
        let themes: [String]
        let whatSeen: String
        let grading: TensionObservation.Grading
        let source: TensionObservation.SourceType
        let response: String
        let narrative: String?
        let acknowledged: Bool
        let followUp: String?
    }

    static let observations: [ObservationSeed] = [
        ObservationSeed(
            hub: "newcastle", daysAgo: 2, kind: .rumour, level: 4, themes: ["migration"],
            whatSeen:
                "A story is going round the estate that new flats are being kept for families arriving from abroad. Several parents repeated it at the school gate. (Demo observation.)",
            grading: .experienced, source: .community,
            response: "Asked the housing association for the real allocation figures to share. (Demo.)",
            narrative: "they-take-the-jobs-and-the-homes", acknowledged: false, followUp: nil),
        ObservationSeed(
            hub: "newcastle", daysAgo: 5, kind: .onlineNarrative, level: 3, themes: ["faith"],
            whatSeen:
                "Posts in a local community group blame one faith group for a national attack, with a few hundred shares. (Demo observation.)",
            grading: .evidenced, source: .socialMedia,
            response: "Reported the worst posts to the group's admins; a calm reply was posted by a partner. (Demo.)",
            narrative: "one-attack-blamed-on-every-muslim", acknowledged: true,
            followUp: "Faith leaders to meet on Thursday and agree a joint message. (Demo.)"),
        ObservationSeed(
            hub: "newcastle", daysAgo: 12, kind: .incident, level: 2, themes: ["ethnicity"],
            whatSeen:
                "Graffiti on a shop shutter on the high street was painted over the same morning. (Demo observation.)",
            grading: .evidenced, source: .ownObservation, response: "Told the council's community safety team. (Demo.)",
            narrative: nil, acknowledged: false, followUp: nil),
        ObservationSeed(
            hub: "newcastle", daysAgo: 20, kind: .protest, level: 3, themes: ["migration", "geography"],
            whatSeen:
                "A march past the hotel housing asylum seekers is being advertised online for next month. (Demo observation.)",
            grading: .potential, source: .partner, response: "Shared with the police and the council. (Demo.)",
            narrative: nil, acknowledged: true, followUp: nil),
        ObservationSeed(
            hub: "bristol-and-south-west", daysAgo: 3, kind: .nationalEcho, level: 2, themes: ["faith"],
            whatSeen:
                "After the national news, a few people asked whether the mosque open day would still go ahead. (Demo observation.)",
            grading: .experienced, source: .community, response: "The open day goes ahead, with stewards. (Demo.)",
            narrative: nil, acknowledged: false, followUp: nil),
    ]

    /// Each hub's level for the weeks before this one, oldest first; the last is this week's.
    static let levels: [String: [Int]] = [
        "newcastle": [1, 1, 2, 2, 2, 3, 3, 4],
        "bristol-and-south-west": [1, 1, 1, 2, 2, 2],
        "greater-manchester": [2, 2, 2, 2],
    ]

    static func seed(now: Date = Date(), on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        // The demo's hubs have been running for a year, so past weeks count them.
        try await sql.raw("UPDATE hubs SET created_at = \(bind: now.addingTimeInterval(-365 * 86_400))").run()
        let hubs = Dictionary(uniqueKeysWithValues: try await Hub.query(on: db).all().map { ($0.slug, $0) })
        let narratives = Dictionary(
            uniqueKeysWithValues: try await Narrative.query(on: db).all().map { ($0.slug, $0) })
        let stewards = try await HubMembership.query(on: db).filter(\.$role == .steward).all()
        func steward(of hubID: UUID) -> UUID? { stewards.first { $0.$hub.id == hubID }?.$user.id }

        for (slug, weekly) in levels {
            guard let hubID = hubs[slug]?.id else { continue }
            for (index, level) in weekly.enumerated() {
                let weeksAgo = weekly.count - 1 - index
                let at = now.addingTimeInterval(-Double(weeksAgo) * 7 * 86_400)
                let row = try await TensionStore.setLevel(
                    level, note: "A demo note on the week: " + TensionScale.standard.describe(level) + ".",
                    hubID: hubID, by: steward(of: hubID), now: at, on: db)
                try await sql.raw(
                    "UPDATE tension_hub_levels SET set_at = \(bind: at) WHERE id = \(bind: try row.requireID())"
                ).run()
            }
        }
        for seed in observations {
            guard let hubID = hubs[seed.hub]?.id else { continue }
            let areas = try await HubArea.query(on: db).filter(\.$hub.$id == hubID).sort(\.$areaCode).all()
            guard let area = areas.first?.areaCode else { continue }
            let day = now.addingTimeInterval(-Double(seed.daysAgo) * 86_400)
            var form = ObservationForm()
            form.observedOn = UKDate.string(from: day)
            form.area = area
            form.kind = seed.kind.rawValue
            form.themes = Set(seed.themes)
            form.level = String(seed.level)
            form.whatSeen = seed.whatSeen
            form.grading = seed.grading.rawValue
            form.sourceType = seed.source.rawValue
            form.response = seed.response
            let observation = try await TensionStore.log(
                form, hubID: hubID, authorID: steward(of: hubID),
                narrativeID: seed.narrative.flatMap { narratives[$0]?.id },
                on: db)
            if seed.acknowledged, let stewardID = steward(of: hubID) {
                var followUp = FollowUpForm()
                followUp.status = seed.followUp == nil ? "none" : "open"
                followUp.note = seed.followUp ?? ""
                try await TensionStore.followUp(observation, with: followUp, by: stewardID, on: db)
            }
        }

        let event = TriggerEvent()
        var form = TriggerEventForm.starting
        form.title = "National news: an attack blamed on one community (demo)"
        form.whatHappened =
            "A demo trigger event. A violent attack made the national news two days ago, and posts online blame a whole community for it. Nothing here is real."
        form.happenedOn = UKDate.string(from: now.addingTimeInterval(-2 * 86_400))
        form.themes = ["faith", "ethnicity"]
        form.resources = ["safe-space-conversations", "peer-mediation"]
        form.narratives = ["one-attack-blamed-on-every-muslim"]
        form.caseStudies = ["newcastle-conflict-resolution-network-walker"]
        form.apply(to: event)
        event.$declaredBy.id = try await User.query(on: db).filter(\.$isCoordinator == true).first()?.id
        try await event.create(on: db)
        let declared = now.addingTimeInterval(-36 * 3_600)
        try await sql.raw(
            "UPDATE trigger_events SET declared_at = \(bind: declared), reminded_at = \(bind: declared.addingTimeInterval(TriggerEvent.reminderAfter)) WHERE id = \(bind: try event.requireID())"
        ).run()
        for (slug, level, note) in [
            ("greater-manchester", Optional(2), "Quiet so far; partners are meeting tomorrow. (Demo check-in.)"),
            ("bristol-and-south-west", nil, "No change here. (Demo check-in.)"),
        ] {
            guard let hubID = hubs[slug]?.id, let stewardID = steward(of: hubID) else { continue }
            var checkIn = CheckInForm()
            checkIn.answer = level.map(String.init) ?? CheckInForm.noChange
            checkIn.note = note
            try await TensionStore.checkIn(checkIn, event: event, hubID: hubID, by: stewardID, on: db)
        }
        for week in UKWeek.recent(3, endingAt: now).prefix(2) {
            try await PublishedTensionWeek(week: week, publishedBy: event.$declaredBy.id).create(on: db)
        }
    }
}
