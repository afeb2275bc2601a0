import Fluent
import FluentSQL
import SQLKit
import Vapor

/// Finds practitioners for a signed-in member: only profiles their owners opened to members or
/// to everyone (and the viewer's own), with two queries whatever the page: a count and the page.
enum PractitionerSearch {
    struct Criteria: Sendable, Equatable {
        var text = ""
        /// A hub's slug: people who are approved members of it.
        var hub: String? = nil
        var method: String? = nil
        var theme: String? = nil
        var criticalFriend = false
    }

    static func run(_ criteria: Criteria, viewer: UUID, page: Int, pageSize: Int, on db: Database) async throws -> (
        profiles: [Profile], total: Int
    ) {
        var query = Profile.query(on: db)
            .join(User.self, on: \Profile.$user.$id == \User.$id)
            .group(.or) { group in
                group.filter(\.$visibility ~~ [ProfileVisibility.members, .public])
                group.filter(\.$user.$id == viewer)
            }
        // Each word must appear in the name, role, skills or about text.
        for word in criteria.text.lowercased().split(separator: " ").prefix(6) {
            let pattern =
                "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query = query.filter(
                .sql(
                    embed:
                        "(lower(users.name) LIKE \(bind: pattern) OR lower(profiles.role) LIKE \(bind: pattern) OR lower(profiles.skills) LIKE \(bind: pattern) OR lower(profiles.bio) LIKE \(bind: pattern))"
                ))
        }
        if criteria.criticalFriend { query = query.filter(\.$criticalFriend == true) }
        for (vocabulary, code) in [(Vocabulary.method, criteria.method), (.theme, criteria.theme)] {
            guard let code else { continue }
            query = query.filter(
                .sql(
                    embed:
                        "EXISTS (SELECT 1 FROM profile_terms pt WHERE pt.profile_id = profiles.id AND pt.vocabulary = \(bind: vocabulary.rawValue) AND pt.code = \(bind: code))"
                ))
        }
        if let hub = criteria.hub {
            query = query.filter(
                .sql(
                    embed:
                        "EXISTS (SELECT 1 FROM hub_memberships hm JOIN hubs h ON h.id = hm.hub_id WHERE hm.user_id = profiles.user_id AND hm.status = \(bind: MembershipStatus.approved.rawValue) AND h.slug = \(bind: hub))"
                ))
        }
        let total = try await query.copy().count()
        let profiles = try await query.copy().sort(User.self, \.$name).sort(\.$id)
            .range(((page - 1) * pageSize)..<(page * pageSize))
            .with(\.$user).all()
        return (profiles, total)
    }
}

extension PractitionerSearch {
    /// The approved members of a hub whose profiles this reader may see, as their owners chose
    /// (public for anyone, members-only for approved members), by name; and how many there are.
    static func seen(inHub hubID: UUID, seesMembersOnly: Bool, limit: Int, on db: Database) async throws -> (
        people: [SeenPerson], total: Int
    ) {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let visibilities = (seesMembersOnly ? [ProfileVisibility.members, .public] : [.public]).map(\.rawValue)
        // One query of plain rows: the first few by name, with how many there are in all beside each.
        let rows = try await sql.raw(
            """
            SELECT u.id AS user_id, u.name AS name, p.role AS role, COUNT(*) OVER () AS total
            FROM profiles p JOIN users u ON u.id = p.user_id
            JOIN hub_memberships m ON m.user_id = p.user_id
            WHERE m.hub_id = \(bind: hubID) AND m.status = \(bind: MembershipStatus.approved.rawValue)
              AND p.visibility IN (\(binds: visibilities))
            ORDER BY u.name, u.id LIMIT \(literal: limit)
            """
        ).all()
        let people = try rows.map { row in
            SeenPerson(
                userID: try row.decode(column: "user_id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self),
                role: try row.decode(column: "role", as: String.self))
        }
        return (people, try rows.first?.decode(column: "total", as: Int.self) ?? 0)
    }

    /// A member as a hub's page lists them.
    struct SeenPerson: Sendable, Equatable {
        let userID: UUID
        let name: String
        let role: String
    }
}
