import Fluent
import Foundation

/// What makes the demo's hubs look lived in on the day it is loaded: a steward and a few members
/// in each, one event coming up in each dated from that day, and requests waiting for the Newcastle
/// steward. Every person and listing added here says "(demo)" in its name, and every event says
/// it is a demo event. Lincolnshire is left without a steward, so the national picture shows one.
enum DemoHubLife {
    struct HubPeople {
        let hub: String
        let steward: String?
        let members: [String]
    }

    static let people: [HubPeople] = [
        HubPeople(hub: "stockwell", steward: "Grace Adeyemi", members: ["Luis Romero", "Hannah Cole", "Samir Haddad"]),
        HubPeople(hub: "warrington", steward: "Ian Whitworth", members: ["Kasia Nowak", "Deborah Lyons"]),
        HubPeople(
            hub: "greater-manchester", steward: "Farah Qureshi", members: ["Owen Price", "Mei Lin", "Jo Barnes"]),
        HubPeople(hub: "newcastle", steward: "Rob Tait", members: ["Chloe Armstrong", "Yusuf Ali"]),
        HubPeople(hub: "yorkshire-and-humber", steward: "Bilal Akhtar", members: ["Rachel Firth", "Tom Haigh"]),
        HubPeople(hub: "bristol-and-south-west", steward: "Nia Evans", members: ["Marcus Bell", "Leah Morgan"]),
        HubPeople(hub: "newham", steward: "Shanice Daley", members: ["Imran Sheikh", "Ade Bankole", "Ruth Green"]),
        HubPeople(hub: "wolverhampton", steward: "Harpreet Sandhu", members: ["Dawn Edwards", "Kwame Mensah"]),
        HubPeople(hub: "lincolnshire", steward: nil, members: ["Andrius Petraitis", "Sue Walker"]),
        HubPeople(hub: "slough", steward: "Zara Malik", members: ["Daniel Osei", "Priya Shah"]),
        HubPeople(hub: "derby-and-east-midlands", steward: "Martin Hughes", members: ["Agnieszka Kowal", "Femi Ade"]),
    ]

    struct EventSeed {
        let hub: String
        let title: String
        let about: String
        let daysAhead: Double
        let hour: Int
        let place: String

        var slug: String { Slugs.make(from: title) + "-demo" }
    }

    static let events: [EventSeed] = [
        EventSeed(
            hub: "stockwell", title: "Estate walkabout and tea",
            about: "Neighbours from the estate and the new housing walk the area together, then talk over tea.",
            daysAhead: 4, hour: 14, place: "Community centre, Stockwell (demo address)"),
        EventSeed(
            hub: "warrington", title: "After the headlines: talking about rumours",
            about: "How to answer a rumour that is going round, without spreading it further.", daysAhead: 6,
            hour: 18, place: "Town hall, Warrington (demo address)"),
        EventSeed(
            hub: "greater-manchester", title: "Interfaith five-a-side",
            about: "Football for teams from local mosques, churches, gurdwaras and youth clubs.",
            daysAhead: 9, hour: 10, place: "Sports hall, Manchester (demo address)"),
        EventSeed(
            hub: "newcastle", title: "Neighbours' open evening",
            about: "Come and hear how neighbours in the east end settled a long-running dispute, and what helped.",
            daysAhead: 8, hour: 18, place: "Community centre, Newcastle (demo address)"),
        EventSeed(
            hub: "yorkshire-and-humber", title: "Good relations network meeting",
            about: "Members share what is happening in their areas and plan the next term's work together.",
            daysAhead: 11, hour: 13, place: "Civic hall, Leeds (demo address)"),
        EventSeed(
            hub: "bristol-and-south-west", title: "Hate crime reporting: a practical session",
            about: "What happens after someone reports, and how community groups can help people come forward.",
            daysAhead: 13, hour: 18, place: "Library meeting room, Bristol (demo address)"),
        EventSeed(
            hub: "newham", title: "Young people's question time",
            about: "Young people put their questions to councillors, police and faith leaders.", daysAhead: 16,
            hour: 17, place: "Youth centre, Stratford (demo address)"),
        EventSeed(
            hub: "wolverhampton", title: "Sharing food, sharing stories",
            about: "A community meal where people from different backgrounds bring a dish and a story about it.",
            daysAhead: 19, hour: 18, place: "Community hall, Wolverhampton (demo address)"),
        EventSeed(
            hub: "lincolnshire", title: "Welcoming new neighbours: what works",
            about: "Volunteers and council officers compare notes on welcoming people who have moved for work.",
            daysAhead: 24, hour: 11, place: "Village hall, Boston (demo address)"),
        EventSeed(
            hub: "derby-and-east-midlands", title: "Schools linking day",
            about: "Pupils from schools across the city meet, work on a project together and make friends.",
            daysAhead: 28, hour: 9, place: "Guildhall, Derby (demo address)"),
    ]

    /// People asking to join Newcastle, with what they wrote, for its steward to decide.
    static let newcastleRequests: [(name: String, message: String)] = [
        (
            "Ellie Robson",
            "I volunteer with a residents' group in Walker and would like to meet others doing this work."
        ),
        ("Karim Haddad", "I am a youth worker starting a peer-mediation project in two schools."),
    ]

    static func seed(passwordHash: String, now: Date = Date(), on db: Database) async throws {
        let hubs = Dictionary(uniqueKeysWithValues: try await Hub.query(on: db).all().map { ($0.slug, $0) })
        for group in people {
            guard let hubID = hubs[group.hub]?.id else { continue }
            if let steward = group.steward {
                let user = try await person(steward, passwordHash: passwordHash, on: db)
                try await HubMembership(hubID: hubID, userID: try user.requireID(), role: .steward).create(on: db)
            }
            for member in group.members {
                let user = try await person(member, passwordHash: passwordHash, on: db)
                try await HubMembership(hubID: hubID, userID: try user.requireID(), role: .member).create(on: db)
            }
        }
        if let newcastle = hubs["newcastle"]?.id {
            for request in newcastleRequests {
                let user = try await person(request.name, passwordHash: passwordHash, on: db)
                let membership = HubMembership(
                    hubID: newcastle, userID: try user.requireID(), role: .member, status: .pending)
                membership.message = request.message
                try await membership.create(on: db)
            }
            let organisation = Organisation(
                slug: "byker-voices-demo", name: "Byker Voices (demo)",
                summary:
                    "Residents who run listening sessions between long-standing and newer neighbours. (A demo listing.)"
            )
            try await organisation.create(on: db)
            try await OrganisationHub(organisationID: try organisation.requireID(), hubID: newcastle, status: .pending)
                .create(on: db)
        }
        let calendar = UKTime.calendar
        for seed in events {
            let day = now.addingTimeInterval(seed.daysAhead * 86_400)
            var parts = calendar.dateComponents([.year, .month, .day], from: day)
            parts.hour = seed.hour
            let starts = calendar.date(from: parts) ?? day
            let event = Event(
                slug: seed.slug, title: seed.title, hubID: hubs[seed.hub]?.id,
                startsAt: starts, endsAt: starts.addingTimeInterval(2 * 3_600))
            event.description = seed.about + " (A demo event.)"
            event.place = seed.place
            event.capacity = 40
            event.stepFree = true
            try await event.create(on: db)
        }
    }

    /// Every address this adds.
    static func addresses() -> [String] {
        people.flatMap { group in
            ([group.steward].compactMap { $0 } + group.members).map(address)
        }
            + newcastleRequests.map { address($0.name) }
    }

    private static func address(_ name: String) -> String {
        Slugs.make(from: name).replacingOccurrences(of: "-", with: ".") + "@demo.bridgework.org.uk"
    }

    /// A demo account: the name says "(demo)", the address is on the demo domain.
    private static func person(_ name: String, passwordHash: String, on db: Database) async throws -> User {
        let email = address(name)
        let user = User(
            name: name + " (demo)", email: email, passwordHash: passwordHash, emailConfirmedAt: Date(),
            isCoordinator: false)
        try await user.create(on: db)
        return user
    }
}
