import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// A compact, in-memory picture of what the directory's filters need: every organisation, whether
/// it is public, which hubs, terms and areas it carries, and the order the directory lists them in.
///
/// Why: counting filter values across every matching organisation in SQL cost 50–170 ms a search
/// at 20,000 organisations. Over this picture the same counts take well under a millisecond.
/// The database stays the source of truth: triggers log every change to the tables the picture is
/// built from (M030), each search reads the directory's generation (one small query), and a picture
/// behind it re-reads only the organisations changed since. So several server processes can share
/// one database, a write costs in proportion to what it changed, and no write path can forget to
/// refresh it.
///
/// Each organisation has a slot that never moves; a deleted organisation's slot stays empty.
struct DirectoryIndex: Sendable {
    enum Facet: Hashable, Sendable {
        case term(Vocabulary, String)
        case hub(UUID)
        case area(String)
    }

    /// What the picture keeps of one organisation.
    struct Entry: Sendable {
        let id: UUID
        /// The folded name, then the id: what listing order sorts by.
        let sortKey: [UInt8]
        let isPublic: Bool
        /// Its facets' numbers, ascending.
        let facets: [Int32]
        /// The words of its name, summary and description, as token numbers, each once.
        let tokens: [Int32]
    }

    /// One organisation's use of a word: how strongly it says it (name 10, summary 4,
    /// description 1, added up over its uses and capped, so repeating a word buys little).
    struct TextHit: Sendable {
        let slot: Int32
        let weight: Float
    }

    /// One organisation as the database describes it, before its facets are numbered.
    struct Facts: Sendable {
        let id: UUID
        let name: String
        var summary: String = ""
        var description: String = ""
        let isPublic: Bool
        var facets: [Facet] = []
    }

    struct HubChoice: Sendable, Equatable {
        let id: UUID
        let slug: String
        let name: String
    }

    /// The state of the directory this picture describes.
    fileprivate(set) var generation: Int
    /// One per slot; nil where the organisation was deleted.
    private(set) var entries: [Entry?] = []
    private(set) var slotByID: [UUID: Int32] = [:]
    /// Every organisation's slot, in the order the directory lists them (by name).
    private(set) var listingOrder: [Int32] = []
    /// Each slot's place in `listingOrder` (`Int32.max` for an empty slot).
    private(set) var rank: [Int32] = []
    private(set) var facets: [Facet] = []
    private(set) var facetNumber: [Facet: Int32] = [:]
    /// For each facet, the slots carrying it, ascending.
    private(set) var postings: [[Int32]] = []
    private(set) var publicCount = 0
    /// Per slot: whether an organisation is there, and whether it is public, kept apart from the
    /// entries so a search can start from a copy of one without touching every entry.
    private(set) var isListed: [Bool] = []
    private(set) var isListedPublicly: [Bool] = []
    /// Every word any organisation uses, by number; `tokenOrder` lists them alphabetically, for
    /// finding the words a prefix begins.
    private(set) var tokenText: [String] = []
    private(set) var tokenNumber: [String: Int32] = [:]
    private(set) var tokenOrder: [Int32] = []
    /// For each word, the organisations using it, ascending by slot.
    private(set) var textPostings: [[TextHit]] = []
    /// Every organisation's facet numbers in one array, slot after slot, so a search counts them
    /// without touching the entries: slot i's are `facetStorage[facetRanges[i]]`. An update appends;
    /// the space it leaves is reclaimed once it is half the array.
    private var facetStorage: [Int32] = []
    private var facetRanges: [Range<Int32>] = []
    private var abandonedFacets = 0
    /// False during the first full read, which sorts every word once at the end.
    private var keepsTokenOrder = false
    private(set) var hubIDBySlug: [String: UUID] = [:]
    /// Every hub, by name, for the hub filter.
    private(set) var hubs: [HubChoice] = []

    init(generation: Int, organisations: [Facts], hubs: [HubChoice]) {
        self.generation = generation
        entries.reserveCapacity(organisations.count)
        for facts in organisations {
            let slot = Int32(entries.count)
            let (entry, weights) = makeEntry(facts)
            entries.append(entry)
            register(entry, at: slot)
            // Slots are handed out in ascending order, so appending keeps each posting sorted.
            for facet in entry.facets { postings[Int(facet)].append(slot) }
            for (token, weight) in zip(entry.tokens, weights) {
                textPostings[Int(token)].append(TextHit(slot: slot, weight: weight))
            }
        }
        tokenOrder = (0..<Int32(tokenText.count)).sorted { tokenText[Int($0)] < tokenText[Int($1)] }
        keepsTokenOrder = true
        listingOrder = (0..<Int32(entries.count)).sorted {
            entries[Int($0)]!.sortKey.lexicographicallyPrecedes(entries[Int($1)]!.sortKey)
        }
        renumberRanks()
        setHubs(hubs)
    }

    /// Slots, empty ones included: the length of a per-slot array.
    var slotCount: Int { entries.count }

    func id(of slot: Int32) -> UUID? { entries[Int(slot)]?.id }

    func facets(of slot: Int32) -> [Int32] { entries[Int(slot)]?.facets ?? [] }

    /// Listed organisations: every one, or the public ones only.
    func organisationCount(publicOnly: Bool) -> Int {
        publicOnly ? publicCount : slotByID.count
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
        guard publicOnly else { return postings[facet].count }
        return postings[facet].reduce(0) { $0 + (entries[Int($1)]?.isPublic == true ? 1 : 0) }
    }

    /// Brings the named organisations up to date: `changed[id]` is what the database now says of
    /// each, or nil where it was deleted. Costs a few binary searches per organisation and one pass
    /// over the ranks, never a read of the rest of the directory.
    mutating func replace(_ changed: [(id: UUID, facts: Facts?)]) {
        for (id, facts) in changed {
            let existing = slotByID[id]
            if let slot = existing, let old = entries[Int(slot)] {
                for facet in old.facets { Self.remove(slot, from: &postings[Int(facet)]) }
                for token in old.tokens { Self.removeHit(of: slot, from: &textPostings[Int(token)]) }
                listingOrder.remove(at: listingPosition(of: old.sortKey))
                if old.isPublic { publicCount -= 1 }
                entries[Int(slot)] = nil
                isListed[Int(slot)] = false
                isListedPublicly[Int(slot)] = false
                abandonedFacets += facetRanges[Int(slot)].count
                facetRanges[Int(slot)] = 0..<0
                slotByID[id] = nil
            }
            guard let facts else { continue }
            let (entry, weights) = makeEntry(facts)
            let slot = existing ?? Int32(entries.count)
            if Int(slot) == entries.count { entries.append(entry) } else { entries[Int(slot)] = entry }
            register(entry, at: slot)
            for facet in entry.facets { Self.insert(slot, into: &postings[Int(facet)]) }
            for (token, weight) in zip(entry.tokens, weights) {
                Self.insertHit(TextHit(slot: slot, weight: weight), into: &textPostings[Int(token)])
            }
            listingOrder.insert(slot, at: listingPosition(of: entry.sortKey))
        }
        if abandonedFacets > 4_096, abandonedFacets * 2 > facetStorage.count { compactFacetStorage() }
        renumberRanks()
    }

    mutating func setHubs(_ hubs: [HubChoice]) {
        self.hubs = hubs
        hubIDBySlug = Dictionary(hubs.map { ($0.slug, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// Numbers the facts' facets and words (new ones get the next numbers) into an entry, with
    /// each word's weight beside it.
    private mutating func makeEntry(_ facts: Facts) -> (Entry, [Float]) {
        var numbers: [Int32] = []
        for facet in facts.facets {
            if let known = facetNumber[facet] {
                numbers.append(known)
            } else {
                let number = Int32(facets.count)
                facets.append(facet)
                facetNumber[facet] = number
                postings.append([])
                numbers.append(number)
            }
        }
        var weightByWord: [String: Float] = [:]
        for (text, weight) in [(facts.name, Float(10)), (facts.summary, 4), (facts.description, 1)] {
            for word in Self.words(of: text) { weightByWord[word, default: 0] += weight }
        }
        var tokens: [Int32] = []
        var weights: [Float] = []
        for (word, weight) in weightByWord {
            tokens.append(tokenNumber(for: word))
            weights.append(min(weight, 30))
        }
        let folded = Self.folded(facts.name)
        let entry = Entry(
            id: facts.id, sortKey: Array((folded + "\u{0}" + facts.id.uuidString).utf8),
            isPublic: facts.isPublic, facets: Array(Set(numbers)).sorted(), tokens: tokens)
        return (entry, weights)
    }

    /// A word's number, adding it (in alphabetical place, once the first full read is done).
    private mutating func tokenNumber(for word: String) -> Int32 {
        if let known = tokenNumber[word] { return known }
        let number = Int32(tokenText.count)
        tokenText.append(word)
        tokenNumber[word] = number
        textPostings.append([])
        if keepsTokenOrder { tokenOrder.insert(number, at: tokenPosition(of: word)) }
        return number
    }

    /// Text without capitals or accents, as search and listing order compare it.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The words of a text as search sees them: letters and digits, without capitals or accents.
    static func words(of text: String) -> [String] {
        folded(text).components(separatedBy: CharacterSet.alphanumerics.inverted)
            .filter { !$0.isEmpty }
            .map { String($0.prefix(40)) }
    }

    /// The words `word` finds: those it begins, and for a longer word those of five letters or
    /// more that begin it ("mediations" finds "mediation").
    func tokens(matching word: String) -> [Int32] {
        var found: [Int32] = []
        var position = tokenPosition(of: word)
        while position < tokenOrder.count, tokenText[Int(tokenOrder[position])].hasPrefix(word) {
            found.append(tokenOrder[position])
            position += 1
        }
        if word.count > 5 {
            for length in 5..<word.count {
                if let shorter = tokenNumber[String(word.prefix(length))] { found.append(shorter) }
            }
        }
        return found
    }

    private mutating func register(_ entry: Entry, at slot: Int32) {
        slotByID[entry.id] = slot
        if entry.isPublic { publicCount += 1 }
        while isListed.count <= Int(slot) {
            isListed.append(false)
            isListedPublicly.append(false)
        }
        isListed[Int(slot)] = true
        isListedPublicly[Int(slot)] = entry.isPublic
        while facetRanges.count <= Int(slot) { facetRanges.append(0..<0) }
        let start = Int32(facetStorage.count)
        facetStorage.append(contentsOf: entry.facets)
        facetRanges[Int(slot)] = start..<Int32(facetStorage.count)
    }

    /// How many of `slots` carry each facet, by facet number.
    func facetCounts(of slots: [Int32]) -> [Int] {
        var counts = [Int](repeating: 0, count: facets.count)
        counts.withUnsafeMutableBufferPointer { counts in
            facetStorage.withUnsafeBufferPointer { storage in
                facetRanges.withUnsafeBufferPointer { ranges in
                    for slot in slots {
                        for position in ranges[Int(slot)] { counts[Int(storage[Int(position)])] += 1 }
                    }
                }
            }
        }
        return counts
    }

    /// Whether the organisation in `slot` carries every one of `required`.
    func carries(_ slot: Int32, all required: [Int32]) -> Bool {
        facetStorage.withUnsafeBufferPointer { storage in
            let range = facetRanges[Int(slot)]
            return required.allSatisfy { facet in range.contains { storage[Int($0)] == facet } }
        }
    }

    /// Writes the live slots' facets afresh, leaving out what updates left behind.
    private mutating func compactFacetStorage() {
        var storage: [Int32] = []
        storage.reserveCapacity(facetStorage.count - abandonedFacets)
        for slot in facetRanges.indices {
            let range = facetRanges[slot]
            let start = Int32(storage.count)
            storage.append(contentsOf: facetStorage[Int(range.lowerBound)..<Int(range.upperBound)])
            facetRanges[slot] = start..<Int32(storage.count)
        }
        facetStorage = storage
        abandonedFacets = 0
    }

    /// Where a sort key belongs in `listingOrder` (or is, if present).
    private func listingPosition(of key: [UInt8]) -> Int {
        Self.firstPosition(in: listingOrder.count) {
            !entries[Int(listingOrder[$0])]!.sortKey.lexicographicallyPrecedes(key)
        }
    }

    /// Where a word belongs in `tokenOrder` (or is, if present): the first word not before it.
    private func tokenPosition(of word: String) -> Int {
        Self.firstPosition(in: tokenOrder.count) { tokenText[Int(tokenOrder[$0])] >= word }
    }

    /// The first position in `0..<count` where `isAtOrAfter` holds, for a sorted sequence where it
    /// holds from some position on: one binary search for every sorted list the index keeps.
    private static func firstPosition(in count: Int, where isAtOrAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private mutating func renumberRanks() {
        rank = [Int32](repeating: .max, count: entries.count)
        for (position, slot) in listingOrder.enumerated() { rank[Int(slot)] = Int32(position) }
    }

    private static func insertionPoint(of slot: Int32, in sorted: [Int32]) -> Int {
        firstPosition(in: sorted.count) { sorted[$0] >= slot }
    }

    private static func hitPosition(of slot: Int32, in hits: [TextHit]) -> Int {
        firstPosition(in: hits.count) { hits[$0].slot >= slot }
    }

    private static func insertHit(_ hit: TextHit, into hits: inout [TextHit]) {
        let position = hitPosition(of: hit.slot, in: hits)
        if position < hits.count, hits[position].slot == hit.slot {
            hits[position] = hit
        } else {
            hits.insert(hit, at: position)
        }
    }

    private static func removeHit(of slot: Int32, from hits: inout [TextHit]) {
        let position = hitPosition(of: slot, in: hits)
        if position < hits.count, hits[position].slot == slot { hits.remove(at: position) }
    }

    private static func insert(_ slot: Int32, into sorted: inout [Int32]) {
        let position = insertionPoint(of: slot, in: sorted)
        if position == sorted.count || sorted[position] != slot { sorted.insert(slot, at: position) }
    }

    private static func remove(_ slot: Int32, from sorted: inout [Int32]) {
        let position = insertionPoint(of: slot, in: sorted)
        if position < sorted.count, sorted[position] == slot { sorted.remove(at: position) }
    }
}

/// Reading the directory's state, change log and organisations for `DirectoryIndex`.
enum DirectoryIndexLoader {
    struct State: Sendable {
        let generation: Int
        /// Changes logged below this generation have been pruned.
        let prunedBelow: Int
    }

    /// Beyond this many changed organisations, reading everything again is cheaper.
    static let largestIncrementalRefresh = 2_000
    /// The log keeps at least this many generations; pruning starts once it holds twice as many.
    static let keptGenerations = 20_000

    static func state(_ sql: SQLDatabase) async throws -> State {
        let row = try await sql.raw("SELECT generation, pruned_below FROM directory_state WHERE id = 1").first()
        return State(
            generation: try row?.decode(column: "generation", as: Int.self) ?? 0,
            prunedBelow: try row?.decode(column: "pruned_below", as: Int.self) ?? 0)
    }

    /// Everything, read after the generation, so it is at least as new as the generation says.
    static func full(_ sql: SQLDatabase) async throws -> DirectoryIndex {
        let state = try await state(sql)
        let organisations = try await facts(of: nil, sql)
        return DirectoryIndex(
            generation: state.generation, organisations: Array(organisations.values), hubs: try await hubs(sql))
    }

    /// `index` brought up to `state`: only the organisations logged as changed since are read again.
    /// Falls back to a full read when the log no longer reaches back that far, or holds too much.
    static func refreshed(_ index: DirectoryIndex, to state: State, _ sql: SQLDatabase) async throws
        -> DirectoryIndex
    {
        guard index.generation >= state.prunedBelow else { return try await full(sql) }
        let rows = try await sql.raw(
            "SELECT DISTINCT scope, organisation_id FROM directory_changes WHERE generation > \(bind: index.generation)"
        ).all()
        var organisationIDs: [UUID] = []
        var hubsChanged = false
        for row in rows {
            switch try row.decode(column: "scope", as: String.self) {
            case "organisation":
                if let id = try row.decode(column: "organisation_id", as: UUID?.self) { organisationIDs.append(id) }
            case "hubs":
                hubsChanged = true
            default:
                return try await full(sql)
            }
        }
        let uniqueIDs = Array(Set(organisationIDs))
        // A prune that ran while the log was read may have taken rows this picture needed.
        guard uniqueIDs.count <= largestIncrementalRefresh else { return try await full(sql) }
        guard try await self.state(sql).prunedBelow <= index.generation else { return try await full(sql) }
        var fresh = index
        let current = try await facts(of: uniqueIDs, sql)
        fresh.replace(uniqueIDs.map { ($0, current[$0]) })
        if hubsChanged { fresh.setHubs(try await hubs(sql)) }
        fresh.generation = state.generation
        return fresh
    }

    /// Drops log rows no process should still need, once the log is long; a process further
    /// behind than that reads everything again.
    static func pruneIfLong(_ state: State, _ sql: SQLDatabase) async throws {
        guard state.generation - state.prunedBelow > 2 * keptGenerations else { return }
        try await prune(keeping: keptGenerations, state, sql)
    }

    /// Deletes the log below the last `kept` generations.
    static func prune(keeping kept: Int, _ state: State, _ sql: SQLDatabase) async throws {
        let below = state.generation - kept
        // The mark goes first, so a reader that missed pruned rows sees the mark afterwards.
        try await sql.raw(
            "UPDATE directory_state SET pruned_below = \(bind: below) WHERE id = 1 AND pruned_below < \(bind: below)"
        ).run()
        try await sql.raw("DELETE FROM directory_changes WHERE generation < \(bind: below)").run()
    }

    /// What the database says of these organisations (all of them when `ids` is nil); a deleted
    /// organisation is simply absent.
    static func facts(of ids: [UUID]?, _ sql: SQLDatabase) async throws -> [UUID: DirectoryIndex.Facts] {
        var found: [UUID: DirectoryIndex.Facts] = [:]
        // One query a table, however many: `refreshed` asks for at most `largestIncrementalRefresh`
        // organisations, well within both databases' limits on bound values.
        if let ids, ids.isEmpty { return found }
        do {
            func only(_ column: String) -> SQLQueryString {
                guard let ids else { return "" }
                return " AND \(ident: column) IN (\(binds: ids))"
            }
            for row in try await sql.raw(
                "SELECT id, name, summary, description, visibility FROM organisations WHERE 1 = 1\(only("id"))"
            ).all() {
                let id = try row.decode(column: "id", as: UUID.self)
                found[id] = DirectoryIndex.Facts(
                    id: id,
                    name: try row.decode(column: "name", as: String.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    description: try row.decode(column: "description", as: String?.self) ?? "",
                    isPublic: try row.decode(column: "visibility", as: String.self)
                        == Organisation.Visibility.public.rawValue)
            }
            for row in try await sql.raw(
                "SELECT organisation_id, vocabulary, code FROM organisation_terms WHERE 1 = 1\(only("organisation_id"))"
            ).all() {
                guard let vocabulary = Vocabulary(rawValue: try row.decode(column: "vocabulary", as: String.self))
                else { continue }
                found[try row.decode(column: "organisation_id", as: UUID.self)]?.facets.append(
                    .term(vocabulary, try row.decode(column: "code", as: String.self)))
            }
            for row in try await sql.raw(
                "SELECT organisation_id, area_code FROM organisation_areas WHERE 1 = 1\(only("organisation_id"))"
            ).all() {
                found[try row.decode(column: "organisation_id", as: UUID.self)]?.facets.append(
                    .area(try row.decode(column: "area_code", as: String.self)))
            }
            for row in try await sql.raw(
                "SELECT organisation_id, hub_id FROM organisation_hubs WHERE status = \(bind: MembershipStatus.approved.rawValue)\(only("organisation_id"))"
            ).all() {
                found[try row.decode(column: "organisation_id", as: UUID.self)]?.facets.append(
                    .hub(try row.decode(column: "hub_id", as: UUID.self)))
            }
        }
        return found
    }

    static func hubs(_ sql: SQLDatabase) async throws -> [DirectoryIndex.HubChoice] {
        try await sql.raw("SELECT id, slug, name FROM hubs ORDER BY name, id").all().map { row in
            DirectoryIndex.HubChoice(
                id: try row.decode(column: "id", as: UUID.self),
                slug: try row.decode(column: "slug", as: String.self),
                name: try row.decode(column: "name", as: String.self))
        }
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
    /// A remembered search: its matches, and the pieces of page rendered for it.
    private struct Remembered {
        var matches: DirectoryMatches
        var fragments: [String: String] = [:]
    }
    private struct MatchCache {
        var generation = -1
        var entries: [MatchKey: Remembered] = [:]
        var order: [MatchKey] = []
    }

    /// Enough for the popular searches of a busy day; each holds at most one number per organisation.
    static let rememberedSearches = 256

    private let current = NIOLockedValueBox<DirectoryIndex?>(nil)
    private let matchCache = NIOLockedValueBox(MatchCache())

    func knownMatches(for query: DirectoryQuery, signedIn: Bool, generation: Int) -> DirectoryMatches? {
        matchCache.withLockedValue { cache in
            cache.generation == generation ? cache.entries[MatchKey(query: query, signedIn: signedIn)]?.matches : nil
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
            if cache.entries[key] == nil {
                cache.entries[key] = Remembered(matches: matches)
                cache.order.append(key)
            }
            if cache.order.count > Self.rememberedSearches {
                // The oldest goes, with the pieces of page rendered for it.
                cache.entries[cache.order.removeFirst()] = nil
            }
        }
    }

    /// A piece of page that depends only on the search and the state of the directory (the filter
    /// form with its counts), rendered once per search and remembered with its matches.
    func fragment(_ name: String, for query: DirectoryQuery, signedIn: Bool, generation: Int, render: () -> String)
        -> String
    {
        let key = MatchKey(query: query, signedIn: signedIn)
        if let known = matchCache.withLockedValue({
            $0.generation == generation ? $0.entries[key]?.fragments[name] : nil
        }) {
            return known
        }
        let rendered = render()
        matchCache.withLockedValue { cache in
            // Kept only alongside a remembered search, so fragments never outnumber searches.
            if cache.generation == generation { cache.entries[key]?.fragments[name] = rendered }
        }
        return rendered
    }
    private let loading = NIOLockedValueBox<(generation: Int, task: Task<DirectoryIndex, any Error>)?>(nil)
    /// When this process last confirmed its picture matches the database, for `/metrics`.
    private let confirmed = NIOLockedValueBox<Date?>(nil)

    /// Seconds since the picture was last confirmed current, or nil before the first search.
    func age(now: Date = Date()) -> Double? {
        confirmed.withLockedValue { $0.map { now.timeIntervalSince($0) } }
    }

    /// The picture for the directory as it is now: the one held, if nothing has changed; else that
    /// one brought up to date, once, however many searches are waiting for it.
    func index(on db: Database) async throws -> DirectoryIndex {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let state = try await DirectoryIndexLoader.state(sql)
        let held = current.withLockedValue { $0 }
        if let held, held.generation >= state.generation {
            confirmed.withLockedValue { $0 = Date() }
            return held
        }
        let task = loading.withLockedValue { loading -> Task<DirectoryIndex, any Error> in
            if let inFlight = loading, inFlight.generation >= state.generation { return inFlight.task }
            let task = Task {
                let fresh =
                    if let held {
                        try await DirectoryIndexLoader.refreshed(held, to: state, sql)
                    } else {
                        try await DirectoryIndexLoader.full(sql)
                    }
                try await DirectoryIndexLoader.pruneIfLong(state, sql)
                return fresh
            }
            loading = (state.generation, task)
            return task
        }
        let fresh: DirectoryIndex
        do {
            fresh = try await task.value
        } catch {
            // Let the next search try again rather than keep a failed load.
            loading.withLockedValue { loading in
                if loading?.generation == state.generation { loading = nil }
            }
            throw error
        }
        current.withLockedValue { current in
            if (current?.generation ?? -1) < fresh.generation { current = fresh }
        }
        confirmed.withLockedValue { $0 = Date() }
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
