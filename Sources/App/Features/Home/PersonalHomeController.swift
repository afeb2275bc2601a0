import Fluent
import Foundation
import Vapor

/// `/home`, where sign-in lands: what is waiting for this person, by what they do in the
/// alliance, each with a count and a link; their events, open surveys and hubs; and, for the
/// national team, the picture of every hub. A fixed number of queries, however many hubs.
struct PersonalHomeController {
    func show(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let now = Date()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let stewarded = hubs.filter { hub in hub.id.map { Policy.can(user, .stewardHub, .hub($0)) } ?? false }
        var tasks: [PersonalHomePage.Task] = []

        if !stewarded.isEmpty {
            let toReview = try await Story.query(on: req.db).filter(\.$status == .submitted)
                .filter(\.$hub.$id ~~ stewarded.compactMap(\.id)).count()
            if toReview > 0 {
                tasks.append(
                    .init(
                        text: Wording.count(
                            toReview, "story waiting for your review", "stories waiting for your review"),
                        link: SiteURL.storyReviews.path,
                        hint: "Check each story's consents and words, then publish it or return it to its author."))
            }
            let pending = try await HubCounts.pendingRequests(on: req.db)
            for hub in stewarded {
                guard let id = hub.id, let waiting = pending[id], waiting > 0 else { continue }
                tasks.append(
                    .init(
                        text: Wording.count(waiting, "request", "requests") + " to join \(hub.name)",
                        link: SiteURL.hubRequests(hub.slug).path,
                        hint: "People and organisations waiting for a steward to welcome them."))
            }
        }

        tasks += try await tensionTasks(user: user, hubs: hubs, on: req.db)

        let peerInvitations = try await PeerInvitation.query(on: req.db).filter(\.$invitee.$id == user.id)
            .filter(\.$status == .invited).count()
        if peerInvitations > 0 {
            tasks.append(
                .init(
                    text: Wording.count(
                        peerInvitations, "practitioner asking to talk something through with you",
                        "practitioners asking to talk something through with you"),
                    link: SiteURL.peerSupport.path, hint: "Read what each is about, then accept or decline."))
        }

        let invitations = try await OrganisationInvitation.query(on: req.db).filter(\.$email == user.email)
            .filter(\.$expiresAt > now).with(\.$organisation).all()
        for invitation in invitations {
            tasks.append(
                .init(
                    text: "An invitation to join \(invitation.organisation.name)", link: nil,
                    hint:
                        "Open the link in the email we sent to \(user.email) to accept it, before \(DisplayDate.day(invitation.expiresAt))."
                ))
        }

        let ownStories = try await Story.query(on: req.db).filter(\.$author.$id == user.id)
            .filter(\.$status ~~ [.draft, .returned]).all()
        let returned = ownStories.filter { $0.status == .returned }.count
        if returned > 0 {
            tasks.append(
                .init(
                    text: Wording.count(returned, "of your stories was", "of your stories were")
                        + " returned to you",
                    link: SiteURL.myStories.path, hint: "A steward has said what to change before it can be published.")
            )
        }
        let drafts = ownStories.count - returned
        if drafts > 0 {
            tasks.append(
                .init(
                    text: Wording.count(drafts, "draft story", "draft stories"), link: SiteURL.myStories.path,
                    hint: "Send a story for review when everyone in it has agreed."))
        }

        let organisations = user.memberOfOrganisations.union(user.adminOfOrganisations)
        let today = UKDate.today()
        let surveys =
            organisations.isEmpty
            ? []
            : try await Survey.query(on: req.db)
                .join(Project.self, on: \Survey.$project.$id == \Project.$id)
                .filter(Project.self, \.$organisation.$id ~~ Array(organisations))
                .sort(\.$createdAt, .descending).all()
                .filter { $0.isOpen(today: today) }
        let openSurveys = try surveys.prefix(10).map { survey in
            let project = try survey.joined(Project.self)
            return PersonalHomePage.Line(
                text: survey.title, link: SiteURL.survey(project.slug, try survey.requireID()).path,
                detail: project.name)
        }

        let going = try await EventRegistration.query(on: req.db).filter(\.$user.$id == user.id)
            .filter(\.$status ~~ [.confirmed, .waitlisted])
            .join(Event.self, on: \EventRegistration.$event.$id == \Event.$id)
            .filter(Event.self, \.$endsAt >= now)
            .sort(Event.self, \.$startsAt).limit(5).all()
        let goingLines = try going.map { registration in
            let event = try registration.joined(Event.self)
            return PersonalHomePage.Line(
                text: event.title, link: SiteURL.event(event.slug).path,
                detail: DisplayDate.dateTime(event.startsAt)
                    + (registration.status == .waitlisted ? " (you are on the waiting list)" : ""))
        }
        let organising = try await Event.query(on: req.db).filter(\.$createdBy.$id == user.id)
            .filter(\.$endsAt >= now).sort(\.$startsAt).limit(5).all()
        let organisingLines = organising.map { event in
            PersonalHomePage.Line(
                text: event.title, link: SiteURL.eventRegistrations(event.slug).path,
                detail: DisplayDate.dateTime(event.startsAt)
                    + ", \(event.placesTaken) of \(event.capacity) places taken")
        }

        let ownHubs = hubs.filter { hub in hub.id.map(user.memberOfHubs.contains) ?? false }
        // What is new in the person's hubs: the latest stories they may read, from up to three hubs.
        var latest: [PublishedStory] = []
        for hub in ownHubs.prefix(3) {
            latest += try await StoryFinder.latest(
                inHub: hub.slug, seesMembersOnly: req.seesMembersOnly, limit: 3, on: req.db)
        }
        let latestLines = latest.sorted { $0.publishedAt > $1.publishedAt }.prefix(5).map { story in
            PersonalHomePage.Line(
                text: story.title, link: SiteURL.story(story.slug).path,
                detail: "\(story.hubName), \(DisplayDate.day(story.publishedAt))")
        }
        let hubEvents = try await EventListing.upcoming(
            inHubs: ownHubs.compactMap(\.id), seesMembersOnly: req.seesMembersOnly, limit: 5, on: req.db)
        let hubEventLines = hubEvents.map { event in
            PersonalHomePage.Line(
                text: event.title, link: SiteURL.event(event.slug).path, detail: DisplayDate.dateTime(event.startsAt))
        }
        var model = PersonalHomePage.Model(
            page: req.page, name: user.name, tasks: tasks, eventsGoing: goingLines, eventsOrganising: organisingLines,
            openSurveys: openSurveys, moreOpenSurveys: max(0, surveys.count - openSurveys.count),
            hubs: ownHubs.map { .init(text: $0.name, link: SiteURL.hub($0.slug).path, detail: $0.region) },
            latestStories: Array(latestLines), hubEvents: hubEventLines,
            isApprovedMember: user.isApprovedMember,
            national: user.isCoordinator ? try await Self.nationalPicture(hubs: hubs, now: now, on: req.db) : nil)
        model.digestOn = try await DigestOptOut.isOn(for: user.id, on: req.db)
        return PersonalHomePage.view(model).response()
    }

    /// For a hub's own stewards (the national team's role does not count): trigger events their
    /// hub has not checked in on, and serious observations nobody has acknowledged.
    private func tensionTasks(user: CurrentUser, hubs: [Hub], on db: Database) async throws -> [PersonalHomePage.Task] {
        let stewarded = hubs.filter { hub in hub.id.map { Policy.can(user, .stewardHubTension, .hub($0)) } ?? false }
        guard !stewarded.isEmpty else { return [] }
        let hubIDs = stewarded.compactMap(\.id)
        var tasks: [PersonalHomePage.Task] = []
        let open = try await TriggerEvent.query(on: db).filter(\.$closedAt == nil).sort(\.$declaredAt, .descending)
            .limit(5).all()
        let answered = Set(
            try await TriggerCheckIn.query(on: db).filter(\.$triggerEvent.$id ~~ open.compactMap(\.id))
                .filter(\.$hub.$id ~~ hubIDs).all().map { [$0.$triggerEvent.id, $0.$hub.id] })
        for event in open {
            guard let eventID = event.id else { continue }
            for hub in stewarded where !answered.contains([eventID, hub.id ?? UUID()]) {
                tasks.append(
                    .init(
                        text: "Check in for \(hub.name) after \(event.title)",
                        link: SiteURL.hubCheckIn(hub.slug, eventID).path,
                        hint: "The national team asked every hub: give the level now, or say nothing has changed."))
            }
        }
        let unacknowledged = try await TensionFigures.unacknowledged(in: hubIDs, on: db)
        for hub in stewarded {
            guard let id = hub.id, let count = unacknowledged[id], count > 0 else { continue }
            tasks.append(
                .init(
                    text: Wording.count(count, "serious observation", "serious observations")
                        + " to acknowledge in \(hub.name)",
                    link: SiteURL.hubTension(hub.slug).path,
                    hint:
                        "Observations at level \(TensionScale.acknowledgedFrom) or above wait for a steward to read them and record the follow-up."
                ))
        }
        return tasks
    }

    /// Every hub's members, organisations and recent work, and the hubs nobody stewards.
    static func nationalPicture(hubs: [Hub], now: Date, on db: Database) async throws -> PersonalHomePage.National {
        let since = HubCounts.recentSince(now)
        let people = try await HubCounts.people(on: db)
        let organisations = try await HubCounts.organisations(on: db)
        let stewards = try await HubCounts.stewards(on: db)
        let stories = try await HubCounts.storiesPublished(since: since, on: db)
        let events = try await HubCounts.eventsHeld(from: since, to: now, on: db)
        let rows = hubs.compactMap { hub -> PersonalHomePage.HubRow? in
            guard let id = hub.id else { return nil }
            return .init(
                name: hub.name, link: SiteURL.hub(hub.slug).path, members: people[id] ?? 0,
                organisations: organisations[id] ?? 0, stewards: stewards[id] ?? 0, stories: stories[id] ?? 0,
                events: events[id] ?? 0)
        }
        return .init(days: HubCounts.recentDays, since: DisplayDate.day(since), rows: rows)
    }
}
