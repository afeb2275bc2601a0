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
        let linkId: UUID
        let linkType: String
        let linkEntity: String
        let taxonomyTermId: UUID
        let taxonomyTerm: TaxonomyTerm

        enum CodingKeys: String, CodingKey {
            case id
            case linkId = "link_id"
            case linkType = "link_type"
            case linkEntity = "link_entity"
            case taxonomyTermId = "taxonomy_term_id"
            case taxonomyTerm = "taxonomy_term"
        }
    }

    struct Phone: Content, Sendable {
        let id: UUID
        let organizationId: UUID
        let number: String
        let type: String

        enum CodingKeys: String, CodingKey {
            case id
            case organizationId = "organization_id"
            case number
            case type
        }
    }

    struct Identifier: Content, Sendable {
        let id: UUID
        let organizationId: UUID
        let identifierScheme: String
        let identifierType: String
        let identifier: String

        enum CodingKeys: String, CodingKey {
            case id
            case organizationId = "organization_id"
            case identifierScheme = "identifier_scheme"
            case identifierType = "identifier_type"
            case identifier
        }
    }

    struct Organization: Content, Sendable {
        let id: UUID
        let name: String
        let description: String
        let email: String?
        let website: String?
        let uri: String
        let phones: [Phone]
        let organizationIdentifiers: [Identifier]
        let attributes: [Attribute]

        enum CodingKeys: String, CodingKey {
            case id
            case name
            case description
            case email
            case website
            case uri
            case phones
            case organizationIdentifiers = "organization_identifiers"
            case attributes
        }
    }

    struct Page: Content, Sendable {
        let totalItems: Int
        let totalPages: Int
        let pageNumber: Int
        let size: Int
        let firstPage: Bool
        let lastPage: Bool
        let empty: Bool
        let contents: [Organization]

        enum CodingKeys: String, CodingKey {
            case totalItems = "total_items"
            case totalPages = "total_pages"
            case pageNumber = "page_number"
            case size
            case firstPage = "first_page"
            case lastPage = "last_page"
            case empty
            case contents
        }
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

    static func organization(_ organisation: Organisation, terms: [Vocabulary: [String]], base: String) -> Organization
    {
        let id = organisation.id!
        let filed = terms.flatMap { vocabulary, codes in codes.map { (vocabulary, $0) } }
        let attributes: [Attribute] = filed.compactMap { vocabulary, code in
            guard let term = term(vocabulary, code) else { return nil }
            return Attribute(
                id: stableID("attribute:\(id.uuidString):\(vocabulary.rawValue):\(code)"), linkId: id,
                linkType: vocabulary.rawValue, linkEntity: "organization", taxonomyTermId: term.id,
                taxonomyTerm: term)
        }.sorted {
            $0.taxonomyTerm.taxonomy + $0.taxonomyTerm.code < $1.taxonomyTerm.taxonomy + $1.taxonomyTerm.code
        }
        let description = [organisation.summary, organisation.description].filter { !$0.isEmpty }.joined(
            separator: "\n\n")
        return Organization(
            id: id, name: organisation.name, description: description,
            email: organisation.contactEmail, website: organisation.website,
            uri: base + SiteURL.organisation(organisation.slug).path,
            phones: organisation.contactPhone.map {
                [Phone(id: stableID("phone:\(id.uuidString)"), organizationId: id, number: $0, type: "voice")]
            } ?? [],
            organizationIdentifiers: organisation.charityNumber.map {
                [
                    Identifier(
                        id: stableID("identifier:\(id.uuidString)"), organizationId: id, identifierScheme: "GB-CHC",
                        identifierType: "Registered charity number (England and Wales)", identifier: $0)
                ]
            } ?? [],
            attributes: attributes
        )
    }
}
