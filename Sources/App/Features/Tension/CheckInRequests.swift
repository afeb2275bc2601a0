import Fluent
import Foundation
import SQLKit

/// Asking hubs' stewards to check in after a trigger event: once when it is declared, and once
/// more, a day later, for the hubs that have not answered. The emails carry no tension
/// information, since the outbox is read by the national team.
struct CheckInRequests: Sendable {
    let db: Database
    let mailer: Mailer
    let baseURL: String

    /// Emails every approved steward of `hubIDs` (all hubs when nil) about `event`; a steward of
    /// several hubs gets one email naming each. Returns how many emails went.
    @discardableResult
    func ask(about event: TriggerEvent, hubIDs: Set<UUID>? = nil, reminder: Bool) async throws -> Int {
        let eventID = try event.requireID()
        var query = HubMembership.query(on: db).filter(\.$role == .steward).filter(\.$status == .approved)
            .with(\.$hub).with(\.$user)
        if let hubIDs {
            guard !hubIDs.isEmpty else { return 0 }
            query = query.filter(\.$hub.$id ~~ Array(hubIDs))
        }
        let stewardships = try await query.all()
        let byPerson = Dictionary(grouping: stewardships, by: { $0.$user.id })
        var sent = 0
        for (_, rows) in byPerson.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard let person = rows.first?.user else { continue }
            let hubs = rows.map(\.hub).sorted { $0.name < $1.name }
            var lines = [
                "Hello \(person.name),", "",
                reminder
                    ? "On \(DisplayDate.dateTime(event.declaredAt)) the national team declared a trigger event, and "
                        + (hubs.count == 1 ? "your hub has" : "these hubs have") + " not checked in yet:"
                    : "The national team has declared a trigger event:",
                "", event.title, "",
                "Please tell the national team how things are locally: the hub's level now, or that nothing has changed, with a short note. A missing answer shows as missing, not as calm.",
                "",
            ]
            for hub in hubs {
                lines.append("\(hub.name): \(baseURL)\(SiteURL.hubCheckIn(hub.slug, eventID).path)")
            }
            lines += [
                "", "The page also has the alliance's playbook for the first day, week and month.", "",
                "Bridgework",
            ]
            try await mailer.send(
                to: person.email,
                subject: (reminder ? "Reminder: please check in after " : "Please check in after ") + event.title,
                body: lines.joined(separator: "\n"))
            sent += 1
        }
        return sent
    }

    /// Sends the one reminder for each open event declared more than a day before `now`, to the
    /// hubs with no check-in. Claiming the event first means two runs at once send it once.
    func remindDue(now: Date = Date()) async throws -> [(event: String, emails: Int)] {
        let due = try await TriggerEvent.query(on: db).filter(\.$closedAt == nil).filter(\.$remindedAt == nil)
            .filter(\.$declaredAt <= now.addingTimeInterval(-TriggerEvent.reminderAfter)).all()
        var results: [(String, Int)] = []
        guard !due.isEmpty else { return results }
        let allHubs = Set(try await Hub.query(on: db).all().compactMap(\.id))
        for event in due {
            let eventID = try event.requireID()
            let claimed = try await claim(eventID, now: now)
            guard claimed else { continue }
            let answered = Set(
                try await TriggerCheckIn.query(on: db).filter(\.$triggerEvent.$id == eventID).all().map { $0.$hub.id })
            let emails = try await ask(about: event, hubIDs: allHubs.subtracting(answered), reminder: true)
            results.append((event.title, emails))
        }
        return results
    }

    /// Marks an event reminded, only if no other run did first: the one update that finds it
    /// still unreminded is the one that returns its row.
    private func claim(_ eventID: UUID, now: Date) async throws -> Bool {
        guard let sql = db as? SQLDatabase else { return false }
        let rows = try await sql.raw(
            """
            UPDATE trigger_events SET reminded_at = \(bind: now)
            WHERE id = \(bind: eventID) AND reminded_at IS NULL RETURNING id
            """
        ).all()
        return rows.count == 1
    }
}
