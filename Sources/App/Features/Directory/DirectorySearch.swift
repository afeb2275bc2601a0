import Fluent
import SQLKit
import Vapor

/// What someone is looking for in the directory: words, and at most one value per filter.
/// Every search is a plain GET URL, so it can be bookmarked and shared.
struct DirectoryQuery: Sendable, Equatable {
    var text: String = ""
    var hub: String? = nil
    var terms: [Vocabulary: String] = [:]
    var area: String? = nil
    var page: Int = 1

    static let pageSize = 20

    /// Reads `q`, `hub`, `sector`, `work`, `theme`, `method`, `area` and `page`; values that are not
    /// in the lists are dropped rather than failing the search.
    init(_ request: Request) {
        func value(_ key: String) -> String? {
            guard let raw = request.query[String.self, at: key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        text = String((value("q") ?? "").prefix(200))
        hub = value("hub").map { String($0.prefix(100)) }
        for vocabulary in Vocabulary.allCases {
            if let code = value(vocabulary.rawValue), vocabulary.isValid(code) { terms[vocabulary] = code }
        }
        area = value("area").flatMap { LocalAuthorities.byCode[$0] == nil ? nil : $0 }
        page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 10_000))
    }

    /// The query string for this search, with one parameter changed (nil removes it).
    func parameters(changing key: String? = nil, to newValue: String? = nil) -> [String: String] {
        var result: [String: String] = [:]
        if !text.isEmpty { result["q"] = text }
        if let hub { result["hub"] = hub }
        for (vocabulary, code) in terms { result[vocabulary.rawValue] = code }
        if let area { result["area"] = area }
        if let key { result[key] = newValue }
        return result
    }

    var isEmpty: Bool { text.isEmpty && hub == nil && terms.isEmpty && area == nil }

    /// Words to search for: letters and digits only, so no input can reach the search syntax.
    var words: [String] {
        text.lowercased()
            .components(separatedBy: CharacterSet.alphanumerics.inverted)
            .filter { !$0.isEmpty }
            .prefix(8)
            .map { String($0.prefix(40)) }
    }
}

struct DirectoryResults: Sendable {
    let organisations: [Organisation]
    let total: Int
    /// How many of the matching organisations carry each term, per vocabulary.
    let termCounts: [Vocabulary: [String: Int]]
    let hubCounts: [UUID: Int]
    let areaCounts: [String: Int]
}

/// Searches organisations with a fixed number of queries, whatever the page or filters:
/// one count, one page of ids, one load of those rows with their terms, and three for the filter counts.
enum DirectorySearch {
    static func run(_ query: DirectoryQuery, signedIn: Bool, on db: Database) async throws -> DirectoryResults {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let isSQLite = sql.dialect.name == "sqlite"
        let words = query.words
        let matchExpression: String? = words.isEmpty ? nil : (isSQLite
            ? words.map { "\"\($0)\"*" }.joined(separator: " ")
            : words.map { "\($0):*" }.joined(separator: " & "))

        let filters = filterClause(query, signedIn: signedIn)
        let conditions = filters + matchClause(matchExpression, isSQLite: isSQLite)
        let filtered = SQLQueryString("SELECT o.id FROM organisations o WHERE ") + conditions

        let countRow = try await sql.raw(SQLQueryString("SELECT COUNT(*) AS total FROM organisations o WHERE ") + conditions).first()
        let total = try countRow?.decode(column: "total", as: Int.self) ?? 0

        let offset = (query.page - 1) * DirectoryQuery.pageSize
        let page: SQLQueryString
        if let matchExpression, isSQLite {
            // Joining the FTS table matches and ranks in one pass; a per-row subquery for bm25 was ~30 times slower.
            page = "SELECT o.id FROM organisations o JOIN organisations_fts f ON f.rowid = o.rowid WHERE organisations_fts MATCH \(bind: matchExpression) AND "
                + filters + " ORDER BY bm25(organisations_fts, 10.0, 4.0, 1.0), o.name LIMIT \(literal: DirectoryQuery.pageSize) OFFSET \(literal: offset)"
        } else if let matchExpression {
            page = filtered + " ORDER BY ts_rank(o.search_vector, to_tsquery('english', \(bind: matchExpression))) DESC, o.name LIMIT \(literal: DirectoryQuery.pageSize) OFFSET \(literal: offset)"
        } else {
            page = filtered + " ORDER BY o.name LIMIT \(literal: DirectoryQuery.pageSize) OFFSET \(literal: offset)"
        }
        let idRows = try await sql.raw(page).all()
        let ids = try idRows.map { try $0.decode(column: "id", as: UUID.self) }

        var organisations: [Organisation] = []
        if !ids.isEmpty {
            let rows = try await Organisation.query(on: db).filter(\.$id ~~ ids).with(\.$terms).all()
            let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row) } })
            organisations = ids.compactMap { byID[$0] }
        }

        var termCounts: [Vocabulary: [String: Int]] = [:]
        for row in try await sql.raw("SELECT t.vocabulary AS vocabulary, t.code AS code, COUNT(*) AS n FROM organisation_terms t WHERE t.organisation_id IN (" + filtered + ") GROUP BY t.vocabulary, t.code").all() {
            guard let vocabulary = Vocabulary(rawValue: try row.decode(column: "vocabulary", as: String.self)) else { continue }
            termCounts[vocabulary, default: [:]][try row.decode(column: "code", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        var hubCounts: [UUID: Int] = [:]
        for row in try await sql.raw("SELECT h.hub_id AS hub_id, COUNT(*) AS n FROM organisation_hubs h WHERE h.status = 'approved' AND h.organisation_id IN (" + filtered + ") GROUP BY h.hub_id").all() {
            hubCounts[try row.decode(column: "hub_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        var areaCounts: [String: Int] = [:]
        for row in try await sql.raw("SELECT a.area_code AS area_code, COUNT(*) AS n FROM organisation_areas a WHERE a.organisation_id IN (" + filtered + ") GROUP BY a.area_code").all() {
            areaCounts[try row.decode(column: "area_code", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return DirectoryResults(organisations: organisations, total: total, termCounts: termCounts, hubCounts: hubCounts, areaCounts: areaCounts)
    }

    /// The filters and visibility, without the words.
    private static func filterClause(_ query: DirectoryQuery, signedIn: Bool) -> SQLQueryString {
        var clause: SQLQueryString = "1 = 1"
        if !signedIn {
            clause = clause + " AND o.visibility = 'public'"
        }
        if let hub = query.hub {
            clause = clause + " AND o.id IN (SELECT oh.organisation_id FROM organisation_hubs oh JOIN hubs h ON h.id = oh.hub_id WHERE oh.status = 'approved' AND h.slug = \(bind: hub))"
        }
        for vocabulary in Vocabulary.allCases {
            guard let code = query.terms[vocabulary] else { continue }
            // IN over the (vocabulary, code) index beats a per-row EXISTS on a large directory.
            clause = clause + " AND o.id IN (SELECT t.organisation_id FROM organisation_terms t WHERE t.vocabulary = \(bind: vocabulary.rawValue) AND t.code = \(bind: code))"
        }
        if let area = query.area {
            clause = clause + " AND o.id IN (SELECT a.organisation_id FROM organisation_areas a WHERE a.area_code = \(bind: area))"
        }
        return clause
    }

    /// The words, as the database's full-text search reads them; empty when there are none.
    private static func matchClause(_ match: String?, isSQLite: Bool) -> SQLQueryString {
        guard let match else { return "" }
        return isSQLite
            ? " AND o.rowid IN (SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH \(bind: match))"
            : " AND o.search_vector @@ to_tsquery('english', \(bind: match))"
    }
}
