import Fluent
import Foundation

/// The demo's events: the eleven local events of 2013 from the report, as past events, and two
/// upcoming demo gatherings so registration can be tried.
enum DemoEvents {
    struct Seed: Sendable {
        let slug: String
        let area: String
        let hub: String
        let hosts: String
        /// The report gives the year, not the day: a month in 2013 keeps the listing in order.
        let month: Int
    }

    static let roundOf2013: [Seed] = [
        Seed(
            slug: "good-relations-stockwell-2013", area: "Stockwell, London", hub: "stockwell",
            hosts: "Stockwell Partnership", month: 2),
        Seed(
            slug: "good-relations-warrington-2013", area: "Warrington, Cheshire and Merseyside", hub: "warrington",
            hosts: "Foundation for Peace", month: 3),
        Seed(
            slug: "good-relations-greater-manchester-2013", area: "Greater Manchester", hub: "greater-manchester",
            hosts: "Social Action Research Foundation", month: 4),
        Seed(
            slug: "good-relations-newcastle-2013", area: "Newcastle", hub: "newcastle",
            hosts: "ARCH and Newcastle Conflict Resolution Network", month: 5),
        Seed(
            slug: "good-relations-leeds-2013", area: "Leeds, Yorkshire and Humber", hub: "yorkshire-and-humber",
            hosts:
                "Together for Peace, Programme for a Peaceful City, Who is your Neighbour? and the Centre for Good Relations",
            month: 6),
        Seed(
            slug: "good-relations-bristol-2013", area: "Bristol and the south-west", hub: "bristol-and-south-west",
            hosts: "Barton Hill Settlement and Community Resolve", month: 7),
        Seed(
            slug: "good-relations-newham-2013", area: "Newham, east London", hub: "newham",
            hosts: "Conflict and Change, Involve and Resolve, and the Kitchen Table Café", month: 9),
        Seed(
            slug: "good-relations-wolverhampton-2013", area: "Wolverhampton", hub: "wolverhampton",
            hosts: "Wolverhampton Network Consortium", month: 10),
        Seed(slug: "good-relations-lincolnshire-2013", area: "Lincolnshire", hub: "lincolnshire", hosts: "", month: 10),
        Seed(slug: "good-relations-slough-2013", area: "Slough", hub: "slough", hosts: "", month: 11),
        Seed(slug: "good-relations-derby-2013", area: "Derby", hub: "derby-and-east-midlands", hosts: "", month: 11),
    ]

    static func seed(on db: Database, now: Date = Date()) async throws {
        let hubs = Dictionary(uniqueKeysWithValues: try await Hub.query(on: db).all().map { ($0.slug, $0) })
        let calendar = ICalendar.calendarInLondon
        for seed in roundOf2013 {
            let event = Event(slug: seed.slug, title: "Good relations in \(seed.area)", hubID: hubs[seed.hub]?.id)
            event.description = """
                One of the eleven local events of 2013 from which the alliance grew. People working on good relations in \(seed.area) met to talk about the work they do, the challenges they face, the methods they use, how they know it makes a difference, and what support would help.\(seed.hosts.isEmpty ? "" : "\n\nHosted by \(seed.hosts).")

                *The report records this event in 2013 but not its date or its own attendance; the date shown only keeps the demo's list in order. Across all eleven events, 346 people from 235 organisations took part.*
                """
            event.startsAt = calendar.date(from: DateComponents(year: 2013, month: seed.month, day: 15, hour: 10))!
            event.endsAt = calendar.date(from: DateComponents(year: 2013, month: seed.month, day: 15, hour: 16))!
            event.place = seed.area
            event.capacity = 60
            event.askFeedback = false
            try await event.create(on: db)
        }
        let day: TimeInterval = 86_400
        func at(_ days: Double, hour: Int) -> Date {
            let date = now.addingTimeInterval(days * day)
            var parts = calendar.dateComponents([.year, .month, .day], from: date)
            parts.hour = hour
            return calendar.date(from: parts) ?? date
        }
        let evening = Event(
            slug: "an-evening-with-the-peer-trainers", title: "An evening with Slough's peer trainers",
            hubID: hubs["slough"]?.id)
        evening.description =
            "Young volunteer peer trainers show how they teach conflict resolution to other young people, and answer questions. For youth workers, teachers, councillors and anyone curious. Tea and samosas provided. (A demo event.)"
        evening.startsAt = at(21, hour: 18)
        evening.endsAt = at(21, hour: 20)
        evening.place = "Youth café, Slough town centre (demo address)"
        evening.stepFree = true
        evening.hearingLoop = true
        evening.quietRoom = true
        evening.interpreters = "Urdu and Punjabi on request"
        evening.capacity = 30
        evening.askAccessNeeds = true
        evening.askDietaryNeeds = true
        evening.askOrganisation = true
        try await evening.create(on: db)
        let skills = Event(
            slug: "mediation-skills-morning", title: "Mediation skills morning", hubID: hubs["newcastle"]?.id)
        skills.description =
            "A practical morning on mediating between neighbours, for alliance members, led by experienced community mediators. Bring a situation you are working on. (A demo event.)"
        skills.startsAt = at(35, hour: 9)
        skills.endsAt = at(35, hour: 13)
        skills.place = "Newcastle (demo venue)"
        skills.onlineURL = "https://meet.example.org/mediation-skills"
        skills.stepFree = true
        skills.capacity = 12
        skills.audience = .members
        skills.askAccessNeeds = true
        skills.askOrganisation = true
        try await skills.create(on: db)
    }
}
