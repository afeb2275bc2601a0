import Fluent
import SQLKit
import Vapor

/// The alliance's shared knowledge: case studies in the practice bank, narratives and the library.
/// The national team curates it; everyone may read it.

/// A term (kind of work, method, theme) on a piece of curated content.
final class ContentTerm: Model, @unchecked Sendable {
    static let schema = "content_terms"

    enum ContentType: String, Codable, Sendable {
        case caseStudy = "case-study"
        case resource
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "content_type") var contentType: ContentType
    @Field(key: "content_id") var contentID: UUID
    @Field(key: "vocabulary") var vocabulary: Vocabulary
    @Field(key: "code") var code: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $contentType, $contentID, $vocabulary, $code] }

    init(type: ContentType, contentID: UUID, vocabulary: Vocabulary, code: String) {
        self.contentType = type
        self.contentID = contentID
        self.vocabulary = vocabulary
        self.code = code
    }

    /// Terms of many records in one query, grouped by record and vocabulary.
    static func terms(of type: ContentType, ids: [UUID], on db: Database) async throws -> [UUID: [Vocabulary: [String]]]
    {
        guard !ids.isEmpty else { return [:] }
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var result: [UUID: [Vocabulary: [String]]] = [:]
        // Plain rows: a list page reads several terms per item, and a Fluent model per term cost
        // the practice bank a seventh of its time.
        let rows = try await sql.raw(
            """
            SELECT content_id, vocabulary, code FROM content_terms
            WHERE content_type = \(bind: type.rawValue) AND content_id IN (\(binds: ids)) ORDER BY code
            """
        ).all()
        for row in rows {
            guard let vocabulary = Vocabulary(rawValue: try row.decode(column: "vocabulary", as: String.self)) else {
                continue
            }
            result[try row.decode(column: "content_id", as: UUID.self), default: [:]][vocabulary, default: []].append(
                try row.decode(column: "code", as: String.self))
        }
        return result
    }

    static func replace(_ type: ContentType, id: UUID, with terms: [Vocabulary: Set<String>], on db: Database)
        async throws
    {
        try await ContentTerm.query(on: db).filter(\.$contentType == type).filter(\.$contentID == id).delete()
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

extension ContentChecks {
    static func codes(_ codes: Set<String>, in vocabulary: Vocabulary, field: String, into errors: inout FormErrors) {
        if codes.contains(where: { !vocabulary.isValid($0) }) { errors.add(field, "Choose from the list") }
    }
}

extension QueryBuilder {
    /// One page of a curated list, numbered from 1, with the total, as the practice bank and the
    /// library show them.
    func curatedPage(_ number: Int, size: Int) async throws -> Paged<Model> {
        try await paged(PageRequest(number: number, size: size))
    }
}

/// What the practice bank's and the library's addresses ask of their lists.
enum CuratedListQuery {
    /// The page to show, read from `?page=`: the first unless a sensible number is given.
    static func pageNumber(_ req: Request) -> Int {
        max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
    }
}

/// A curated record with an address of its own, such as a case study or a library resource.
protocol CuratedRecord: Model, Sendable where IDValue == UUID {
    var slug: String { get set }
}

extension CaseStudy: CuratedRecord {}
extension Resource: CuratedRecord {}

extension ContentTerm {
    /// Saves a new curated record under a fresh address made from its title, with its terms, in
    /// one transaction: a record never appears without the terms it is found by.
    static func create<Record: CuratedRecord>(
        _ record: Record, as type: ContentType, title: String, fallback: String,
        terms: [Vocabulary: Set<String>], on db: Database
    ) async throws {
        record.slug = try await ContentChecks.uniqueSlug(
            for: title, schema: Record.schema, fallback: fallback, on: db)
        try await db.transaction { db in
            try await record.create(on: db)
            try await replace(type, id: record.requireID(), with: terms, on: db)
        }
    }
}
