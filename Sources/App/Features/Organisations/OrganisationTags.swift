import Fluent
import SQLKit
import Vapor

/// What organisations are tagged with (terms, council areas, approved hubs), read as plain rows.
/// Why not the Fluent models: decoding a model reflects over its properties for every row, which
/// cost a list of forty organisations more than everything else its answer does.
struct OrganisationTags: Sendable, Equatable {
    /// Term codes by vocabulary, each list sorted.
    var terms: [Vocabulary: [String]] = [:]
    var areaCodes: [String] = []
    /// The slugs of the hubs that approved it, sorted.
    var hubSlugs: [String] = []

    func codes(_ vocabulary: Vocabulary) -> [String] { terms[vocabulary] ?? [] }

    /// One query however many organisations; one with no tags gets an empty value.
    static func load(for ids: [UUID], on db: Database) async throws -> [UUID: OrganisationTags] {
        guard !ids.isEmpty else { return [:] }
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var tags = Dictionary(uniqueKeysWithValues: ids.map { ($0, OrganisationTags()) })
        let rows = try await sql.raw(
            """
            SELECT organisation_id, 'term' AS kind, vocabulary AS first, code AS second FROM organisation_terms
              WHERE organisation_id IN (\(binds: ids))
            UNION ALL SELECT organisation_id, 'area' AS kind, area_code AS first, area_code AS second
              FROM organisation_areas WHERE organisation_id IN (\(binds: ids))
            UNION ALL SELECT m.organisation_id AS organisation_id, 'hub' AS kind, h.slug AS first, h.slug AS second
              FROM organisation_hubs m JOIN hubs h ON h.id = m.hub_id
              WHERE m.status = \(bind: MembershipStatus.approved.rawValue) AND m.organisation_id IN (\(binds: ids))
            """
        ).all()
        for row in rows {
            let id = try row.decode(column: "organisation_id", as: UUID.self)
            let first = try row.decode(column: "first", as: String.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "term":
                guard let vocabulary = Vocabulary(rawValue: first) else { continue }
                tags[id]?.terms[vocabulary, default: []].append(try row.decode(column: "second", as: String.self))
            case "area": tags[id]?.areaCodes.append(first)
            default: tags[id]?.hubSlugs.append(first)
            }
        }
        return tags.mapValues { own in
            var sorted = own
            sorted.terms = own.terms.mapValues { $0.sorted() }
            sorted.hubSlugs.sort()
            return sorted
        }
    }

    /// Just the terms, by vocabulary and each list sorted, for what shows no areas or hubs (open
    /// data): one query however many organisations; one with no terms is left out.
    static func terms(for ids: [UUID], on db: Database) async throws -> [UUID: [Vocabulary: [String]]] {
        guard !ids.isEmpty else { return [:] }
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var terms: [UUID: [Vocabulary: [String]]] = [:]
        for row in try await sql.raw(
            "SELECT organisation_id, vocabulary, code FROM organisation_terms WHERE organisation_id IN (\(binds: ids))"
        ).all() {
            guard let vocabulary = Vocabulary(rawValue: try row.decode(column: "vocabulary", as: String.self)) else {
                continue
            }
            terms[try row.decode(column: "organisation_id", as: UUID.self), default: [:]][vocabulary, default: []]
                .append(try row.decode(column: "code", as: String.self))
        }
        return terms.mapValues { $0.mapValues { $0.sorted() } }
    }
}
