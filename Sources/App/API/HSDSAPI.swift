import Fluent
import Vapor

/// The directory as Open Referral HSDS 3.0 (UK profile): `/api/hsds/organizations` and
/// `/api/hsds/organizations/{id}`. Public listings only. Kinds of work, themes, methods and
/// sectors travel as taxonomy terms attached through `attributes`.
enum HSDS {
    struct TaxonomyTerm: Content, Sendable {
        let id: UUID
        let code: String
        let name: String
        let description: String
        let taxonomy: String
    }

    struct Attribute: Content, Sendable {
        let id: UUID
        let link_id: UUID
        let link_type: String
        let link_entity: String
        let taxonomy_term_id: UUID
        let taxonomy_term: TaxonomyTerm
    }

    struct Phone: Content, Sendable {
        let id: UUID
        let organization_id: UUID
        let number: String
        let type: String
    }

    struct Identifier: Content, Sendable {
        let id: UUID
        let organization_id: UUID
        let identifier_scheme: String
        let identifier_type: String
        let identifier: String
    }

    struct Organization: Content, Sendable {
        let id: UUID
        let name: String
        let description: String
        let email: String?
        let website: String?
        let uri: String
        let phones: [Phone]
        let organization_identifiers: [Identifier]
        let attributes: [Attribute]
    }

    struct Page: Content, Sendable {
        let total_items: Int
        let total_pages: Int
        let page_number: Int
        let size: Int
        let first_page: Bool
        let last_page: Bool
        let empty: Bool
        let contents: [Organization]
    }

    /// Stable identifiers for things that have none of their own (a term, a phone number), so the
    /// same data gives the same ids on every export.
    static func stableID(_ text: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(("bridgework:" + text).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 layout
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    static func termCode(_ vocabulary: Vocabulary, _ code: String) -> String { "\(vocabulary.rawValue):\(code)" }

    /// Our code from an HSDS term code ("work:mediation" gives "mediation").
    static func ourCode(_ termCode: String, vocabulary: Vocabulary) -> String {
        let prefix = vocabulary.rawValue + ":"
        return termCode.hasPrefix(prefix) ? String(termCode.dropFirst(prefix.count)) : termCode
    }

    static func taxonomyName(_ vocabulary: Vocabulary) -> String {
        "bridgework-" + vocabulary.pluralTitle.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    static func term(_ vocabulary: Vocabulary, _ code: String) -> TaxonomyTerm? {
        guard let label = vocabulary.label(for: code) else { return nil }
        // HSDS wants term codes unique across every taxonomy, and "faith" is both a sector and a theme.
        return TaxonomyTerm(
            id: stableID("term:\(vocabulary.rawValue):\(code)"), code: termCode(vocabulary, code), name: label,
            description: "\(vocabulary.title) in the Bridgework directory: \(label).",
            taxonomy: taxonomyName(vocabulary))
    }

    static func organization(_ organisation: Organisation, terms: [OrganisationTerm], base: String) -> Organization {
        let id = organisation.id!
        let attributes: [Attribute] = terms.compactMap { row in
            guard let vocabulary = Vocabulary(rawValue: row.vocabulary), let term = term(vocabulary, row.code) else {
                return nil
            }
            return Attribute(
                id: stableID("attribute:\(id.uuidString):\(vocabulary.rawValue):\(row.code)"), link_id: id,
                link_type: vocabulary.rawValue, link_entity: "organization", taxonomy_term_id: term.id,
                taxonomy_term: term)
        }.sorted {
            $0.taxonomy_term.taxonomy + $0.taxonomy_term.code < $1.taxonomy_term.taxonomy + $1.taxonomy_term.code
        }
        let description = [organisation.summary, organisation.description].filter { !$0.isEmpty }.joined(
            separator: "\n\n")
        return Organization(
            id: id, name: organisation.name, description: description,
            email: organisation.contactEmail, website: organisation.website,
            uri: base + SiteURL.organisation(organisation.slug).path,
            phones: organisation.contactPhone.map {
                [Phone(id: stableID("phone:\(id.uuidString)"), organization_id: id, number: $0, type: "voice")]
            } ?? [],
            organization_identifiers: organisation.charityNumber.map {
                [
                    Identifier(
                        id: stableID("identifier:\(id.uuidString)"), organization_id: id, identifier_scheme: "GB-CHC",
                        identifier_type: "Registered charity number (England and Wales)", identifier: $0)
                ]
            } ?? [],
            attributes: attributes
        )
    }
}

struct HSDSAPI {
    static let pageSize = 50

    func organizations(req: Request) async throws -> HSDS.Page {
        let requested = req.query[String.self, at: "page"]
        if let requested, Int(requested) == nil || Int(requested)! < 1 {
            throw ValidationProblem(problems: [
                FieldProblem(field: "page", message: "page must be a whole number from 1")
            ])
        }
        let page = min(Int(requested ?? "1") ?? 1, 100_000)
        let query = Organisation.query(on: req.db).filter(\.$visibility == Organisation.Visibility.public.rawValue)
        let total = try await query.copy().count()
        let rows = try await query.copy().sort(\.$name).sort(\.$id)
            .range(((page - 1) * Self.pageSize)..<(page * Self.pageSize)).with(\.$terms).all()
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let base = req.application.publicBaseURL
        return HSDS.Page(
            total_items: total, total_pages: pages, page_number: page, size: rows.count,
            first_page: page == 1, last_page: page >= pages, empty: rows.isEmpty,
            contents: rows.map { HSDS.organization($0, terms: $0.terms, base: base) })
    }

    func organization(req: Request) async throws -> HSDS.Organization {
        guard let id = req.parameters.get("organizationID", as: UUID.self),
            let organisation = try await Organisation.query(on: req.db).filter(\.$id == id)
                .filter(\.$visibility == Organisation.Visibility.public.rawValue).with(\.$terms).first()
        else { throw Abort(.notFound, reason: "There is no public organization with that id.") }
        return HSDS.organization(organisation, terms: organisation.terms, base: req.application.publicBaseURL)
    }
}
