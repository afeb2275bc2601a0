import FluentKit
import Foundation
import SQLKit
import Vapor

extension ICalendar.Entry {
    init(_ event: Event) {
        self.init(
            id: event.id, slug: event.slug, title: event.title, description: event.description, place: event.place,
            onlineURL: event.onlineURL, startsAt: event.startsAt, endsAt: event.endsAt)
    }

    /// Public events for a calendar feed, earliest first, all of them or one hub's, read as plain
    /// rows of the columns a calendar shows: decoded as whole models, a feed of every event spent
    /// a fifth of its time doing so.
    static func published(inHub hubID: UUID? = nil, on db: Database) async throws -> [ICalendar.Entry] {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var query = sql.select()
            .columns("id", "slug", "title", "description", "place", "online_url", "starts_at", "ends_at")
            .from(Event.schema)
            .where("audience", .equal, Event.Audience.public.rawValue)
        if let hubID { query = query.where("hub_id", .equal, hubID) }
        return try await query.orderBy("starts_at").orderBy("id").all().map { row in
            ICalendar.Entry(
                id: try row.decode(column: "id", as: UUID.self), slug: try row.decode(column: "slug", as: String.self),
                title: try row.decode(column: "title", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                place: try row.decode(column: "place", as: String.self),
                onlineURL: try row.decode(column: "online_url", as: String.self),
                startsAt: try row.decode(column: "starts_at", as: Date.self),
                endsAt: try row.decode(column: "ends_at", as: Date.self))
        }
    }
}
