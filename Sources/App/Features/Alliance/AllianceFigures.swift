import Fluent
import Foundation
import SQLKit
import Statistics

/// The alliance's tension figures for the national team: levels and counts, never an
/// observation's words, area or author. A fixed number of grouped queries however many hubs or weeks.
struct TensionOverview: Sendable {
    /// One hub's weeks, oldest first.
    struct HubWeeks: Sendable {
        let hubName: String
        let weeks: [(level: Int?, observations: Int)]
    }

    /// One week across the alliance: how many hubs were at each level, and how many set none.
    struct WeekSpread: Sendable, Equatable {
        let week: String
        /// Hubs at levels 1 to 5, in order.
        let hubsAtLevel: [Int]
        let notAssessed: Int
        let observations: Int
        let isPublished: Bool
        /// Only a week that has ended may be published: its levels can no longer change.
        let hasEnded: Bool

        var hubs: Int { hubsAtLevel.reduce(0, +) + notAssessed }
    }

    let weeks: [String]
    let hubs: [HubWeeks]
    let spread: [WeekSpread]

    /// `weeks` oldest first; `hubs` in the order to show them; `published`, the weeks among them
    /// in the public briefing, when the caller has read them already. A week counts only the hubs
    /// that existed by its end, so "of N hubs" is true of that week.
    static func load(
        weeks: [String], hubs: [Hub], published: Set<String>? = nil, now: Date = Date(), on db: Database
    ) async throws -> TensionOverview {
        guard let first = weeks.first, let last = weeks.last else { return .init(weeks: [], hubs: [], spread: []) }
        let levels = try await TensionFigures.lastLevels(from: first, to: last, on: db)
        let observed = try await TensionFigures.observationsByWeek(from: first, to: last, on: db)
        let published =
            if let published {
                published
            } else {
                Set(
                    try await PublishedTensionWeek.query(on: db).filter(\.$week >= first).filter(\.$week <= last).all()
                        .map(\.week))
            }
        let rows = hubs.compactMap { hub -> HubWeeks? in
            guard let id = hub.id else { return nil }
            return HubWeeks(
                hubName: hub.name,
                weeks: weeks.map { week in (levels[id]?[week], observed[id]?[week]?.count ?? 0) })
        }
        let spread = weeks.map { week -> WeekSpread in
            var atLevel = Array(repeating: 0, count: TensionScale.levelCount)
            var notAssessed = 0
            var observations = 0
            let end = UKWeek.end(of: week) ?? now
            for hub in hubs where (hub.createdAt ?? .distantPast) < end {
                guard let id = hub.id else { continue }
                if let level = levels[id]?[week], TensionScale.isValid(level) {
                    atLevel[level - 1] += 1
                } else {
                    notAssessed += 1
                }
                observations += observed[id]?[week]?.count ?? 0
            }
            return WeekSpread(
                week: week, hubsAtLevel: atLevel, notAssessed: notAssessed, observations: observations,
                isPublished: published.contains(week), hasEnded: end <= now)
        }
        return TensionOverview(weeks: weeks, hubs: rows, spread: spread)
    }
}

/// How long each narrative logged in hubs took to get an answer: from the first time any hub
/// logged it to the first story published under its topic or library resource it links to.
struct NarrativeTiming: Sendable, Equatable {
    let title: String
    let firstSeen: String
    let hubs: Int
    /// The first answer published on or after the first sighting, or nil.
    let answeredOn: Date?
    let answerKind: String?
    /// An answer already published before the first sighting.
    let answeredBefore: Date?

    /// "November 2026": the month of the first sighting, as the national view may show it.
    var firstSeenMonth: String {
        UKDate.start(of: firstSeen).map(DisplayDate.month) ?? firstSeen
    }

    /// Whole days from the first sighting to the first answer: 0 when one was ready already.
    var days: Int? {
        if answeredBefore != nil { return 0 }
        guard let answeredOn, let seen = UKDate.start(of: firstSeen) else { return nil }
        return max(0, UKTime.calendar.dateComponents([.day], from: seen, to: answeredOn).day ?? 0)
    }

    static func load(on db: Database) async throws -> [NarrativeTiming] {
        guard let sql = db as? SQLDatabase else { return [] }
        let sightings = try await sql.raw(
            """
            SELECT narrative_id, MIN(observed_on) AS first_seen, COUNT(DISTINCT hub_id) AS hubs
            FROM tension_observations WHERE narrative_id IS NOT NULL GROUP BY narrative_id
            """
        ).all()
        var firstSeen: [UUID: (day: String, hubs: Int)] = [:]
        for row in sightings {
            firstSeen[try row.decode(column: "narrative_id", as: UUID.self)] = (
                try row.decode(column: "first_seen", as: String.self), try row.decode(column: "hubs", as: Int.self)
            )
        }
        guard !firstSeen.isEmpty else { return [] }
        let narratives = try await Narrative.query(on: db).filter(\.$id ~~ Array(firstSeen.keys)).all()
        // When stories under each topic were first published: the published version's topics, and the
        // terms of stories filed before versions kept them.
        var storyDates: [String: [Date]] = [:]
        for row in try await sql.raw(
            """
            SELECT s.first_published_at AS at, t.code AS code FROM stories s JOIN story_terms t ON t.story_id = s.id
            LEFT JOIN story_versions v ON v.id = s.published_version_id
            WHERE s.status = 'published' AND s.first_published_at IS NOT NULL AND t.vocabulary = 'hot-topic'
            AND v.hot_topics IS NULL
            """
        ).all() {
            storyDates[try row.decode(column: "code", as: String.self), default: []].append(
                try row.decode(column: "at", as: Date.self))
        }
        for row in try await sql.raw(
            """
            SELECT s.first_published_at AS at, v.hot_topics AS hot_topics
            FROM stories s JOIN story_versions v ON v.id = s.published_version_id
            WHERE s.status = 'published' AND s.first_published_at IS NOT NULL AND v.hot_topics IS NOT NULL
            """
        ).all() {
            let at = try row.decode(column: "at", as: Date.self)
            for code in try row.decode(column: "hot_topics", as: String.self).split(separator: ",") {
                storyDates[String(code), default: []].append(at)
            }
        }
        let slugs = Array(Set(narratives.flatMap(\.resources)))
        let resources = slugs.isEmpty ? [] : try await Resource.query(on: db).filter(\.$slug ~~ slugs).all()
        let resourceDates = Dictionary(
            resources.compactMap { resource in resource.createdAt.map { (resource.slug, $0) } },
            uniquingKeysWith: { first, _ in first })
        return narratives.compactMap { narrative -> NarrativeTiming? in
            guard let id = narrative.id, let seen = firstSeen[id] else { return nil }
            let seenStart = UKDate.start(of: seen.day) ?? Date.distantPast
            var answers: [(Date, String)] = (storyDates[narrative.hotTopic.rawValue] ?? []).map { ($0, "a story") }
            answers += narrative.resources.compactMap { slug in resourceDates[slug].map { ($0, "a library resource") } }
            let before = answers.filter { $0.0 < seenStart }.map(\.0).min()
            let after = answers.filter { $0.0 >= seenStart }.min { $0.0 < $1.0 }
            return NarrativeTiming(
                title: narrative.title, firstSeen: seen.day, hubs: seen.hubs, answeredOn: after?.0,
                answerKind: after?.1, answeredBefore: before)
        }.sorted { $0.firstSeen > $1.firstSeen }
    }
}

/// One figure of the public briefing: what it counts, its value as published, what it is out of,
/// and when. The page and the CSV are both built from these, so they always agree.
struct BriefingFigure: Sendable, Equatable {
    let section: String
    let label: String
    let value: String
    let base: String
    let period: String
}

/// The public evidence briefing: only figures anyone may already find, or aggregates under the
/// disclosure rules; tension only as the number of hubs at each level, for weeks the national
/// team chose to publish.
enum AllianceBriefing {
    static let organisations = "Organisations"
    static let work = "Stories and events"
    static let impact = "What projects measured"
    static let tension = "Tension across the hubs"

    static func figures(now: Date, index: DirectoryIndex, on db: Database) async throws -> [BriefingFigure] {
        let today = DisplayDate.day(now)
        let asOf = "On \(today)"
        // Worked out as the front page works it out, from the same rows.
        let reach = try await HubStore.reach(on: db)
        let hubCount = reach.hubCount
        let areasServed = reach.areasServed
        let england = LocalAuthorities.all.count
        let listed = index.organisationCount(publicOnly: true)
        var figures: [BriefingFigure] = [
            .init(
                section: "Hubs", label: "Hubs in the alliance", value: String(hubCount), base: "All hubs",
                period: asOf),
            .init(
                section: "Hubs", label: "Council areas a hub serves", value: String(areasServed),
                base: "Of \(england) council areas in England", period: asOf),
            .init(
                section: "Hubs", label: "People approved into a hub",
                value: String(reach.peopleInAnyHub),
                base: "People with an account, counted once however many hubs they are in",
                period: asOf),
            .init(
                section: organisations, label: "Organisations listed publicly", value: String(listed),
                base: "Organisations that chose a public listing", period: asOf),
        ]
        for (vocabulary, prefix) in [(Vocabulary.sector, "Sector"), (.kindOfWork, "Kind of work")] {
            for term in index.termCounts(vocabulary, publicOnly: true) {
                figures.append(
                    .init(
                        section: organisations, label: "\(prefix): \(term.label)", value: String(term.count),
                        base: "Of \(listed) public listings; one may have several", period: asOf))
            }
        }
        let uncovered =
            england
            - index.areasWithOrganisations(publicOnly: true).intersection(
                LocalAuthorities.all.map(\.code)
            ).count
        figures.append(
            .init(
                section: organisations, label: "Council areas with no publicly listed organisation",
                value: String(uncovered), base: "Of \(england) council areas in England", period: asOf))
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        let lastYear = "\(DisplayDate.day(yearAgo)) to \(today)"
        let stories = try await StoryFinder.count(StoryQuery(), scope: .public, on: db)
        figures.append(
            .init(
                section: work, label: "Stories anyone can read", value: String(stories),
                base: "Published stories whose every teller agreed to public sharing", period: asOf))
        let held = try await eventsHeld(from: yearAgo, to: now, publicOnly: true, on: db)
        figures.append(
            .init(
                section: work, label: "Public events held", value: String(held.events),
                base: "Public events of the alliance",
                period: lastYear))
        figures.append(
            .init(
                section: work, label: "People recorded as attending them", value: Disclosure.shown(held.attended).text,
                base:
                    "Registrations marked attended, and attendance recorded for past events; under disclosure control",
                period: lastYear))
        let rollUp = try await ImpactReportController.rollUp(organisations: nil, on: db)
        figures.append(
            .init(
                section: impact, label: "Projects measuring change", value: String(rollUp.projects),
                base: "Projects on Bridgework", period: asOf))
        figures.append(
            .init(
                section: impact, label: "Survey answers", value: rollUp.people.text,
                base: "Anonymous answers; under disclosure control", period: asOf))
        for line in rollUp.lines {
            let base =
                "\(line.counts.whole.text) people who answered before and after, in \(Wording.count(line.projects, "project", "projects"))"
            for (index, outcome) in ["improved", "stayed the same", "got worse"].enumerated() {
                figures.append(
                    .init(
                        section: impact, label: "\(line.name): \(outcome)", value: line.counts.cell(index), base: base,
                        period: asOf))
            }
        }
        let weeks = try await PublishedTensionWeek.query(on: db).sort(\.$week, .descending).limit(12).all().map(\.week)
        if !weeks.isEmpty {
            let hubs = try await Hub.query(on: db).sort(\.$name).all()
            let overview = try await TensionOverview.load(
                weeks: weeks.sorted(), hubs: hubs, published: Set(weeks), now: now, on: db)
            for spread in overview.spread.reversed() {
                let base = "Of \(spread.hubs) hubs, by the level their stewards set that week"
                for (index, count) in spread.hubsAtLevel.enumerated() {
                    figures.append(
                        .init(
                            section: tension, label: "Hubs at level \(index + 1)", value: String(count), base: base,
                            period: UKWeek.label(spread.week)))
                }
                figures.append(
                    .init(
                        section: tension, label: "Hubs that set no level", value: String(spread.notAssessed),
                        base: base,
                        period: UKWeek.label(spread.week)))
            }
        }
        return figures
    }

    /// Events that started between two moments (public ones only, when asked), and how many
    /// people came: registrations marked attended, and attendance recorded for imported events.
    static func eventsHeld(from: Date, to: Date, publicOnly: Bool, on db: Database) async throws -> (
        events: Int, attended: Int
    ) {
        guard let sql = db as? SQLDatabase else { return (0, 0) }
        let audience: SQLQueryString = publicOnly ? "AND e.audience = 'public'" : ""
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS events, CAST(COALESCE(SUM(e.recorded_attendance), 0) AS BIGINT) AS recorded,
              (SELECT COUNT(*) FROM event_registrations r JOIN events e ON e.id = r.event_id
               WHERE r.attended = \(bind: true) AND e.starts_at >= \(bind: from) AND e.starts_at < \(bind: to) \(audience)
              ) AS attended
            FROM events e WHERE e.starts_at >= \(bind: from) AND e.starts_at < \(bind: to) \(audience)
            """
        ).first()
        let recorded = try row?.decode(column: "recorded", as: Int.self) ?? 0
        return (
            try row?.decode(column: "events", as: Int.self) ?? 0,
            recorded + (try row?.decode(column: "attended", as: Int.self) ?? 0)
        )
    }

    static func csv(_ figures: [BriefingFigure]) -> String {
        CSV.document(
            header: ["section", "figure", "value", "base", "period"],
            rows: figures.map { [$0.section, $0.label, $0.value, $0.base, $0.period] })
    }
}
