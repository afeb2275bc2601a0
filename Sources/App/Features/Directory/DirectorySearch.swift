import Fluent
import SQLKit
import Vapor

/// What someone is looking for in the directory: words, and at most one value per filter.
/// Every search is a plain GET URL, so it can be bookmarked and shared.
struct DirectoryQuery: Sendable, Hashable {
    var text: String = ""
    var hub: String? = nil
    var terms: [Vocabulary: String] = [:]
    var area: String? = nil
    var page: Int = 1

    static let pageSize = 20

    /// Every organisation, first page: no words, no filters.
    init() {}

    /// Reads `q`, `hub`, `sector`, `work`, `theme`, `method`, `area` and `page`; values that are not
    /// in the lists are dropped rather than failing the search.
    init(_ request: Request) {
        // The query string is read once; asking for each key in turn would parse it each time.
        let parameters = (try? request.query.decode([String: String].self)) ?? [:]
        func value(_ key: String) -> String? {
            guard let raw = parameters[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty
            else { return nil }
            return raw
        }
        text = String((value("q") ?? "").prefix(200))
        hub = value("hub").map { String($0.prefix(100)) }
        for vocabulary in Vocabulary.allCases {
            if let code = value(vocabulary.rawValue), vocabulary.isValid(code) { terms[vocabulary] = code }
        }
        area = value("area").flatMap { LocalAuthorities.byCode[$0] == nil ? nil : $0 }
        page = max(1, min(value("page").flatMap { Int($0) } ?? 1, 10_000))
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

    /// Words to search for: letters and digits only, without capitals or accents, at most eight.
    var words: [String] {
        Array(DirectoryIndex.words(of: text).prefix(8))
    }
}

/// One organisation as a list of results shows it.
struct DirectoryListing: Sendable, Equatable {
    let id: UUID
    let slug: String
    let name: String
    let summary: String
    let isPublic: Bool
    let methodCodes: [String]
}

/// Which organisations a search matches, in listing order, and how many carry each filter value.
/// Independent of the page, so paging through a search reuses it.
struct DirectoryMatches: Sendable {
    /// The matching organisations' slots in the index, in listing order.
    let slots: [Int32]
    /// How many of the matching organisations carry each term, per vocabulary.
    let termCounts: [Vocabulary: [String: Int]]
    let hubCounts: [UUID: Int]
    let areaCounts: [String: Int]
}

struct DirectoryResults: Sendable {
    /// The state of the directory these results describe.
    let generation: Int
    let listings: [DirectoryListing]
    /// The page's ids in listing order, for callers that need the full records (the API).
    var ids: [UUID] { listings.map(\.id) }
    let total: Int
    let termCounts: [Vocabulary: [String: Int]]
    let hubCounts: [UUID: Int]
    let areaCounts: [String: Int]
    /// Every hub, for the hub filter.
    let hubs: [DirectoryIndex.HubChoice]
}

/// Searches organisations with two queries, whatever the words, filters or page: the directory's
/// generation, and one load of the page's rows. Words, filters and their counts are worked out
/// over `DirectoryIndex`, in memory.
enum DirectorySearch {
    static func run(_ query: DirectoryQuery, signedIn: Bool, on db: Database, index store: DirectoryIndexStore)
        async throws -> DirectoryResults
    {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let index = try await store.index(on: db)
        var key = query
        key.page = 1
        let matches: DirectoryMatches
        if let known = store.knownMatches(for: key, signedIn: signedIn, generation: index.generation) {
            matches = known
        } else {
            matches = match(query, signedIn: signedIn, index: index)
            store.remember(matches, for: key, signedIn: signedIn, generation: index.generation)
        }

        let offset = (query.page - 1) * DirectoryQuery.pageSize
        let pageOrdinals =
            offset < matches.slots.count
            ? Array(matches.slots[offset..<min(matches.slots.count, offset + DirectoryQuery.pageSize)])
            : []
        var listings: [DirectoryListing] = []
        if !pageOrdinals.isEmpty {
            let ids = pageOrdinals.compactMap { index.id(of: $0) }
            var rows: [UUID: SQLRow] = [:]
            for row in try await sql.select().columns("id", "slug", "name", "summary", "visibility").from(
                Organisation.schema
            )
            .where("id", .in, ids).all() {
                rows[try row.decode(column: "id", as: UUID.self)] = row
            }
            for ordinal in pageOrdinals {
                // A row deleted since the picture was read is simply left out of this page.
                guard let id = index.id(of: ordinal), let row = rows[id] else { continue }
                let methods = index.facets(of: ordinal).compactMap { number -> String? in
                    if case .term(.method, let code) = index.facets[Int(number)] { return code }
                    return nil
                }
                listings.append(
                    DirectoryListing(
                        id: id, slug: try row.decode(column: "slug", as: String.self),
                        name: try row.decode(column: "name", as: String.self),
                        summary: try row.decode(column: "summary", as: String.self),
                        isPublic: try row.decode(column: "visibility", as: String.self)
                            == Organisation.Visibility.public.rawValue,
                        methodCodes: methods
                    ))
            }
        }
        return DirectoryResults(
            generation: index.generation, listings: listings, total: matches.slots.count,
            termCounts: matches.termCounts, hubCounts: matches.hubCounts, areaCounts: matches.areaCounts,
            hubs: index.hubs)
    }

    /// Works out who matches: filters over the index, words through the database's full-text search.
    private static func match(_ query: DirectoryQuery, signedIn: Bool, index: DirectoryIndex) -> DirectoryMatches {
        // Who passes the filters: the shortest list of the chosen values, narrowed by the others.
        var required: [Int32] = []
        var impossible = false
        if let hub = query.hub {
            if let id = index.hubIDBySlug[hub], let number = index.facetNumber[.hub(id)] {
                required.append(number)
            } else {
                impossible = true
            }
        }
        for (vocabulary, code) in query.terms {
            if let number = index.facetNumber[.term(vocabulary, code)] {
                required.append(number)
            } else {
                impossible = true
            }
        }
        if let area = query.area {
            if let number = index.facetNumber[.area(area)] { required.append(number) } else { impossible = true }
        }
        if impossible {
            return DirectoryMatches(slots: [], termCounts: [:], hubCounts: [:], areaCounts: [:])
        }
        // Who this person may see (every listed organisation, or the public ones), then the filters.
        var passes = signedIn ? index.isListed : index.isListedPublicly
        if let shortest = required.min(by: { index.postings[Int($0)].count < index.postings[Int($1)].count }) {
            var filtered = [Bool](repeating: false, count: index.slotCount)
            for slot in index.postings[Int(shortest)] where passes[Int(slot)] && index.carries(slot, all: required) {
                filtered[Int(slot)] = true
            }
            passes = filtered
        }

        // Matching organisations in listing order: by relevance when there are words, else by name.
        var ordinals: [Int32] = []
        if query.words.isEmpty {
            for slot in index.listingOrder where passes[Int(slot)] { ordinals.append(slot) }
        } else {
            ordinals = wordMatches(query.words, passes: passes, index: index)
        }

        let counts = index.facetCounts(of: ordinals)
        var termCounts: [Vocabulary: [String: Int]] = [:]
        var hubCounts: [UUID: Int] = [:]
        var areaCounts: [String: Int] = [:]
        for (number, count) in counts.enumerated() where count > 0 {
            switch index.facets[number] {
            case .term(let vocabulary, let code): termCounts[vocabulary, default: [:]][code] = count
            case .hub(let id): hubCounts[id] = count
            case .area(let code): areaCounts[code] = count
            }
        }
        return DirectoryMatches(
            slots: ordinals, termCounts: termCounts, hubCounts: hubCounts, areaCounts: areaCounts)
    }

    /// The organisations every word matches, best first. A word matches an organisation's own
    /// words (those it begins, as typed so far), or the name of a term it is tagged with
    /// ("mediation" finds those tagged with the mediation method whether or not their own words say
    /// it). A word counts more in a name than a summary, more in a summary than a description, and
    /// more the fewer organisations use it; a tag counts as much as the word's best match in text,
    /// since the organisation chose it itself, and adds to a match in its own words. All in memory,
    /// over the index, so a search reads nothing from the database but its page of rows.
    static func wordMatches(_ words: [String], passes: [Bool], index: DirectoryIndex) -> [Int32] {
        let count = index.slotCount
        let listed = Float(max(1, index.organisationCount(publicOnly: false)))
        var total = [Float](repeating: 0, count: count)
        // How many of the words, in order, each organisation has matched so far.
        var matchedWords = [Int](repeating: 0, count: count)
        var wordScore = [Float](repeating: 0, count: count)
        var candidates: [Int32] = []
        for (position, word) in words.enumerated() {
            var touched: [Int32] = []
            for token in index.tokens(matching: word) {
                let hits = index.textPostings[Int(token)]
                guard !hits.isEmpty else { continue }
                let rarity = Float(log(1 + Double(listed) / Double(hits.count)))
                for hit in hits where passes[Int(hit.slot)] && matchedWords[Int(hit.slot)] == position {
                    let score = hit.weight * rarity
                    if wordScore[Int(hit.slot)] == 0 { touched.append(hit.slot) }
                    // Several words beginning the same way count once, at the best.
                    wordScore[Int(hit.slot)] = max(wordScore[Int(hit.slot)], score)
                }
            }
            let best = touched.reduce(Float(1)) { max($0, wordScore[Int($1)]) }
            for facet in tagFacets(matching: word, in: index) {
                for slot in index.postings[Int(facet)] where passes[Int(slot)] && matchedWords[Int(slot)] == position {
                    if wordScore[Int(slot)] == 0 { touched.append(slot) }
                    wordScore[Int(slot)] += best
                }
            }
            for slot in touched where wordScore[Int(slot)] > 0 {
                total[Int(slot)] += wordScore[Int(slot)]
                matchedWords[Int(slot)] = position + 1
                wordScore[Int(slot)] = 0
            }
            if position == words.count - 1 {
                candidates = touched.filter { matchedWords[Int($0)] == words.count }
            }
        }
        // Best first; equal relevance falls back to name order.
        return candidates.sorted {
            total[Int($0)] != total[Int($1)]
                ? total[Int($0)] > total[Int($1)] : index.rank[Int($0)] < index.rank[Int($1)]
        }
    }

    /// The index's term facets whose label has a word beginning with `word` (or, for a longer word,
    /// a label word it begins with, so "mediations" finds "Mediation").
    static func tagFacets(matching word: String, in index: DirectoryIndex) -> [Int32] {
        var found: [Int32] = []
        for vocabulary in Vocabulary.allCases {
            for term in vocabulary.terms {
                let labelWords = term.label.lowercased().components(separatedBy: CharacterSet.alphanumerics.inverted)
                let matches = labelWords.contains { label in
                    !label.isEmpty && (label.hasPrefix(word) || (label.count >= 5 && word.hasPrefix(label)))
                }
                if matches, let number = index.facetNumber[.term(vocabulary, term.code)] {
                    found.append(number)
                }
            }
        }
        return found
    }
}

/// A directory search as a page runs it: the results this person may see, and the filter form,
/// rendered once and kept for everyone who sees the same filters until the directory changes.
struct FilteredDirectorySearch {
    let results: DirectoryResults
    let filterForm: String

    /// `cacheName` keeps each page's form apart; `action` and `label` are the form's.
    static func run(_ req: Request, query: DirectoryQuery, cacheName: String, action: SiteURL, label: String)
        async throws -> FilteredDirectorySearch
    {
        let signedIn = req.seesMembersOnly
        let results = try await DirectorySearch.run(
            query, signedIn: signedIn, on: req.db, index: req.application.directoryIndex)
        // The filters do not depend on the page of results being shown.
        var searchKey = query
        searchKey.page = 1
        let form = req.application.directoryIndex.fragment(
            cacheName, for: searchKey, signedIn: signedIn, generation: results.generation
        ) {
            OrganisationSearchPage.filterForm(query: query, results: results, action: action, label: label)
        }
        return FilteredDirectorySearch(results: results, filterForm: form)
    }
}
