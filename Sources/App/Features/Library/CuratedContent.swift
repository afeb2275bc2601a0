import Fluent
import SQLKit
import Vapor

/// The alliance's shared knowledge: case studies in the practice bank, narratives and the library.
/// The national team curates it; everyone may read it.

/// A term (kind of work, method, theme) on a piece of curated content.
final class ContentTerm: Model, @unchecked Sendable {
    static let schema = "content_terms"

    enum ContentType: String, Sendable {
        case caseStudy = "case-study"
        case resource
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "content_type") var contentType: String
    @Field(key: "content_id") var contentID: UUID
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String

    init() {}

    init(type: ContentType, contentID: UUID, vocabulary: Vocabulary, code: String) {
        self.contentType = type.rawValue
        self.contentID = contentID
        self.vocabulary = vocabulary.rawValue
        self.code = code
    }

    /// Terms of many records in one query, grouped by record and vocabulary.
    static func terms(of type: ContentType, ids: [UUID], on db: Database) async throws -> [UUID: [Vocabulary: [String]]]
    {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: [Vocabulary: [String]]] = [:]
        for term in try await ContentTerm.query(on: db).filter(\.$contentType == type.rawValue).filter(
            \.$contentID ~~ ids
        ).sort(\.$code).all() {
            guard let vocabulary = Vocabulary(rawValue: term.vocabulary) else { continue }
            result[term.contentID, default: [:]][vocabulary, default: []].append(term.code)
        }
        return result
    }

    static func replace(_ type: ContentType, id: UUID, with terms: [Vocabulary: Set<String>], on db: Database)
        async throws
    {
        try await ContentTerm.query(on: db).filter(\.$contentType == type.rawValue).filter(\.$contentID == id).delete()
        for (vocabulary, codes) in terms {
            for code in codes.sorted() where vocabulary.isValid(code) {
                try await ContentTerm(type: type, contentID: id, vocabulary: vocabulary, code: code).create(on: db)
            }
        }
    }

    /// SQL: the record (`table.id`) carries this term.
    static func hasTerm(_ type: ContentType, table: String, vocabulary: Vocabulary, code: String) -> SQLQueryString {
        "EXISTS (SELECT 1 FROM content_terms ct WHERE ct.content_type = \(bind: type.rawValue) AND ct.content_id = \(unsafeRaw: table).id AND ct.vocabulary = \(bind: vocabulary.rawValue) AND ct.code = \(bind: code))"
    }
}

/// Checks shared by the curated forms.
enum ContentChecks {
    static func required(_ value: String, field: String, label: String, max: Int, into errors: inout FormErrors) {
        if value.isEmpty {
            errors.add(field, "Enter \(label)")
        } else if value.count > max {
            errors.add(
                field,
                "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max.formatted()) characters or fewer")
        }
    }

    static func optional(_ value: String, field: String, label: String, max: Int, into errors: inout FormErrors) {
        if value.count > max {
            errors.add(
                field,
                "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max.formatted()) characters or fewer")
        }
    }

    static func codes(_ codes: Set<String>, in vocabulary: Vocabulary, field: String, into errors: inout FormErrors) {
        if codes.contains(where: { !vocabulary.isValid($0) }) { errors.add(field, "Choose from the list") }
    }

    /// A slug not yet used in `schema`, nor one of the `reserved` words other pages use.
    static func uniqueSlug(
        for title: String, schema: String, fallback: String, reserved: Set<String> = [], on db: Database
    ) async throws -> String {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let base = Slugs.make(from: title, fallback: fallback)
        let rows = try await sql.raw(
            "SELECT slug FROM \(ident: schema) WHERE slug = \(bind: base) OR slug LIKE \(bind: base + "-%")"
        ).all()
        let taken = Set(try rows.map { try $0.decode(column: "slug", as: String.self) }).union(reserved)
        if !taken.contains(base) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func list(_ req: Request, _ name: String) -> Set<String> {
        Set((try? req.content.get([String].self, at: name)) ?? [])
    }
}
