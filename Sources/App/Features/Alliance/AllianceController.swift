import Fluent
import Vapor

/// `/alliance`, the national team's view of the whole alliance, and `/alliance/public`, the
/// evidence briefing anyone may read, print or download.
struct AllianceController {
    /// Weeks in the national view's tension figures.
    static let spreadWeeks = 12
    static let hubWeeks = 8

    func show(req: Request) async throws -> Response {
        AlliancePage.view(try await model(req)).response()
    }

    func publishWeek(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let week = req.formText("week")
        let publish = req.formText("publish") == "yes"
        // A week is published from the table once it has ended; any published week may be withdrawn.
        let ended = UKWeek.recent(Self.spreadWeeks).dropLast()
        let isPublished = try await PublishedTensionWeek.query(on: req.db).filter(\.$week == week).count() > 0
        guard publish ? ended.contains(week) : isPublished else {
            var model = try await model(req)
            model.errors.add(
                "tension",
                publish
                    ? "Choose a week that has ended from the table: a week is published once its levels can no longer change"
                    : "That week is not in the public briefing, so there is nothing to withdraw")
            return AlliancePage.view(model).response(status: .unprocessableEntity)
        }
        if publish {
            do {
                try await PublishedTensionWeek(week: week, publishedBy: user.id).create(on: req.db)
            } catch let error as DatabaseError where error.isConstraintFailure {
                // Published a moment ago by someone else: published is published.
            }
            try await req.audit(.tensionWeekPublished, subjectType: "tension-week", subjectID: nil, detail: week)
        } else {
            try await PublishedTensionWeek.query(on: req.db).filter(\.$week == week).delete()
            try await req.audit(.tensionWeekWithdrawn, subjectType: "tension-week", subjectID: nil, detail: week)
        }
        return req.redirect(
            to: SiteURL.alliance.with(notice: publish ? AllianceNotice.weekPublished : AllianceNotice.weekWithdrawn)
                + "#tension")
    }

    func briefing(req: Request) async throws -> Response {
        let now = Date()
        let index = try await req.application.directoryIndex.index(on: req.db)
        let figures = try await AllianceBriefing.figures(now: now, index: index, on: req.db)
        return AlliancePublicPage.view(.init(page: req.page, asOf: DisplayDate.day(now), figures: figures)).response()
    }

    func briefingCSV(req: Request) async throws -> Response {
        let now = Date()
        let index = try await req.application.directoryIndex.index(on: req.db)
        let figures = try await AllianceBriefing.figures(now: now, index: index, on: req.db)
        return CSV.download(AllianceBriefing.csv(figures), name: "bridgework-alliance-\(UKDate.today(now)).csv")
    }

    private func model(_ req: Request) async throws -> AlliancePage.Model {
        let now = Date()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let index = try await req.application.directoryIndex.index(on: req.db)
        let since = HubCounts.recentSince(now)
        let held = try await AllianceBriefing.eventsHeld(from: since, to: now, publicOnly: false, on: req.db)
        let covered = index.areasWithOrganisations(publicOnly: false)
        let uncovered = LocalAuthorities.all.filter { !covered.contains($0.code) }
        let rollUp = try await ImpactReportController.rollUp(organisations: nil, on: req.db)
        let triggers = try await TriggerEvent.query(on: req.db).sort(\.$declaredAt, .descending).limit(10).all()
        let answers = try await TriggerCheckIn.query(on: req.db).filter(
            \.$triggerEvent.$id ~~ triggers.compactMap(\.id)
        )
        .all()
        let answeredBy = Dictionary(grouping: answers, by: { $0.$triggerEvent.id }).mapValues(\.count)
        let weeks = UKWeek.recent(Self.spreadWeeks, endingAt: now)
        return AlliancePage.Model(
            page: req.page,
            national: try await PersonalHomeController.nationalPicture(hubs: hubs, now: now, on: req.db),
            organisations: index.organisationCount(publicOnly: false),
            sectors: index.termCounts(.sector, publicOnly: false),
            kindsOfWork: index.termCounts(.kindOfWork, publicOnly: false),
            eventsHeld: held.events, attended: held.attended,
            projects: rollUp.projects, surveyAnswers: rollUp.people.text,
            tension: try await TensionOverview.load(weeks: weeks, hubs: hubs, on: req.db),
            triggers: try triggers.map { event in
                (
                    try event.requireID(), event.title, event.declaredAt, answeredBy[try event.requireID()] ?? 0,
                    event.isOpen
                )
            },
            hubCount: hubs.count,
            narratives: try await NarrativeTiming.load(on: req.db),
            uncovered: Dictionary(grouping: uncovered, by: \.region).map { ($0.key, $0.value.map(\.name)) }
                .sorted { $0.0 < $1.0 },
            englandAreas: LocalAuthorities.all.count)
    }
}
