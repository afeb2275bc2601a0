import FluentKit
import Foundation
import SQLKit
import Vapor

/// An event as lists show it (the events list, a hub's page, the front page): when, where, and
/// who runs it. Read as plain rows joined to the host's name in one query, because decoding whole
/// events with their hub and organisation took three queries and most of a list's time.
struct EventListing: Sendable, Equatable {
    let slug: String
    let title: String
    let startsAt: Date
    let endsAt: Date
    let place: String
    let isPublic: Bool
    let hubName: String?
    let organisationName: String?
    let organisationIsPublic: Bool

    /// Which events a list holds: upcoming (not yet ended, soonest first) or past (latest first).
    enum Period: Sendable {
        case upcoming, past
    }

    /// A page of events this reader may see, with the total when the page holds any: counted
    /// alongside the rows, so a page costs one query (two only past the last page).
    static func page(
        _ period: Period, inHubs hubIDs: [UUID]? = nil, seesMembersOnly: Bool, request: PageRequest,
        now: Date = Date(), on db: Database
    ) async throws -> Paged<EventListing> {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        if let hubIDs, hubIDs.isEmpty {
            return Paged(items: [], page: request.number, size: request.size, total: 0)
        }
        let filter = condition(period, inHubs: hubIDs, seesMembersOnly: seesMembersOnly, now: now)
        let order: SQLQueryString = period == .past ? "e.starts_at DESC, e.id" : "e.starts_at, e.id"
        let rows = try await sql.raw(
            """
            SELECT e.slug, e.title, e.starts_at, e.ends_at, e.place, e.audience,
              h.name AS hub_name, o.name AS organisation_name, o.visibility AS organisation_visibility,
              COUNT(*) OVER () AS total
            FROM events e LEFT JOIN hubs h ON h.id = e.hub_id LEFT JOIN organisations o ON o.id = e.organisation_id
            WHERE \(filter) ORDER BY \(order) LIMIT \(bind: request.size) OFFSET \(bind: request.offset)
            """
        ).all()
        let items = try rows.map(EventListing.init(row:))
        var total = try rows.first?.decode(column: "total", as: Int.self) ?? 0
        if rows.isEmpty, request.offset > 0 {
            let counted = try await sql.raw("SELECT COUNT(*) AS total FROM events e WHERE \(filter)").first()
            total = try counted?.decode(column: "total", as: Int.self) ?? 0
        }
        return Paged(items: items, page: request.number, size: request.size, total: total)
    }

    /// The next events of these hubs (nil: anywhere) that this reader may see, soonest first.
    static func upcoming(
        inHubs hubIDs: [UUID]?, seesMembersOnly: Bool, limit: Int, now: Date = Date(), on db: Database
    ) async throws -> [EventListing] {
        try await page(
            .upcoming, inHubs: hubIDs, seesMembersOnly: seesMembersOnly, request: PageRequest(number: 1, size: limit),
            now: now, on: db
        ).items
    }

    private static func condition(_ period: Period, inHubs hubIDs: [UUID]?, seesMembersOnly: Bool, now: Date)
        -> SQLQueryString
    {
        var condition: SQLQueryString = period == .past ? "e.ends_at < \(bind: now)" : "e.ends_at >= \(bind: now)"
        if !seesMembersOnly {
            condition = condition + " AND e.audience = \(bind: Event.Audience.public.rawValue)"
        }
        if let hubIDs {
            condition = condition + " AND e.hub_id IN (\(binds: hubIDs))"
        }
        return condition
    }

}

extension EventListing {
    fileprivate init(row: any SQLRow) throws {
        slug = try row.decode(column: "slug", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        place = try row.decode(column: "place", as: String.self)
        isPublic = try row.decode(column: "audience", as: String.self) == Event.Audience.public.rawValue
        hubName = try row.decode(column: "hub_name", as: String?.self)
        organisationName = try row.decode(column: "organisation_name", as: String?.self)
        organisationIsPublic =
            try row.decode(column: "organisation_visibility", as: String?.self)
            == Organisation.Visibility.public.rawValue
    }
}
