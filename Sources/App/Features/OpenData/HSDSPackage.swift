import Fluent
import Foundation
import Vapor

/// The directory as an HSDS 3.0 tabular data package (datapackage.json and CSV files), and back.
/// Only public listings are exported. The package describes just the tables it holds.
enum HSDSPackage {
    static let tables = ["organization", "attribute", "taxonomy_term", "taxonomy", "phone", "organization_identifier"]

    /// The HSDS descriptor of each table we write, from the standard's own datapackage.json.
    static func descriptor() throws -> [String: Any] {
        guard let url = Bundle.module.url(forResource: "hsds-datapackage", withExtension: "json"),
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        else { throw Abort(.internalServerError, reason: "The HSDS descriptor is missing from the build.") }
        return object
    }

    static func fieldNames(of resource: [String: Any]) -> [String] {
        ((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []).compactMap {
            $0["name"] as? String
        }
    }

    struct Summary {
        let organisations: Int
        let terms: Int
    }

    @discardableResult
    static func export(to folder: URL, on db: Database, base: String) async throws -> Summary {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let organisations = try await Organisation.query(on: db)
            .filter(\.$visibility == .public)
            .sort(\.$name).all()
        let terms = try await OrganisationTags.terms(for: organisations.compactMap(\.id), on: db)
        let hsds = organisations.map { HSDS.organization($0, terms: $0.id.flatMap { terms[$0] } ?? [:], base: base) }

        var rows: [String: [[String: String]]] = [:]
        rows["taxonomy"] = Vocabulary.allCases.map { vocabulary in
            [
                "id": HSDS.stableID("taxonomy:\(vocabulary.rawValue)").uuidString.lowercased(),
                "name": HSDS.taxonomyName(vocabulary),
                "description":
                    "\(vocabulary.pluralTitle) used to describe good relations work in the Bridgework directory.",
                "version": "1",
            ]
        }
        rows["taxonomy_term"] = Vocabulary.allCases.flatMap { vocabulary in
            vocabulary.terms.compactMap { HSDS.term(vocabulary, $0.code) }.map { term in
                [
                    "id": term.id.uuidString.lowercased(), "code": term.code, "name": term.name,
                    "description": term.description,
                    "taxonomy": term.taxonomy,
                    "taxonomy_id": HSDS.stableID("taxonomy:\(vocabulary.rawValue)").uuidString.lowercased(),
                    "language": "en",
                ]
            }
        }
        rows["organization"] = hsds.map { organization in
            [
                "id": organization.id.uuidString.lowercased(), "name": organization.name,
                "description": organization.description,
                "email": organization.email ?? "", "website": organization.website ?? "", "uri": organization.uri,
            ]
        }
        rows["attribute"] = hsds.flatMap { organization in
            organization.attributes.map { attribute in
                [
                    "id": attribute.id.uuidString.lowercased(), "link_id": attribute.linkId.uuidString.lowercased(),
                    "taxonomy_term_id": attribute.taxonomyTermId.uuidString.lowercased(),
                    "link_type": attribute.linkType, "link_entity": "organization",
                ]
            }
        }
        rows["phone"] = hsds.flatMap { organization in
            organization.phones.map {
                [
                    "id": $0.id.uuidString.lowercased(), "organization_id": $0.organizationId.uuidString.lowercased(),
                    "number": $0.number, "type": $0.type,
                ]
            }
        }
        rows["organization_identifier"] = hsds.flatMap { organization in
            organization.organizationIdentifiers.map {
                [
                    "id": $0.id.uuidString.lowercased(), "organization_id": $0.organizationId.uuidString.lowercased(),
                    "identifier_scheme": $0.identifierScheme, "identifier_type": $0.identifierType,
                    "identifier": $0.identifier,
                ]
            }
        }

        var descriptor = try descriptor()
        descriptor["name"] = "bridgework-directory"
        descriptor["title"] = "Bridgework directory of good relations work (HSDS 3.0)"
        let resources = (descriptor["resources"] as? [[String: Any]] ?? []).filter {
            tables.contains($0["name"] as? String ?? "")
        }
        for resource in resources {
            guard let name = resource["name"] as? String, let path = resource["path"] as? String else { continue }
            let header = fieldNames(of: resource)
            let body = (rows[name] ?? []).map { row in header.map { row[$0] ?? "" } }
            try CSV.document(header: header, rows: body).write(
                to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        descriptor["resources"] = resources
        let json = try JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: folder.appendingPathComponent("datapackage.json"))
        return Summary(organisations: hsds.count, terms: rows["attribute"]?.count ?? 0)
    }

    enum ImportError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let file): return "\(file) is missing from the package folder."
            }
        }
    }

    /// Reads a package made by `export`: organisations are matched by id, then by name, so
    /// importing the same package twice changes nothing.
    static func importPackage(from folder: URL, createdBy creatorID: UUID?, on db: Database) async throws -> (
        created: Int, updated: Int
    ) {
        func table(_ file: String) throws -> [[String: String]] {
            let url = folder.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if file == "organizations.csv" { throw ImportError.missing(file) }
                return []
            }
            var rows = CSV.rows(try String(contentsOf: url, encoding: .utf8))
            guard !rows.isEmpty else { return [] }
            let header = rows.removeFirst()
            return rows.filter { !($0.count == 1 && $0[0].isEmpty) }.map {
                Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first })
            }
        }
        let organizations = try table("organizations.csv")
        let attributes = try table("attributes.csv")
        let terms = Dictionary(
            try table("taxonomy_terms.csv").compactMap { row in row["id"].map { ($0, row) } },
            uniquingKeysWith: { first, _ in first })
        // Indexed by organisation once, rather than searched for every organisation.
        let phones = Dictionary(
            try table("phones.csv").map { ($0["organization_id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let charityNumbers = Dictionary(
            try table("organization_identifiers.csv").filter { $0["identifier_scheme"] == "GB-CHC" }
                .map { ($0["organization_id"] ?? "", $0["identifier"] ?? "") }, uniquingKeysWith: { first, _ in first })
        let attributesByOrganisation = Dictionary(grouping: attributes) { $0["link_id"] ?? "" }
        var created = 0
        var updated = 0
        for row in organizations {
            guard let name = row["name"], !name.isEmpty else { continue }
            let id = row["id"].flatMap { UUID(uuidString: $0) }
            var organisation: Organisation? = nil
            if let id { organisation = try await Organisation.find(id, on: db) }
            if organisation == nil {
                organisation = try await Organisation.query(on: db).filter(\.$name == name).first()
            }
            let isNew = organisation == nil
            let record = organisation ?? Organisation(id: id, slug: Slugs.make(from: name), name: name, summary: "")
            // The export joins summary and description with a blank line; split them again.
            let parts = (row["description"] ?? "").components(separatedBy: "\n\n")
            record.name = name
            record.summary = String((parts.first ?? "").prefix(OrganisationForm.maximumSummary))
            record.description = parts.dropFirst().joined(separator: "\n\n")
            record.website = row["website"].flatMap { $0.isEmpty ? nil : $0 }
            record.contactEmail = row["email"].flatMap { $0.isEmpty ? nil : $0 }
            let key = row["id"] ?? ""
            record.contactPhone = phones[key]?["number"]
            record.charityNumber = charityNumbers[key]
            if isNew {
                if try await Organisation.query(on: db).filter(\.$slug == record.slug).first() != nil {
                    record.slug += "-" + String(UUID().uuidString.prefix(6)).lowercased()
                }
                try await record.create(on: db)
                if let creatorID {
                    try await OrganisationMembership(
                        organisationID: record.requireID(), userID: creatorID, role: .admin
                    ).create(on: db)
                }
                created += 1
            } else {
                try await record.save(on: db)
                updated += 1
            }
            let recordID = try record.requireID()
            try await OrganisationTerm.query(on: db).filter(\.$organisation.$id == recordID).delete()
            var seen = Set<String>()
            for attribute in attributesByOrganisation[key] ?? [] {
                guard let term = attribute["taxonomy_term_id"].flatMap({ terms[$0] }), let termCode = term["code"],
                    let vocabulary = Vocabulary.allCases.first(where: { HSDS.taxonomyName($0) == term["taxonomy"] })
                else { continue }
                let code = HSDS.ourCode(termCode, vocabulary: vocabulary)
                guard vocabulary.isValid(code), seen.insert("\(vocabulary.rawValue):\(code)").inserted
                else { continue }
                try await OrganisationTerm(organisationID: recordID, vocabulary: vocabulary, code: code).create(on: db)
            }
        }
        return (created, updated)
    }
}
