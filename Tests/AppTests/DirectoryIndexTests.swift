import Fluent
import SQLKit
import Statistics
import Vapor
import XCTVapor

@testable import App

/// The in-memory directory picture kept up to date from the database's change log: what every
/// search's filters, counts and order come from, on every server process.
final class DirectoryIndexTests: XCTestCase {
    /// What a person could notice of a picture: the listing order, and what each organisation carries.
    private struct Seen: Equatable, CustomStringConvertible {
        let order: [UUID]
        let facetsByID: [UUID: Set<DirectoryIndex.Facet>]
        let publicIDs: Set<UUID>
        /// Each organisation's words with their weights, as the text postings hold them.
        let wordsByID: [UUID: [String: Float]]
        let hubs: [DirectoryIndex.HubChoice]
        let publicCount: Int
        /// Every facet's count over every listed organisation, as a search counts them.
        let facetCounts: [DirectoryIndex.Facet: Int]

        init(_ index: DirectoryIndex) {
            order = index.listingOrder.compactMap { index.id(of: $0) }
            var facetsByID: [UUID: Set<DirectoryIndex.Facet>] = [:]
            var publicIDs = Set<UUID>()
            for entry in index.entries.compactMap({ $0 }) {
                facetsByID[entry.id] = Set(entry.facets.map { index.facets[Int($0)] })
                if entry.isPublic { publicIDs.insert(entry.id) }
            }
            self.facetsByID = facetsByID
            self.publicIDs = publicIDs
            var wordsByID: [UUID: [String: Float]] = [:]
            for (token, hits) in index.textPostings.enumerated() {
                for hit in hits {
                    wordsByID[index.id(of: hit.slot)!, default: [:]][index.tokenText[token]] = hit.weight
                }
            }
            self.wordsByID = wordsByID
            hubs = index.hubs
            publicCount = index.organisationCount(publicOnly: true)
            let counts = index.facetCounts(of: index.listingOrder)
            var facetCounts: [DirectoryIndex.Facet: Int] = [:]
            for (number, count) in counts.enumerated() where count > 0 { facetCounts[index.facets[number]] = count }
            self.facetCounts = facetCounts
        }

        var description: String { "\(order.count) organisations, \(publicIDs.count) public" }
    }

    private func sql(_ app: Application) -> SQLDatabase { app.db as! SQLDatabase }

    private func addOrganisation(_ name: String, on app: Application, visibility: Organisation.Visibility = .public)
        async throws -> Organisation
    {
        let organisation = Organisation(
            slug: Slugs.make(from: name) + "-" + UUID().uuidString.prefix(6).lowercased(), name: name,
            summary: "Work between neighbours.", visibility: visibility)
        try await organisation.create(on: app.db)
        return organisation
    }

    func testAnEditRefreshesThePictureByReadingOnlyWhatChanged() async throws {
        try await withApp { app, counter in
            var organisations: [Organisation] = []
            for number in 1...60 {
                let organisation = try await addOrganisation("Neighbours Forum \(number)", on: app)
                try await OrganisationTerm(organisationID: organisation.id!, vocabulary: .method, code: "dialogue")
                    .create(on: app.db)
                organisations.append(organisation)
            }
            let store = DirectoryIndexStore()
            let before = try await store.index(on: app.db)
            XCTAssertEqual(before.organisationCount(publicOnly: false), 60)

            organisations[7].name = "Aardvark Mediation Circle"
            try await organisations[7].save(on: app.db)
            try await OrganisationTerm(organisationID: organisations[7].id!, vocabulary: .method, code: "mediation")
                .create(on: app.db)
            counter.reset()
            let after = try await store.index(on: app.db)
            let refreshQueries = counter.value

            XCTAssertEqual(after.listingOrder.first.flatMap { after.id(of: $0) }, organisations[7].id)
            let fresh = try await DirectoryIndexLoader.full(sql(app))
            XCTAssertEqual(Seen(after), Seen(fresh))
            // The generation, the log, the prune check, then the changed organisation's four tables.
            XCTAssertLessThanOrEqual(refreshQueries, 7, "one changed organisation costs a handful of small queries")
            let state = try await DirectoryIndexLoader.state(sql(app))
            XCTAssertEqual(after.generation, state.generation)
        }
    }

    func testManyRandomEditsLeaveThePictureExactlyAsAFreshReadWouldSeeIt() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            // Seeded, so a failing sequence of edits can be replayed.
            var generator = SplitMix64(seed: 20_261_206)
            var organisations: [Organisation] = []
            for number in 1...25 {
                organisations.append(
                    try await addOrganisation(
                        "Bridge \(number)", on: app, visibility: number.isMultiple(of: 3) ? .members : .public))
            }
            let store = DirectoryIndexStore()
            _ = try await store.index(on: app.db)
            let words = ["Zebra", "apple", "Émile", "bridge", "Common", "oak", "Oak"]
            let methods = Vocabulary.method.terms.map(\.code)
            for step in 0..<120 {
                let target = organisations[Int.random(in: 0..<organisations.count, using: &generator)]
                switch Int.random(in: 0..<7, using: &generator) {
                case 0:
                    target.name = words.randomElement(using: &generator)! + " \(step)"
                    target.summary = words.randomElement(using: &generator)! + " work between neighbours"
                    try await target.save(on: app.db)
                case 1:
                    target.visibility = target.visibility == .public ? .members : .public
                    try await target.save(on: app.db)
                case 2:
                    let code = methods.randomElement(using: &generator)!
                    let carried = try await OrganisationTerm.query(on: app.db).filter(
                        \.$organisation.$id == target.id!
                    ).filter(\.$code == code).count()
                    if carried == 0 {
                        try await OrganisationTerm(organisationID: target.id!, vocabulary: .method, code: code).create(
                            on: app.db)
                    }
                case 3:
                    try await OrganisationTerm.query(on: app.db).filter(\.$organisation.$id == target.id!).delete()
                case 4:
                    try await OrganisationHub.query(on: app.db).filter(\.$organisation.$id == target.id!).delete()
                    try await OrganisationHub(organisationID: target.id!, hubID: people.hub.id!, status: .approved)
                        .create(on: app.db)
                case 5:
                    try await target.delete(on: app.db)
                    organisations.removeAll { $0.id == target.id }
                    organisations.append(try await addOrganisation("Newcomer \(step)", on: app))
                default:
                    try await OrganisationArea.query(on: app.db).filter(\.$organisation.$id == target.id!).delete()
                    try await OrganisationArea(organisationID: target.id!, areaCode: "E08000021").create(on: app.db)
                }
                // Refresh after some steps only, so one refresh often covers several changes.
                if Int.random(in: 0..<3, using: &generator) == 0 {
                    let incremental = try await store.index(on: app.db)
                    let fresh = try await DirectoryIndexLoader.full(sql(app))
                    XCTAssertEqual(Seen(incremental), Seen(fresh), "after step \(step)")
                }
            }
            let incremental = try await store.index(on: app.db)
            let fresh = try await DirectoryIndexLoader.full(sql(app))
            XCTAssertEqual(Seen(incremental), Seen(fresh))
            let listed = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(incremental.organisationCount(publicOnly: false), listed)
        }
    }

    func testASecondProcessSeesAnotherProcesssEditInItsVeryNextSearch() async throws {
        try await withApp { app, _ in
            let organisation = try await addOrganisation("Harbour Voices", on: app)
            let first = DirectoryIndexStore()
            let second = DirectoryIndexStore()
            _ = try await first.index(on: app.db)
            _ = try await second.index(on: app.db)
            let theme = Vocabulary.theme.terms[0]
            try await OrganisationTerm(organisationID: organisation.id!, vocabulary: .theme, code: theme.code).create(
                on: app.db)
            for store in [first, second] {
                let index = try await store.index(on: app.db)
                XCTAssertEqual(index.termCounts(.theme, publicOnly: true).first { $0.label == theme.label }?.count, 1)
            }
        }
    }

    func testAHubsNewNameReachesTheHubFilterWithoutReadingOrganisationsAgain() async throws {
        try await withApp { app, counter in
            let people = try await TestPeople.make(on: app)
            let store = DirectoryIndexStore()
            _ = try await store.index(on: app.db)
            people.hub.name = "Riverside and Docks"
            try await people.hub.save(on: app.db)
            counter.reset()
            let index = try await store.index(on: app.db)
            XCTAssertTrue(index.hubs.contains { $0.name == "Riverside and Docks" })
            XCTAssertLessThanOrEqual(counter.value, 4, "the generation, the log, the prune check and the hubs")
        }
    }

    func testAProcessFurtherBehindThanTheKeptLogReadsEverythingAgainAndIsRight() async throws {
        try await withApp { app, _ in
            let organisation = try await addOrganisation("Lantern Project", on: app)
            let store = DirectoryIndexStore()
            let old = try await store.index(on: app.db)
            for number in 1...5 {
                organisation.name = "Lantern Project \(number)"
                try await organisation.save(on: app.db)
            }
            let state = try await DirectoryIndexLoader.state(sql(app))
            try await DirectoryIndexLoader.prune(keeping: 1, state, sql(app))
            let remaining = try await sql(app).raw(
                "SELECT COUNT(*) AS n FROM directory_changes WHERE generation <= \(bind: old.generation + 1)"
            ).first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(remaining, 0, "the rows the old picture needs are gone")

            let refreshed = try await DirectoryIndexLoader.refreshed(
                old, to: try await DirectoryIndexLoader.state(sql(app)), sql(app))
            let fresh = try await DirectoryIndexLoader.full(sql(app))
            XCTAssertEqual(Seen(refreshed), Seen(fresh))
            XCTAssertEqual(refreshed.entries.compactMap { $0 }.first?.id, organisation.id)
        }
    }

    func testListingOrderIgnoresCapitalsAndAccents() async throws {
        try await withApp { app, _ in
            for name in ["zinc Works", "Émile's Café", "apple Tree", "Bakers"] {
                _ = try await addOrganisation(name, on: app)
            }
            let index = try await DirectoryIndexLoader.full(sql(app))
            let names = try await Organisation.query(on: app.db).all()
            let nameByID = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, $0.name) })
            XCTAssertEqual(
                index.listingOrder.compactMap { index.id(of: $0) }.map { nameByID[$0]! },
                ["apple Tree", "Bakers", "Émile's Café", "zinc Works"])
        }
    }

    func testThousandsOfEditsToOneOrganisationKeepItsCountsRightAsSpaceIsReclaimed() {
        let ids = (0..<50).map { _ in UUID() }
        func facts(_ number: Int, step: Int) -> DirectoryIndex.Facts {
            var facts = DirectoryIndex.Facts(id: ids[number], name: "Group \(number)", isPublic: true)
            let methods = Vocabulary.method.terms.map(\.code)
            facts.facets = (0..<4).map { .term(.method, methods[(number + step + $0) % methods.count]) }
            return facts
        }
        var index = DirectoryIndex(
            generation: 1, organisations: (0..<50).map { facts($0, step: 0) }, hubs: [])
        for step in 1...3_000 {
            index.replace([(ids[7], facts(7, step: step))])
        }
        index.replace([(ids[8], nil)])
        let counts = index.facetCounts(of: index.listingOrder)
        var expected = [Int](repeating: 0, count: index.facets.count)
        for number in 0..<50 where number != 8 {
            let step = number == 7 ? 3_000 : 0
            for facet in facts(number, step: step).facets { expected[Int(index.facetNumber[facet]!)] += 1 }
        }
        XCTAssertEqual(counts, expected)
        XCTAssertEqual(index.listingOrder.count, 49)
    }
}
