import Fluent
import Vapor
import XCTVapor

@testable import App

final class DirectoryTests: XCTestCase {
    /// Three listings: two public, one for members only.
    private func makeListings(on app: Application) async throws -> TestPeople {
        let people = try await TestPeople.make(on: app)
        let dialogue = Organisation(
            slug: "river-dialogue", name: "River Dialogue Project",
            summary: "Safe conversations between long-standing residents and new arrivals.",
            description: "We run monthly mediation circles.")
        let sport = Organisation(
            slug: "common-goal", name: "Common Goal",
            summary: "Football tournaments that bring young people of different faiths together.")
        let hidden = Organisation(
            slug: "quiet-shelter", name: "Quiet Shelter Mediation",
            summary: "Mediation for families under threat; listed for members only.", visibility: .members)
        for organisation in [dialogue, sport, hidden] { try await organisation.create(on: app.db) }
        try await OrganisationTerm(organisationID: dialogue.id!, vocabulary: .method, code: "dialogue").create(
            on: app.db)
        try await OrganisationTerm(organisationID: dialogue.id!, vocabulary: .kindOfWork, code: "mediation").create(
            on: app.db)
        try await OrganisationTerm(organisationID: sport.id!, vocabulary: .method, code: "sport").create(on: app.db)
        try await OrganisationTerm(organisationID: hidden.id!, vocabulary: .method, code: "mediation").create(
            on: app.db)
        try await OrganisationArea(organisationID: dialogue.id!, areaCode: "E08000021").create(on: app.db)
        try await OrganisationHub(organisationID: sport.id!, hubID: people.hub.id!, status: .approved).create(
            on: app.db)
        try await OrganisationHub(organisationID: hidden.id!, hubID: people.hub.id!, status: .approved).create(
            on: app.db)
        return people
    }

    func testSearchFindsOrganisationsByWordsInTheirNameSummaryOrDescriptionEvenPartWords() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let browser = TestClient(app)
            let full = try await browser.get("/organisations?q=football")
            XCTAssertTrue(full.text.contains("Common Goal"))
            XCTAssertFalse(full.text.contains("River Dialogue Project"))
            let partial = try await browser.get("/organisations?q=mediat")
            XCTAssertTrue(partial.text.contains("River Dialogue Project"), "a word begun finds the word")
            XCTAssertTrue(partial.text.contains("1 organisation<"))
        }
    }

    func testAWordFindsOrganisationsTaggedWithItAsWellAsThoseWhoseTextSaysIt() async throws {
        try await withApp { app, _ in
            let people = try await makeListings(on: app)
            let tagged = Organisation(
                slug: "harbour-voices", name: "Harbour Voices",
                summary: "Bringing neighbours back to the table after disputes between streets.")
            try await tagged.create(on: app.db)
            try await OrganisationTerm(organisationID: tagged.id!, vocabulary: .method, code: "mediation").create(
                on: app.db)
            try await OrganisationHub(organisationID: tagged.id!, hubID: people.hub.id!, status: .approved).create(
                on: app.db)
            let browser = TestClient(app)
            let word = try await browser.get("/organisations?q=mediation")
            XCTAssertTrue(
                word.text.contains("Harbour Voices"), "tagged with the mediation method, so found by the word")
            XCTAssertTrue(word.text.contains("River Dialogue Project"), "its own words say mediation")
            XCTAssertTrue(word.text.contains("2 organisations<"))
            let inHub = try await browser.get("/organisations?q=mediation&hub=riverside")
            XCTAssertTrue(inHub.text.contains("Harbour Voices"))
            XCTAssertFalse(inHub.text.contains("River Dialogue Project"), "not in the Riverside hub")
            let twoWords = try await browser.get("/organisations?q=mediation+harbour")
            XCTAssertTrue(twoWords.text.contains("Harbour Voices"), "one word by its tag, one by its name")
            XCTAssertTrue(twoWords.text.contains("1 organisation<"))
            let neither = try await browser.get("/organisations?q=mediation+football")
            XCTAssertTrue(neither.text.contains("0 organisations<"), "every word must match")
            let api = try await browser.get("/api/v1/organisations?q=mediation")
            XCTAssertTrue(api.text.contains("harbour-voices"), "the API searches the same way")
        }
    }

    func testFiltersNarrowTheResultsAndShowHowManyEachChoiceWouldFind() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let page = try await TestClient(app).get("/organisations?method=sport")
            XCTAssertTrue(page.text.contains("Common Goal"))
            XCTAssertFalse(page.text.contains("River Dialogue Project"))
            XCTAssertTrue(page.text.contains("Sport (1)"))
            XCTAssertTrue(
                page.text.contains("<option value>Any</option>"), "choosing Any sends an empty value, not the word")
            let byArea = try await TestClient(app).get("/organisations?area=E08000021")
            XCTAssertTrue(byArea.text.contains("River Dialogue Project"))
            XCTAssertTrue(byArea.text.contains("Newcastle upon Tyne (1)"))
            let byHub = try await TestClient(app).get("/organisations?hub=riverside")
            XCTAssertTrue(byHub.text.contains("Common Goal"))
            XCTAssertFalse(byHub.text.contains("River Dialogue Project"))
        }
    }

    func testASearchWithNoMatchesSaysWhatToTryNext() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let page = try await TestClient(app).get("/organisations?q=zzzqqq&method=sport")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("No organisations match this search."))
            XCTAssertTrue(page.text.contains("remove a filter"))
        }
    }

    func testWordsAreFoundWhateverTheirCapitalsAndAccentsAndANameMatchComesFirst() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let cafe = Organisation(
                slug: "cafe-conversations", name: "Café Conversations",
                summary: "A weekly table where neighbours meet.")
            let mentions = Organisation(
                slug: "neighbourhood-forum", name: "Neighbourhood Forum",
                summary: "Meets monthly.", description: "We started in a cafe near the station.")
            for organisation in [mentions, cafe] { try await organisation.create(on: app.db) }
            let page = try await TestClient(app).get("/organisations?q=CAFE")
            XCTAssertTrue(page.text.contains("2 organisations"), "café and cafe are one word")
            let named = try XCTUnwrap(page.text.range(of: "Café Conversations"))
            let described = try XCTUnwrap(page.text.range(of: "Neighbourhood Forum"))
            XCTAssertLessThan(
                named.lowerBound, described.lowerBound, "a match in the name ranks above one in the description")
            let plural = try await TestClient(app).get("/organisations?q=conversations%20neighbours")
            XCTAssertTrue(plural.text.contains("1 organisation"), "every word must match")
        }
    }

    func testSearchSyntaxInTheQueryIsTreatedAsPlainWords() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            for query in [
                #"%22%29%20OR%20*"#, "NEAR(a%20b)", "a%3A*%20%26%20!", "%27%3B%20DROP%20TABLE%20organisations%3B--",
            ] {
                let page = try await TestClient(app).get("/organisations?q=\(query)")
                XCTAssertEqual(page.status, .ok, query)
            }
            let value1 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(value1, 5, "nothing was dropped")
        }
    }

    func testMembersOnlyListingsNeverReachVisitors() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let visitor = TestClient(app)
            let search = try await visitor.get("/organisations?q=mediation")
            XCTAssertFalse(search.text.contains("Quiet Shelter"))
            XCTAssertFalse(search.text.contains("Mediation (1)") && search.text.contains("quiet-shelter"))
            let page = try await visitor.get("/organisations/quiet-shelter")
            XCTAssertEqual(page.status, .notFound, "its existence is not revealed")
            let hub = try await visitor.get("/hubs/riverside")
            XCTAssertFalse(hub.text.contains("Quiet Shelter"))
            let hubs = try await visitor.get("/hubs")
            XCTAssertTrue(hubs.text.contains("1 organisation"), "counts leave it out too")

            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let memberSearch = try await member.get("/organisations?q=mediation")
            XCTAssertTrue(memberSearch.text.contains("Quiet Shelter"))
            XCTAssertTrue(memberSearch.text.contains("Visible to alliance members only"))
            let value2 = try await member.get("/organisations/quiet-shelter").status
            XCTAssertEqual(value2, .ok)
        }
    }

    func testARepeatedSearchShowsEveryChangeToTheDirectoryAtOnce() async throws {
        try await withApp { app, _ in
            let people = try await makeListings(on: app)
            let visitor = TestClient(app)
            let before = try await visitor.get("/organisations?q=mediation&hub=\(people.hub.slug)")
            XCTAssertTrue(
                before.text.contains("0 organisations"), "the members-only listing stays hidden from visitors")

            let hidden = try await Organisation.query(on: app.db).filter(\.$slug == "quiet-shelter").first()!
            hidden.visibility = .public
            hidden.name = "Quiet Harbour Mediation"
            try await hidden.save(on: app.db)
            let afterPublishing = try await visitor.get("/organisations?q=mediation&hub=\(people.hub.slug)")
            XCTAssertTrue(afterPublishing.text.contains("Quiet Harbour Mediation"))

            try await OrganisationHub.query(on: app.db).filter(\.$organisation.$id == hidden.id!).delete()
            let afterLeaving = try await visitor.get("/organisations?q=mediation&hub=\(people.hub.slug)")
            XCTAssertFalse(
                afterLeaving.text.contains("Quiet Harbour Mediation"),
                "leaving the hub takes it out of the hub's results")

            try await hidden.delete(on: app.db)
            let afterDeleting = try await visitor.get("/organisations?q=mediation")
            XCTAssertFalse(afterDeleting.text.contains("Quiet Harbour Mediation"))
        }
    }

    func testTheSearchPageRunsABoundedNumberOfQueriesHoweverManyResults() async throws {
        try await withApp { app, counter in
            _ = try await makeListings(on: app)
            let browser = TestClient(app)
            counter.reset()
            _ = try await browser.get("/organisations?q=common")
            let firstAfterAChange = counter.value
            counter.reset()
            _ = try await browser.get("/organisations?q=common")
            let few = counter.value
            for number in 1...45 {
                let organisation = Organisation(
                    slug: "common-\(number)", name: "Common Ground \(number)", summary: "Another common project.")
                try await organisation.create(on: app.db)
                try await OrganisationTerm(organisationID: organisation.id!, vocabulary: .method, code: "arts").create(
                    on: app.db)
            }
            counter.reset()
            let page = try await browser.get("/organisations?q=common")
            XCTAssertTrue(page.text.contains("Page 1 of 3"), "a change to the directory shows in the very next search")
            XCTAssertEqual(
                counter.value, firstAfterAChange,
                "rebuilding the filter picture costs the same few queries however large the directory")
            counter.reset()
            _ = try await browser.get("/organisations?q=common&page=2&method=arts")
            XCTAssertLessThanOrEqual(counter.value, few + 1, "a new search adds only its word match")
            counter.reset()
            _ = try await browser.get("/organisations?q=common&page=3&method=arts")
            XCTAssertEqual(counter.value, few, "paging reuses the search's matches")
            XCTAssertLessThanOrEqual(counter.value, 5)
        }
    }

    func testAnOrganisationPageDescribesItsWorkWithSchemaOrgData() async throws {
        try await withApp { app, _ in
            _ = try await makeListings(on: app)
            let page = try await TestClient(app).get("/organisations/river-dialogue")
            XCTAssertEqual(page.heading, "River Dialogue Project")
            XCTAssertTrue(page.text.contains("Tackling tensions through mediation and dialogue"))
            XCTAssertTrue(page.text.contains("Newcastle upon Tyne"))
            let script = try XCTUnwrap(page.text.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/))
            let json = try JSONSerialization.jsonObject(with: Data(String(script.1).utf8)) as? [String: Any]
            XCTAssertEqual(json?["@type"] as? String, "Organization")
            XCTAssertEqual(json?["name"] as? String, "River Dialogue Project")
        }
    }

    func testAnOrganisationPageListsOnlyTheHubsThatApprovedItAndItsProjectsReports() async throws {
        try await withApp { app, _ in
            let people = try await makeListings(on: app)
            let found = try await Organisation.query(on: app.db).filter(\.$slug == "common-goal").first()
            let sport = try XCTUnwrap(found)
            let pending = try XCTUnwrap(people.otherHub.id)
            try await OrganisationHub(organisationID: try sport.requireID(), hubID: pending, status: .pending).create(
                on: app.db)
            try await TestContent.project("Goals together", slug: "goals-together", of: sport, on: app)
            let page = try await TestClient(app).get("/organisations/common-goal")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<a href="/hubs/riverside">Riverside</a>"#), page.text)
            XCTAssertFalse(page.text.contains("/hubs/hillside"), "a hub still deciding is not named")
            XCTAssertTrue(page.text.contains("Goals together: public report"))
            XCTAssertTrue(page.text.contains("<li>Sport</li>"), "its method is described")
        }
    }

    func testAMemberCanAddAnOrganisationAndBecomesItsAdmin() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let created = try await browser.send(
                .POST, "/organisations/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: [
                        "csrf_token=\(try await browser.csrfToken())", "name=Bridges%20%26%20Ladders",
                        "summary=Peer%20mediation%20in%20schools.",
                        "work[]=mediation", "work[]=capacity", "method[]=mediation", "area[]=E08000021",
                        "hub[]=\(people.hub.slug)", "hub[]=\(people.otherHub.slug)",
                        "website=https%3A%2F%2Fbridges.example.org", "visibility=public",
                    ].joined(separator: "&")))
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.location, "/organisations/bridges-ladders?notice=organisation-created")
            let value3 = try await Organisation.query(on: app.db).filter(\.$slug == "bridges-ladders").first()
            let organisation = try XCTUnwrap(value3)
            let terms = try await OrganisationTerm.query(on: app.db).filter(\.$organisation.$id == organisation.id!)
                .all().map { "\($0.vocabulary):\($0.code)" }.sorted()
            XCTAssertEqual(terms, ["method:mediation", "work:capacity", "work:mediation"])
            // Hubs that join by approval hold the request for a steward.
            let statuses = try await OrganisationHub.query(on: app.db).filter(\.$organisation.$id == organisation.id!)
                .all().map(\.status.rawValue)
            XCTAssertEqual(statuses, ["pending", "pending"])
            let edit = try await browser.get("/organisations/bridges-ladders/edit")
            XCTAssertEqual(edit.status, .ok, "the creator administers it")
            XCTAssertTrue(edit.text.contains(#"value="mediation" checked"#))
        }
    }

    func testOrganisationFormMistakesAreExplainedAndNothingTypedIsLost() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let response = try await browser.post(
                "/organisations/new",
                form: [
                    "name": "", "summary": "We do a lot", "website": "bridges.example", "contact_email": "nope",
                    "description": "Kept text",
                ])
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertTrue(response.text.contains(##"<a href="#name">Enter the organisation's name</a>"##))
            XCTAssertTrue(response.text.contains("Enter a website address starting with http:// or https://"))
            XCTAssertTrue(response.text.contains("Enter a contact email address in the correct format"))
            XCTAssertTrue(response.text.contains(#"value="bridges.example""#))
            XCTAssertTrue(response.text.contains(">Kept text</textarea>"))
            let value4 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(value4, 2)
        }
    }

    func testOnlyTheOrganisationsAdminsAndCoordinatorsCanEditIt() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let path = "/organisations/\(people.organisation.slug)/edit"
            let otherAdmin = TestClient(app)
            try await otherAdmin.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let value5 = try await otherAdmin.post(
                path, form: ["name": "Taken over", "summary": "x", "visibility": "public"]
            ).status
            XCTAssertEqual(value5, .forbidden)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let value6 = try await admin.post(
                path, form: ["name": "Bridge Builders North", "summary": "Renamed.", "visibility": "members"]
            ).status
            XCTAssertEqual(value6, .seeOther)
            let reloaded = try await Organisation.find(people.organisation.id, on: app.db)
            XCTAssertEqual(reloaded?.name, "Bridge Builders North")
            XCTAssertEqual(reloaded?.visibility.rawValue, "members")
            let value7 = try await AuditEntry.query(on: app.db).filter(\.$action == "organisation-updated").count()
            XCTAssertEqual(value7, 1)
        }
    }

    func testTheHubsPageMapsEveryCouncilAreaAndSaysWhichHubServesIt() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await HubArea(hubID: people.hub.id!, areaCode: "E08000021").create(on: app.db)
            let page = try await TestClient(app).get("/hubs")
            XCTAssertEqual(page.text.components(separatedBy: "<circle").count - 1, LocalAuthorities.all.count)
            XCTAssertTrue(page.text.contains("<title>Newcastle upon Tyne: Riverside</title>"))
            XCTAssertTrue(page.text.contains("Hubs serve 1 of England's \(LocalAuthorities.all.count) council areas"))
            XCTAssertGreaterThan(LocalAuthorities.all.count, 290)
        }
    }

    func testSlugsAreReadableAndUnique() {
        XCTAssertEqual(Slugs.make(from: "Who Is Your Neighbour?"), "who-is-your-neighbour")
        XCTAssertEqual(Slugs.make(from: "Café Ünïty & Co."), "cafe-unity-co")
        XCTAssertEqual(Slugs.make(from: "!!!"), "organisation")
    }
}
