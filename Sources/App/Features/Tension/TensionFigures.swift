import Fluent
import Foundation
import SQLKit

/// Tension figures, each one grouped query however many weeks or hubs: a hub's picture, and the
/// levels and counts (never text) the national view may see.
enum TensionFigures {
    /// One week of one hub.
    struct Week: Sendable, Equatable {
        let week: String
        /// The last level the stewards set in the week; nil is "not assessed".
        let level: Int?
        let observations: Int
        /// The highest level any observation of the week was given.
        let highestObserved: Int?
    }

    /// Observations grouped by something (an area, a theme, a kind), with their highest level.
    struct Group: Sendable, Equatable {
        let label: String
        let observations: Int
        let highest: Int
    }

    /// Each week of `weeks` (oldest first) for one hub.
    static func weeks(of hubID: UUID, _ weeks: [String], on db: Database) async throws -> [Week] {
        guard let first = weeks.first, let last = weeks.last else { return [] }
        let levels = try await lastLevels(hubID: hubID, from: first, to: last, on: db)[hubID] ?? [:]
        let observed = try await observationsByWeek(hubID: hubID, from: first, to: last, on: db)[hubID] ?? [:]
        return weeks.map { week in
            Week(
                week: week, level: levels[week], observations: observed[week]?.count ?? 0,
                highestObserved: observed[week]?.highest)
        }
    }

    /// The last level set in each week, by hub, for weeks `from` to `to`; one hub or all of them.
    static func lastLevels(hubID: UUID? = nil, from: String, to: String, on db: Database) async throws
        -> [UUID: [String: Int]]
    {
        guard let sql = db as? SQLDatabase else { return [:] }
        let hubFilter: SQLQueryString = hubID.map { "AND hub_id = \(bind: $0)" } ?? ""
        // Ordered by when each was set, so the last one seen for a week is the one that stands.
        let rows = try await sql.raw(
            """
            SELECT hub_id, week, level FROM tension_hub_levels
            WHERE week >= \(bind: from) AND week <= \(bind: to) \(hubFilter)
            ORDER BY set_at, id
            """
        ).all()
        var result: [UUID: [String: Int]] = [:]
        for row in rows {
            let hub = try row.decode(column: "hub_id", as: UUID.self)
            result[hub, default: [:]][try row.decode(column: "week", as: String.self)] = try row.decode(
                column: "level", as: Int.self)
        }
        return result
    }

    /// How many observations each hub logged in each week, and the highest level among them.
    static func observationsByWeek(hubID: UUID? = nil, from: String, to: String, on db: Database) async throws
        -> [UUID: [String: (count: Int, highest: Int)]]
    {
        guard let sql = db as? SQLDatabase else { return [:] }
        let hubFilter: SQLQueryString = hubID.map { "AND hub_id = \(bind: $0)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT hub_id, week, COUNT(*) AS n, MAX(level) AS highest FROM tension_observations
            WHERE week >= \(bind: from) AND week <= \(bind: to) \(hubFilter)
            GROUP BY hub_id, week
            """
        ).all()
        var result: [UUID: [String: (count: Int, highest: Int)]] = [:]
        for row in rows {
            let hub = try row.decode(column: "hub_id", as: UUID.self)
            result[hub, default: [:]][try row.decode(column: "week", as: String.self)] = (
                try row.decode(column: "n", as: Int.self), try row.decode(column: "highest", as: Int.self)
            )
        }
        return result
    }

    /// A hub's observations since a week, by council area, most first.
    static func byArea(of hubID: UUID, from: String, on db: Database) async throws -> [Group] {
        guard let sql = db as? SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT area_code, COUNT(*) AS n, MAX(level) AS highest FROM tension_observations
            WHERE hub_id = \(bind: hubID) AND week >= \(bind: from) GROUP BY area_code
            """
        ).all()
        return try rows.map { row in
            let code = try row.decode(column: "area_code", as: String.self)
            return Group(
                label: LocalAuthorities.name(for: code) ?? code,
                observations: try row.decode(column: "n", as: Int.self),
                highest: try row.decode(column: "highest", as: Int.self))
        }.sorted { ($0.observations, $1.label) > ($1.observations, $0.label) }
    }

    /// A hub's observations since a week, by theme (one observation counts under each of its
    /// themes), most first; "No theme given" for those with none.
    static func byTheme(of hubID: UUID, from: String, on db: Database) async throws -> [Group] {
        guard let sql = db as? SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT themes, COUNT(*) AS n, MAX(level) AS highest FROM tension_observations
            WHERE hub_id = \(bind: hubID) AND week >= \(bind: from) GROUP BY themes
            """
        ).all()
        var counts: [String: (count: Int, highest: Int)] = [:]
        for row in rows {
            let themes = try row.decode(column: "themes", as: String.self).split(separator: ",").map(String.init)
            let count = try row.decode(column: "n", as: Int.self)
            let highest = try row.decode(column: "highest", as: Int.self)
            for theme in themes.isEmpty ? [""] : themes {
                let previous = counts[theme] ?? (0, 0)
                counts[theme] = (previous.count + count, max(previous.highest, highest))
            }
        }
        return counts.map { code, value in
            Group(
                label: code.isEmpty ? "No theme given" : Vocabulary.theme.label(for: code) ?? code,
                observations: value.count, highest: value.highest)
        }.sorted { ($0.observations, $1.label) > ($1.observations, $0.label) }
    }

    /// Observations waiting on a steward: at the top levels and not yet acknowledged, or with a
    /// follow-up still open. Newest first.
    static func waiting(in hubID: UUID, limit: Int, on db: Database) async throws -> [TensionObservation] {
        try await TensionObservation.query(on: db)
            .filter(\.$hub.$id == hubID)
            .group(.or) { either in
                either.filter(\.$followUpStatus == .open)
                either.group(.and) { both in
                    both.filter(\.$level >= TensionScale.acknowledgedFrom)
                    both.filter(\.$acknowledgedAt == nil)
                }
            }
            .sort(\.$observedOn, .descending)
            .sort(\.$createdAt, .descending)
            .limit(limit)
            .all()
    }

    /// The hub's level as its stewards last set it.
    static func currentLevel(of hubID: UUID, on db: Database) async throws -> TensionHubLevel? {
        try await TensionHubLevel.query(on: db).filter(\.$hub.$id == hubID)
            .sort(\.$week, .descending).sort(\.$setAt, .descending).first()
    }

    /// Observations at the top levels no steward has acknowledged, by hub, for stewards' home pages.
    static func unacknowledged(in hubIDs: [UUID], on db: Database) async throws -> [UUID: Int] {
        guard !hubIDs.isEmpty else { return [:] }
        return try await HubCounts.perHub(
            """
            SELECT hub_id, COUNT(*) AS n FROM tension_observations
            WHERE hub_id IN (\(binds: hubIDs)) AND level >= \(bind: TensionScale.acknowledgedFrom)
            AND acknowledged_at IS NULL GROUP BY hub_id
            """, on: db)
    }
}
