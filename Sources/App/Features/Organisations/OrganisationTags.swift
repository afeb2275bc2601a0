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

    /// Three queries however many organisations; one with no tags gets an empty value.
    static func load(for ids: [UUID], on db: Database) async throws -> [UUID: OrganisationTags] {
        guard !ids.isEmpty else { return [:] }
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var tags = Dictionary(uniqueKeysWithValues: ids.map { ($0, OrganisationTags()) })
        for (id, terms) in try await Self.terms(for: ids, on: db) { tags[id]?.terms = terms }
        for row in try await sql.raw(
            "SELECT organisation_id, area_code FROM organisation_areas WHERE organisation_id IN (\(binds: ids))"
        ).all() {
            tags[try row.decode(column: "organisation_id", as: UUID.self)]?.areaCodes.append(
                try row.decode(column: "area_code", as: String.self))
        }
        for row in try await sql.raw(
            """
            SELECT organisation_hubs.organisation_id AS organisation_id, hubs.slug AS slug
            FROM organisation_hubs JOIN hubs ON hubs.id = organisation_hubs.hub_id
            WHERE organisation_hubs.status = \(bind: MembershipStatus.approved.rawValue)
              AND organisation_hubs.organisation_id IN (\(binds: ids))
            """
        ).all() {
            tags[try row.decode(column: "organisation_id", as: UUID.self)]?.hubSlugs.append(
                try row.decode(column: "slug", as: String.self))
        }
        return tags.mapValues { own in
            var sorted = own
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
