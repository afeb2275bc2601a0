import Fluent
import SQLKit
import Vapor

/// What an organisation's page lists beside its own fields: how its work is described, the
/// areas it serves, the hubs that approved it and its projects. Read in one query rather than
/// four, each of whole models, which were most of the page's time.
struct OrganisationProfile: Sendable {
    struct Link: Sendable, Equatable {
        let slug: String
        let name: String
    }

    /// Term codes by vocabulary, each list sorted, as `OrganisationTags` has them.
    var terms: [Vocabulary: [String]] = [:]
    var areaCodes: [String] = []
    /// Hubs that approved the organisation, by name.
    var hubs: [Link] = []
    /// Its projects, by name.
    var projects: [Link] = []

    static func load(_ id: UUID, on db: Database) async throws -> OrganisationProfile {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw(
            """
            SELECT 'term' AS kind, vocabulary AS first, code AS second FROM organisation_terms
              WHERE organisation_id = \(bind: id)
            UNION ALL SELECT 'area' AS kind, area_code AS first, area_code AS second FROM organisation_areas
              WHERE organisation_id = \(bind: id)
            UNION ALL SELECT 'hub' AS kind, h.slug AS first, h.name AS second
              FROM organisation_hubs m JOIN hubs h ON h.id = m.hub_id
              WHERE m.organisation_id = \(bind: id) AND m.status = \(bind: MembershipStatus.approved.rawValue)
            UNION ALL SELECT 'project' AS kind, slug AS first, name AS second FROM projects
              WHERE organisation_id = \(bind: id)
            """
        ).all()
        var profile = OrganisationProfile()
        for row in rows {
            let first = try row.decode(column: "first", as: String.self)
            let second = try row.decode(column: "second", as: String.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "term":
                if let vocabulary = Vocabulary(rawValue: first) {
                    profile.terms[vocabulary, default: []].append(second)
                }
            case "area": profile.areaCodes.append(first)
            case "hub": profile.hubs.append(Link(slug: first, name: second))
            default: profile.projects.append(Link(slug: first, name: second))
            }
        }
        profile.terms = profile.terms.mapValues { $0.sorted() }
        profile.areaCodes.sort()
        profile.hubs.sort { ($0.name, $0.slug) < ($1.name, $1.slug) }
        profile.projects.sort { ($0.name, $0.slug) < ($1.name, $1.slug) }
        return profile
    }
}
