import Fluent
import Foundation
import SQLKit

/// Synthetic tension watch data for benchmarks: hubs with weekly levels and observations over many
/// weeks, trigger events with some hubs' check-ins, a steward of the first hub and a coordinator.
/// Never into the demo: `generate` refuses a database that holds it.
extension SyntheticData {
    struct TensionAccounts: Sendable {
        let stewardEmail: String
        let coordinatorEmail: String
        let hubSlug: String
    }

    static let tensionSightings = [
        "Leaflets repeating a rumour about housing were left at a bus stop.",
        "Posts in a local group blamed newcomers for the closure of a youth club.",
        "Shouting outside a place of worship after Friday prayers; no one was hurt.",
        "A planned march was advertised online for next month.",
        "Parents at a school gate repeated a story from a national headline.",
        "Graffiti on a shop shutter was reported and painted over the same day.",
    ]

    mutating func fillTension(
        hubs hubCount: Int, weeks weekCount: Int, stewardEmail: String, coordinatorEmail: String, passwordHash: String,
        now: Date = Date(), on db: Database, say: (String) -> Void
    ) async throws -> TensionAccounts {
        let areas = LocalAuthorities.all.map(\.code)
        var hubs: [Hub] = []
        var hubAreas: [HubArea] = []
        for number in 1...hubCount {
            let id = UUID()
            hubs.append(
                Hub(
                    id: id, slug: "synthetic-tension-hub-\(number)", name: "Synthetic tension hub \(number)",
                    region: LocalAuthorities.regions[number % LocalAuthorities.regions.count],
                    summary: "A synthetic hub made to measure the tension watch."))
            for offset in 0..<2 {
                hubAreas.append(HubArea(hubID: id, areaCode: areas[(number * 2 + offset) % areas.count]))
            }
        }
        try await hubs.create(on: db)
        try await hubAreas.create(on: db)
        // The synthetic hubs have existed for all the weeks they hold, so the national view counts them.
        if let sql = db as? SQLDatabase {
            let since = now.addingTimeInterval(-Double(weekCount + 1) * 7 * 86_400)
            try await sql.raw(
                "UPDATE hubs SET created_at = \(bind: since) WHERE slug LIKE \(bind: "synthetic-tension-hub-%")"
            ).run()
        }
        let steward = User(
            name: "Synthetic tension steward", email: stewardEmail, passwordHash: passwordHash, emailConfirmedAt: Date()
        )
        let coordinator = User(
            name: "Synthetic coordinator", email: coordinatorEmail, passwordHash: passwordHash,
            emailConfirmedAt: Date(),
            isCoordinator: true)
        try await [steward, coordinator].create(on: db)
        try await HubMembership(hubID: hubs[0].requireID(), userID: steward.requireID(), role: .steward).create(on: db)

        let weeks = UKWeek.recent(weekCount, endingAt: now)
        let themes = Vocabulary.theme.terms.map(\.code)
        let kinds = TensionObservation.Kind.allCases
        var made = 0
        for (hubIndex, hub) in hubs.enumerated() {
            let hubID = try hub.requireID()
            var levels: [TensionHubLevel] = []
            var observations: [TensionObservation] = []
            var level = 1 + Int(next() % 2)
            for week in weeks {
                guard let monday = UKWeek.monday(of: week) else { continue }
                // Levels drift by one at most a week, and about one week in ten goes unassessed.
                level = min(TensionScale.levelCount, max(1, level + Int(next() % 3) - 1))
                if next() % 10 != 0 {
                    levels.append(
                        TensionHubLevel(
                            hubID: hubID, level: level, note: "Synthetic weekly level.", week: week, setBy: steward.id))
                }
                for _ in 0..<Int(next() % 6) {
                    let observation = TensionObservation()
                    let day = min(now, monday.addingTimeInterval(Double(next() % 7) * 86_400))
                    observation.$hub.id = hubID
                    observation.$author.id = steward.id
                    observation.observedOn = UKDate.string(from: day)
                    observation.week = week
                    observation.areaCode = hubAreas[hubIndex * 2 + Int(next() % 2)].areaCode
                    observation.kind = pick(kinds)
                    observation.themes = [pick(themes), pick(themes)].sorted().joined(separator: ",")
                    observation.level = min(TensionScale.levelCount, max(1, level + Int(next() % 3) - 1))
                    observation.whatSeen = pick(Self.tensionSightings) + " (Synthetic.)"
                    observation.grading = pick(TensionObservation.Grading.allCases)
                    observation.sourceType = pick(TensionObservation.SourceType.allCases)
                    observation.response = "Synthetic response."
                    observation.followUpStatus = next() % 8 == 0 ? .open : .none
                    if !TensionScale.needsAcknowledging(observation.level) || next() % 3 != 0 {
                        observation.acknowledgedAt = day
                    }
                    observations.append(observation)
                }
            }
            let (levelRows, observationRows) = (levels, observations)
            try await db.transaction { db in
                try await levelRows.create(on: db)
                for start in stride(from: 0, to: observationRows.count, by: 500) {
                    try await Array(observationRows[start..<min(start + 500, observationRows.count)]).create(on: db)
                }
            }
            made += 1
            if made % 10 == 0 || made == hubCount { say("Tension hubs: \(made) of \(hubCount)") }
        }

        // A trigger event every quarter, two thirds of hubs checking in to each.
        for (number, week) in weeks.enumerated() where number % 13 == 12 {
            guard let monday = UKWeek.monday(of: week) else { continue }
            let event = TriggerEvent()
            event.title = "Synthetic trigger event \(number / 13 + 1)"
            event.whatHappened = "Not a real event: generated to measure the national view."
            event.happenedOn = UKDate.string(from: monday)
            event.themes = pick(themes)
            event.firstDay = "Check in."
            event.firstWeek = "Log what you hear."
            event.firstMonth = "Tell the stories."
            event.resourceSlugs = ""
            event.narrativeSlugs = ""
            event.caseStudySlugs = ""
            event.$declaredBy.id = coordinator.id
            event.closedAt = week == weeks.last ? nil : monday.addingTimeInterval(14 * 86_400)
            try await event.create(on: db)
            var checkIns: [TriggerCheckIn] = []
            for hub in hubs where next() % 3 != 0 {
                checkIns.append(
                    TriggerCheckIn(
                        triggerEventID: try event.requireID(), hubID: try hub.requireID(), userID: steward.id,
                        level: next() % 4 == 0 ? nil : 1 + Int(next() % 5), note: "Synthetic check-in."))
            }
            try await checkIns.create(on: db)
        }
        try await weeks.suffix(4).map { PublishedTensionWeek(week: $0, publishedBy: coordinator.id) }.create(on: db)
        return TensionAccounts(stewardEmail: stewardEmail, coordinatorEmail: coordinatorEmail, hubSlug: hubs[0].slug)
    }
}
