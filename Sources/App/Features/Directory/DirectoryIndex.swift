import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// A compact, in-memory picture of what the directory's filters need: every organisation in name
/// order, whether it is public, and which hubs, terms and areas it carries.
///
/// Why: counting filter values across every matching organisation in SQL cost 50–170 ms a search
/// at 20,000 organisations. Over this picture the same counts take well under a millisecond.
/// The database stays the source of truth: triggers bump `directory_state.generation` on every
/// change to the tables the picture is built from, each search reads that number (one small
/// query), and a stale picture is rebuilt before it is used. So several server processes can
/// share one database, and no write path can forget to refresh it.
struct DirectoryIndex: Sendable {
    enum Facet: Hashable, Sendable {
        case term(Vocabulary, String)
        case hub(UUID)
        case area(String)
    }

    let generation: Int
    /// Organisation ids, in the order the directory lists them (by name).
    let ids: [UUID]
    let isPublic: [Bool]
    let ordinalByID: [UUID: Int32]
    /// SQLite's rowid for each organisation, which its full-text table is keyed by.
    let ordinalByRowID: [Int64: Int32]
    let facets: [Facet]
    let facetNumber: [Facet: Int32]
    /// The facets of organisation `i` are `facetsOf[facetStart[i] ..< facetStart[i + 1]]`.
    let facetStart: [Int32]
    let facetsOf: [Int32]
    /// For each facet, the organisations carrying it, in ascending order.
    let postings: [[Int32]]
    let hubIDBySlug: [String: UUID]
    /// Every hub, by name, for the hub filter.
    let hubs: [HubChoice]

    struct HubChoice: Sendable, Equatable {
        let id: UUID
        let slug: String
        let name: String
    }

    var count: Int { ids.count }

    /// Listed organisations: every one, or the public ones only.
    func organisationCount(publicOnly: Bool) -> Int {
        publicOnly ? isPublic.lazy.filter { $0 }.count : ids.count
    }

    /// How many organisations each hub has, counting members-only listings only when asked.
    func organisationsPerHub(publicOnly: Bool) -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        for (number, facet) in facets.enumerated() {
            guard case .hub(let id) = facet else { continue }
            counts[id] = organisations(under: number, publicOnly: publicOnly)
        }
        return counts
    }

    /// Every term of a vocabulary, in its own order, with how many listed organisations carry it
    /// (public ones only, when asked); a term nobody carries counts 0.
    func termCounts(_ vocabulary: Vocabulary, publicOnly: Bool) -> [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for (number, facet) in facets.enumerated() {
            guard case .term(let kind, let code) = facet, kind == vocabulary else { continue }
            counts[code] = organisations(under: number, publicOnly: publicOnly)
        }
        return vocabulary.terms.map { ($0.label, counts[$0.code] ?? 0) }
    }

    /// The council areas at least one listed organisation says it works in.
    func areasWithOrganisations(publicOnly: Bool) -> Set<String> {
        var areas = Set<String>()
        for (number, facet) in facets.enumerated() {
            guard case .area(let code) = facet else { continue }
            if organisations(under: number, publicOnly: publicOnly) > 0 { areas.insert(code) }
        }
        return areas
    }

    /// How many listed organisations one facet holds, public ones only when asked.
    private func organisations(under facet: Int, publicOnly: Bool) -> Int {
        publicOnly ? postings[facet].reduce(0) { $0 + (isPublic[Int($1)] ? 1 : 0) } : postings[facet].count
    }

    func facets(of ordinal: Int32) -> ArraySlice<Int32> {
        facetsOf[Int(facetStart[Int(ordinal)])..<Int(facetStart[Int(ordinal) + 1])]
    }

    /// Reads the picture in one read transaction, so the generation matches the rows.
    static func load(from db: Database) async throws -> DirectoryIndex {
        try await db.transaction { db in
            guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
            let isSQLite = sql.dialect.name == "sqlite"
            let generation = try await currentGeneration(sql)

            let organisationRows = try await sql.raw(
                isSQLite
                    ? "SELECT rowid AS row_id, id, visibility FROM organisations ORDER BY name, id"
                    : "SELECT id, visibility FROM organisations ORDER BY name, id"
            ).all()
            var ids: [UUID] = []
            var isPublic: [Bool] = []
            var ordinalByID: [UUID: Int32] = [:]
            var ordinalByRowID: [Int64: Int32] = [:]
            ids.reserveCapacity(organisationRows.count)
            for (position, row) in organisationRows.enumerated() {
                let id = try row.decode(column: "id", as: UUID.self)
                ids.append(id)
                isPublic.append(
                    try row.decode(column: "visibility", as: String.self) == Organisation.Visibility.public.rawValue)
                ordinalByID[id] = Int32(position)
                if isSQLite { ordinalByRowID[try row.decode(column: "row_id", as: Int64.self)] = Int32(position) }
            }

            var facets: [Facet] = []
            var facetNumber: [Facet: Int32] = [:]
            var pairs: [(organisation: Int32, facet: Int32)] = []
            func add(_ organisationID: UUID, _ facet: Facet) {
                guard let ordinal = ordinalByID[organisationID] else { return }
                let number: Int32
                if let known = facetNumber[facet] {
                    number = known
                } else {
                    number = Int32(facets.count)
                    facets.append(facet)
                    facetNumber[facet] = number
                }
                pairs.append((ordinal, number))
            }
            for row in try await sql.raw("SELECT organisation_id, vocabulary, code FROM organisation_terms").all() {
                guard let vocabulary = Vocabulary(rawValue: try row.decode(column: "vocabulary", as: String.self))
                else { continue }
                add(
                    try row.decode(column: "organisation_id", as: UUID.self),
                    .term(vocabulary, try row.decode(column: "code", as: String.self)))
            }
            for row in try await sql.raw("SELECT organisation_id, area_code FROM organisation_areas").all() {
                add(
                    try row.decode(column: "organisation_id", as: UUID.self),
                    .area(try row.decode(column: "area_code", as: String.self)))
            }
            for row in try await sql.raw(
                "SELECT organisation_id, hub_id FROM organisation_hubs WHERE status = \(bind: MembershipStatus.approved.rawValue)"
            ).all() {
                add(
                    try row.decode(column: "organisation_id", as: UUID.self),
                    .hub(try row.decode(column: "hub_id", as: UUID.self)))
            }
            var hubs: [HubChoice] = []
            for row in try await sql.raw("SELECT id, slug, name FROM hubs ORDER BY name, id").all() {
                hubs.append(
                    HubChoice(
                        id: try row.decode(column: "id", as: UUID.self),
                        slug: try row.decode(column: "slug", as: String.self),
                        name: try row.decode(column: "name", as: String.self)))
            }
            let hubIDBySlug = Dictionary(hubs.map { ($0.slug, $0.id) }, uniquingKeysWith: { first, _ in first })

            // Group the pairs by organisation (a counting sort keeps it linear) and build postings.
            var facetStart = [Int32](repeating: 0, count: ids.count + 1)
            for pair in pairs { facetStart[Int(pair.organisation) + 1] += 1 }
            for index in 0..<ids.count { facetStart[index + 1] += facetStart[index] }
            var next = facetStart
            var facetsOf = [Int32](repeating: 0, count: pairs.count)
            var postings = [[Int32]](repeating: [], count: facets.count)
            for pair in pairs.sorted(by: { $0.organisation < $1.organisation }) {
                facetsOf[Int(next[Int(pair.organisation)])] = pair.facet
                next[Int(pair.organisation)] += 1
                postings[Int(pair.facet)].append(pair.organisation)
            }
            return DirectoryIndex(
                generation: generation, ids: ids, isPublic: isPublic, ordinalByID: ordinalByID,
                ordinalByRowID: ordinalByRowID,
                facets: facets, facetNumber: facetNumber, facetStart: facetStart, facetsOf: facetsOf,
                postings: postings,
                hubIDBySlug: hubIDBySlug, hubs: hubs
            )
        }
    }

    static func currentGeneration(_ sql: SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT generation FROM directory_state WHERE id = 1").first()
        return try row?.decode(column: "generation", as: Int.self) ?? 0
    }
}

/// Holds the current picture for this process and rebuilds it once when the directory changes,
/// however many searches arrive at that moment. It also remembers the matches of recent searches
/// for the current state of the directory, so paging through results or repeating a popular
/// search does not redo the matching; any change to the directory forgets them all.
final class DirectoryIndexStore: Sendable {
    private struct MatchKey: Hashable {
        let query: DirectoryQuery
        let signedIn: Bool
    }
    private struct FragmentKey: Hashable {
        let name: String
        let search: MatchKey
    }
    private struct MatchCache {
        var generation = -1
        var entries: [MatchKey: DirectoryMatches] = [:]
        var order: [MatchKey] = []
        var fragments: [FragmentKey: String] = [:]
    }

    /// Enough for the popular searches of a busy day; each holds at most one number per organisation.
    static let rememberedSearches = 256

    private let current = NIOLockedValueBox<DirectoryIndex?>(nil)
    private let matchCache = NIOLockedValueBox(MatchCache())

    func knownMatches(for query: DirectoryQuery, signedIn: Bool, generation: Int) -> DirectoryMatches? {
        matchCache.withLockedValue { cache in
            cache.generation == generation ? cache.entries[MatchKey(query: query, signedIn: signedIn)] : nil
        }
    }

    func remember(_ matches: DirectoryMatches, for query: DirectoryQuery, signedIn: Bool, generation: Int) {
        matchCache.withLockedValue { cache in
            if cache.generation != generation {
                // Only ever move forward: a slow search from an older picture must not replace newer entries.
                guard generation > cache.generation else { return }
                cache = MatchCache(generation: generation)
            }
            let key = MatchKey(query: query, signedIn: signedIn)
            if cache.entries.updateValue(matches, forKey: key) == nil { cache.order.append(key) }
            if cache.order.count > Self.rememberedSearches {
                let oldest = cache.order.removeFirst()
                cache.entries[oldest] = nil
                cache.fragments = cache.fragments.filter { $0.key.search != oldest }
            }
        }
    }

    /// A piece of page that depends only on the search and the state of the directory (the filter
    /// form with its counts), rendered once per search and remembered with its matches.
    func fragment(_ name: String, for query: DirectoryQuery, signedIn: Bool, generation: Int, render: () -> String)
        -> String
    {
        let key = FragmentKey(name: name, search: MatchKey(query: query, signedIn: signedIn))
        if let known = matchCache.withLockedValue({ $0.generation == generation ? $0.fragments[key] : nil }) {
            return known
        }
        let rendered = render()
        matchCache.withLockedValue { cache in
            // Kept only alongside a remembered search, so fragments never outnumber searches.
            if cache.generation == generation, cache.entries[key.search] != nil { cache.fragments[key] = rendered }
        }
        return rendered
    }
    private let loading = NIOLockedValueBox<(generation: Int, task: Task<DirectoryIndex, any Error>)?>(nil)

    func index(on db: Database) async throws -> DirectoryIndex {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let generation = try await DirectoryIndex.currentGeneration(sql)
        if let cached = current.withLockedValue({ $0 }), cached.generation >= generation {
            return cached
        }
        let task = loading.withLockedValue { loading -> Task<DirectoryIndex, any Error> in
            if let inFlight = loading, inFlight.generation >= generation { return inFlight.task }
            let task = Task { try await DirectoryIndex.load(from: db) }
            loading = (generation, task)
            return task
        }
        let fresh: DirectoryIndex
        do {
            fresh = try await task.value
        } catch {
            // Let the next search try again rather than keep a failed load.
            loading.withLockedValue { loading in
                if loading?.generation == generation { loading = nil }
            }
            throw error
        }
        current.withLockedValue { current in
            if (current?.generation ?? -1) < fresh.generation { current = fresh }
        }
        return fresh
    }
}

extension Application {
    private struct DirectoryIndexStoreKey: StorageKey { typealias Value = DirectoryIndexStore }

    /// Set once in `configure`, before any request, so reading it needs no lock.
    var directoryIndex: DirectoryIndexStore {
        get {
            guard let store = storage[DirectoryIndexStoreKey.self] else {
                fatalError("configure(_:) sets the directory index store")
            }
            return store
        }
        set { storage[DirectoryIndexStoreKey.self] = newValue }
    }
}
