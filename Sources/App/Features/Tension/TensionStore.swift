import Fluent
import Foundation
import SQLKit
import Vapor

/// Every write the tension watch makes, for pages, commands and the demo alike.
enum TensionStore {
    /// Saves a checked observation form as a new observation of `hubID`.
    static func log(_ form: ObservationForm, hubID: UUID, authorID: UUID?, narrativeID: UUID?, on db: Database)
        async throws -> TensionObservation
    {
        let observation = TensionObservation()
        let day = UKDate.validated(form.observedOn) ?? form.observedOn
        observation.$hub.id = hubID
        observation.$author.id = authorID
        observation.observedOn = day
        observation.week = UKWeek.of(day: day) ?? UKWeek.of(Date())
        observation.areaCode = form.area
        observation.kind = TensionObservation.Kind(rawValue: form.kind) ?? .other
        observation.themes = form.themes.sorted().joined(separator: ",")
        observation.level = Int(form.level) ?? 1
        observation.whatSeen = form.whatSeen
        observation.grading = TensionObservation.Grading(rawValue: form.grading) ?? .potential
        observation.sourceType = TensionObservation.SourceType(rawValue: form.sourceType) ?? .other
        observation.response = form.response
        observation.$narrative.id = narrativeID
        observation.followUpStatus = .none
        try await observation.create(on: db)
        return observation
    }

    /// A steward's follow-up: the first one acknowledges the observation, and says who did.
    static func followUp(
        _ observation: TensionObservation, with form: FollowUpForm, by stewardID: UUID, on db: Database
    )
        async throws
    {
        if observation.acknowledgedAt == nil {
            observation.acknowledgedAt = Date()
            observation.$acknowledgedBy.id = stewardID
        }
        observation.followUpStatus = TensionObservation.FollowUpStatus(rawValue: form.status) ?? .none
        observation.followUp = form.note.isEmpty ? nil : form.note
        try await observation.save(on: db)
    }

    /// Sets the hub's level for the week `now` falls in.
    @discardableResult
    static func setLevel(_ level: Int, note: String, hubID: UUID, by userID: UUID?, now: Date = Date(), on db: Database)
        async throws -> TensionHubLevel
    {
        let row = TensionHubLevel(hubID: hubID, level: level, note: note, week: UKWeek.of(now), setBy: userID)
        try await row.create(on: db)
        return row
    }

    /// Replaces the hub's wording of its levels and how long it keeps observations, in one go.
    static func saveSettings(_ form: TensionSettingsForm, hubID: UUID, on db: Database) async throws {
        try await db.transaction { db in
            try await TensionLevelWording.query(on: db).filter(\.$hub.$id == hubID).delete()
            for (index, standard) in TensionScale.defaultLevels.enumerated()
            where form.names[index] != standard.name || form.descriptions[index] != standard.description {
                try await TensionLevelWording(
                    hubID: hubID, level: standard.number, name: form.names[index],
                    description: form.descriptions[index]
                ).create(on: db)
            }
            let months = Int(form.retentionMonths) ?? TensionScale.defaultRetentionMonths
            if let settings = try await TensionSettings.query(on: db).filter(\.$hub.$id == hubID).first() {
                settings.retentionMonths = months
                try await settings.save(on: db)
            } else {
                try await TensionSettings(hubID: hubID, retentionMonths: months).create(on: db)
            }
        }
    }

    /// The hub's answer to a trigger event; a second answer, even one sent at the same moment by
    /// another steward, replaces the first rather than adding a row.
    static func checkIn(_ form: CheckInForm, event: TriggerEvent, hubID: UUID, by userID: UUID, on db: Database)
        async throws
    {
        let eventID = try event.requireID()
        for _ in 0..<3 {
            if let existing = try await TriggerCheckIn.query(on: db).filter(\.$triggerEvent.$id == eventID)
                .filter(\.$hub.$id == hubID).first()
            {
                existing.level = form.level
                existing.note = form.note
                existing.$user.id = userID
                try await existing.save(on: db)
                return
            }
            do {
                try await TriggerCheckIn(
                    triggerEventID: eventID, hubID: hubID, userID: userID, level: form.level, note: form.note
                ).create(on: db)
                return
            } catch let error as DatabaseError where error.isConstraintFailure {
                // Another steward of the hub checked in a moment ago: update theirs instead.
                continue
            }
        }
        // Never report a check-in as sent when none was kept.
        throw Abort(.conflict, reason: "The check-in could not be saved. Please send it again.")
    }

    /// The first day a hub still keeps, for a retention period ending `now`.
    static func earliestKept(retentionMonths: Int, now: Date = Date()) -> String {
        let start = UKTime.calendar.date(byAdding: .month, value: -retentionMonths, to: now) ?? now
        return UKDate.string(from: start)
    }

    /// What a retention run removed from one hub.
    struct Removed: Sendable, Equatable {
        let hubID: UUID
        let hubName: String
        let observations: Int
        let levelNotes: Int
    }

    /// Deletes each hub's observations older than its retention period, and blanks the notes of
    /// its older weekly levels (the level numbers stay, for the national trend). Idempotent.
    static func applyRetention(now: Date = Date(), on db: Database) async throws -> [Removed] {
        let hubs = try await Hub.query(on: db).sort(\.$name).all()
        let settings = try await TensionSettings.query(on: db).all()
        let months = Dictionary(settings.map { ($0.$hub.id, $0.retentionMonths) }, uniquingKeysWith: { a, _ in a })
        var removed: [Removed] = []
        for hub in hubs {
            let hubID = try hub.requireID()
            let earliest = earliestKept(retentionMonths: months[hubID] ?? TensionScale.defaultRetentionMonths, now: now)
            let result = try await db.transaction { db -> (Int, Int) in
                let old = TensionObservation.query(on: db).filter(\.$hub.$id == hubID)
                    .filter(\.$observedOn < earliest)
                let observations = try await old.copy().count()
                if observations > 0 { try await old.delete() }
                let earliestWeek = UKWeek.of(day: earliest) ?? earliest
                let notes = TensionHubLevel.query(on: db).filter(\.$hub.$id == hubID)
                    .filter(\.$week < earliestWeek).filter(\.$note != "")
                let levelNotes = try await notes.copy().count()
                if levelNotes > 0 { try await notes.set(\.$note, to: "").update() }
                return (observations, levelNotes)
            }
            if result.0 > 0 || result.1 > 0 {
                removed.append(
                    Removed(hubID: hubID, hubName: hub.name, observations: result.0, levelNotes: result.1))
            }
        }
        return removed
    }
}
