import Fluent
import Foundation
import Vapor

/// The weekly email of a person's hubs: stories published in the last seven days, events in the
/// next fourteen, and, for stewards, the requests waiting for them. Built from what a member may
/// read, so nothing goes by email that the person could not open on the site.
struct Digest: Sendable, Equatable {
    struct Story: Sendable, Equatable {
        let title: String
        let hubName: String
        let path: String
    }

    struct Event: Sendable, Equatable {
        let title: String
        let when: String
        let place: String
        let path: String
    }

    struct Waiting: Sendable, Equatable {
        let text: String
        let path: String
    }

    let name: String
    let hubNames: [String]
    var stories: [Story] = []
    var events: [Event] = []
    var waiting: [Waiting] = []

    var isEmpty: Bool { stories.isEmpty && events.isEmpty && waiting.isEmpty }

    static let storyDays = 7
    static let eventDays = 14

    /// The ISO week (in London) a moment falls in, like "2026-W49": one digest per person each.
    static func week(of date: Date) -> String {
        UKWeek.of(date)
    }

    /// The plain-text email. `base` makes links whole; `unsubscribe` is the person's own link.
    func body(base: String, unsubscribe: String) -> String {
        var lines = ["Hello \(name),", "", "Here is what is new in \(Wording.list(hubNames.map { "the \($0) hub" }))."]
        if !waiting.isEmpty {
            lines += ["", "WAITING FOR YOU"]
            for item in waiting { lines += ["- \(item.text)", "  \(base)\(item.path)"] }
        }
        if !stories.isEmpty {
            lines += ["", "NEW STORIES"]
            for story in stories { lines += ["- \(story.title) (\(story.hubName) hub)", "  \(base)\(story.path)"] }
        }
        if !events.isEmpty {
            lines += ["", "COMING UP"]
            for event in events {
                lines += ["- \(event.title): \(event.when), \(event.place)", "  \(base)\(event.path)"]
            }
        }
        lines += [
            "", "You get this email once a week, when there is news, because you belong to these hubs.",
            "To stop it, follow this link:", unsubscribe,
            "You can also turn it off or on again from your home page: \(base)\(SiteURL.personalHome.path)", "",
            "Bridgework",
        ]
        return lines.joined(separator: "\n")
    }
}

/// Builds and sends the week's digests. Each run reads every hub's news once and shares it among
/// the hub's members, so its cost follows the number of hubs and people, not their product.
struct DigestSender {
    struct Summary: Sendable, Equatable {
        var sent = 0
        var nothingNew = 0
        var alreadySent = 0
    }

    let db: Database
    let mailer: Mailer
    let baseURL: String
    let signingKey: SymmetricKey

    func sendAll(now: Date = Date()) async throws -> Summary {
        let week = Digest.week(of: now)
        let memberships = try await HubMembership.query(on: db)
            .filter(\.$status == .approved)
            .with(\.$hub)
            .with(\.$user)
            .all()
        let optedOut = Set(try await DigestOptOut.query(on: db).all().map { $0.$user.id })
        let sentThisWeek = Set(try await DigestSend.query(on: db).filter(\.$week == week).all().map { $0.$user.id })
        let byPerson = Dictionary(grouping: memberships.filter { $0.user.emailConfirmedAt != nil }) { $0.$user.id }
        let hubIDs = Array(Set(memberships.map { $0.$hub.id }))
        let news = try await HubNews.load(hubs: hubIDs, now: now, on: db)

        var summary = Summary()
        for (userID, theirs) in byPerson.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard !optedOut.contains(userID) else { continue }
            guard !sentThisWeek.contains(userID) else {
                summary.alreadySent += 1
                continue
            }
            let user = theirs[0].user
            let digest = news.digest(for: user.name, memberships: theirs)
            guard !digest.isEmpty else {
                summary.nothingNew += 1
                continue
            }
            // The row first: if another run got there first, its unique key stops this one.
            do {
                try await DigestSend(userID: userID, week: week).create(on: db)
            } catch let error as DatabaseError where error.isConstraintFailure {
                summary.alreadySent += 1
                continue
            }
            let link = DigestLinks.unsubscribe(userID: userID, key: signingKey)
            let whole = baseURL + link
            try await mailer.send(
                to: user.email, subject: "This week in your hubs", body: digest.body(base: baseURL, unsubscribe: whole),
                secrets: [DigestLinks.token(userID: userID, key: signingKey)],
                headers: [
                    ("List-Unsubscribe", "<\(whole)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ])
            summary.sent += 1
        }
        return summary
    }
}

/// Each hub's news for the week, read once for everyone in it.
struct HubNews: Sendable {
    let stories: [UUID: [PublishedStory]]
    let events: [UUID: [App.Event]]
    let pending: [UUID: Int]

    static func load(hubs: [UUID], now: Date, on db: Database) async throws -> HubNews {
        let since = now.addingTimeInterval(-Double(Digest.storyDays) * 86_400)
        let until = now.addingTimeInterval(Double(Digest.eventDays) * 86_400)
        let hubRecords = try await Hub.query(on: db).filter(\.$id ~~ hubs).all()
        var stories: [UUID: [PublishedStory]] = [:]
        for hub in hubRecords {
            let latest = try await StoryFinder.latest(inHub: hub.slug, seesMembersOnly: true, limit: 5, on: db)
            stories[try hub.requireID()] = latest.filter { $0.publishedAt >= since }
        }
        let upcoming = try await App.Event.query(on: db)
            .filter(\.$hub.$id ~~ hubs)
            .filter(\.$endsAt >= now)
            .filter(\.$startsAt <= until)
            .sort(\.$startsAt)
            .all()
        let events = Dictionary(grouping: upcoming) { $0.$hub.id ?? UUID() }
        return HubNews(stories: stories, events: events, pending: try await HubCounts.pendingRequests(on: db))
    }

    func digest(for name: String, memberships: [HubMembership]) -> Digest {
        let sorted = memberships.sorted { $0.hub.name < $1.hub.name }
        var digest = Digest(name: name, hubNames: sorted.map(\.hub.name))
        for membership in sorted {
            let hubID = membership.$hub.id
            if membership.role == .steward, let count = pending[hubID], count > 0 {
                digest.waiting.append(
                    Digest.Waiting(
                        text: Wording.count(count, "request", "requests") + " to join the \(membership.hub.name) hub",
                        path: SiteURL.hubRequests(membership.hub.slug).path))
            }
            for story in stories[hubID] ?? [] {
                digest.stories.append(
                    Digest.Story(title: story.title, hubName: story.hubName, path: SiteURL.story(story.slug).path))
            }
            for event in (events[hubID] ?? []).prefix(5) {
                digest.events.append(
                    Digest.Event(
                        title: event.title, when: DisplayDate.dateTime(event.startsAt),
                        place: event.place.isEmpty ? "online" : event.place, path: SiteURL.event(event.slug).path))
            }
        }
        return digest
    }
}

/// The signed link that turns one person's digest off without signing in.
enum DigestLinks {
    static func token(userID: UUID, key: SymmetricKey) -> String {
        Tokens.sign("digest-unsubscribe:" + userID.uuidString.lowercased(), key: key)
    }

    static func unsubscribe(userID: UUID, key: SymmetricKey) -> String {
        SiteURL.digestUnsubscribe.with(query: [
            "person": userID.uuidString.lowercased(), "token": token(userID: userID, key: key),
        ])
    }

    /// The person a link names, when its token is theirs.
    static func person(id: String?, token: String?, key: SymmetricKey) -> UUID? {
        guard let id, let token, let userID = UUID(uuidString: id),
            Tokens.constantTimeEqual(token, self.token(userID: userID, key: key))
        else { return nil }
        return userID
    }
}
