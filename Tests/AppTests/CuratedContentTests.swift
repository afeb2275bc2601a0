import Fluent
import Vapor
import XCTVapor

@testable import App

/// The practice bank, narratives and the library.
final class CuratedContentTests: XCTestCase {
    private let caseStudyForm = [
        "title": "Cricket that crossed the city", "summary": "An interfaith league in Leeds.",
        "context": "Two neighbourhoods a mile apart.", "challenge": "The young people had never met.",
        "approach": "A shared league with **facilitated** talks after each match.", "outcome": "Friendships lasted.",
        "evidence": "Surveys before and after.", "contact": "Through the Leeds hub.",
        "work[]": "common-purpose", "methods[]": "sport",
    ]

    func testTheNationalTeamAddsACaseStudyAndMembersKeepItOnTheirList() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let created = try await coordinator.post("/practice/new", form: caseStudyForm)
            XCTAssertEqual(created.status, .seeOther)
            let path = try XCTUnwrap(created.location?.components(separatedBy: "?").first)

            let visitor = TestClient(app)
            let page = try await visitor.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("<strong>facilitated</strong>"))
            XCTAssertTrue(page.text.contains("Evidence of difference"))
            XCTAssertFalse(page.text.contains("Save to your list"), "visitors have no list")
            let filtered = try await visitor.get("/practice?method=sport")
            XCTAssertTrue(filtered.text.contains("Cricket that crossed the city"))
            let other = try await visitor.get("/practice?method=arts")
            XCTAssertFalse(other.text.contains("Cricket that crossed the city"))

            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let refused = try await member.post("/practice/new", form: caseStudyForm).status
            XCTAssertEqual(refused, .forbidden, "members read the bank; the national team writes it")
            _ = try await member.post(path + "/save")
            let saved = try await member.get("/account/saved")
            XCTAssertTrue(saved.text.contains("Cricket that crossed the city"))
            _ = try await member.post(path + "/save")
            let unsaved = try await member.get("/account/saved")
            XCTAssertFalse(unsaved.text.contains("Cricket that crossed the city"))
        }
    }

    func testACaseStudyMissingItsPartsIsExplainedAndKept() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            var form = caseStudyForm
            form["evidence"] = ""
            form["organisation"] = "nobody-of-that-name"
            let page = try await coordinator.post("/practice/new", form: form)
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Enter the evidence of difference"))
            XCTAssertTrue(page.text.contains("organisation in the directory"))
            XCTAssertTrue(page.text.contains("A shared league with **facilitated** talks"), "what was typed is kept")
        }
    }

    private func narrative(on app: Application) async throws -> Narrative {
        try await TestContent.narrative(on: app)
    }

    func testHubMembersReportSightingsThatOnlyMembersReadAndNeverContactDetails() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            _ = try await narrative(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let withPhone = try await steward.post(
                "/narratives/strivers/sightings",
                form: [
                    "hub": people.hub.slug, "seen_on": "2026-03-02", "place": "Market square",
                    "note": "Leaflets said call 07700 900123 to report neighbours.",
                ])
            XCTAssertEqual(withPhone.status, .unprocessableEntity)
            XCTAssertTrue(withPhone.text.contains("never identify anyone"))
            XCTAssertTrue(withPhone.text.contains("Market square"), "what was typed is kept")
            let wrongHub = try await steward.post(
                "/narratives/strivers/sightings",
                form: [
                    "hub": people.otherHub.slug, "seen_on": "2026-03-02", "place": "Market square", "note": "Leaflets.",
                ])
            XCTAssertTrue(wrongHub.text.contains("Choose one of your hubs"))
            let added = try await steward.post(
                "/narratives/strivers/sightings",
                form: [
                    "hub": people.hub.slug, "seen_on": "2026-03-02", "place": "Market square",
                    "note": "Leaflets blaming claimants for the bus cuts.",
                ])
            XCTAssertEqual(added.status, .seeOther)

            let visitor = try await TestClient(app).get("/narratives/strivers")
            XCTAssertTrue(visitor.text.contains("Members of these hubs have reported meeting it locally: Riverside"))
            XCTAssertFalse(visitor.text.contains("bus cuts"), "visitors see which hubs, not what was seen")
            let api = try await TestClient(app).get("/api/v1/narratives/strivers")
            XCTAssertFalse(api.text.contains("bus cuts"))
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let memberPage = try await member.get("/narratives/strivers")
            XCTAssertTrue(memberPage.text.contains("bus cuts"))
            XCTAssertFalse(
                memberPage.text.contains(#"value="\#(people.hub.slug)""#),
                "members report sightings only in their own hubs")
            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            let registeredPage = try await registered.get("/narratives/strivers")
            XCTAssertFalse(
                registeredPage.text.contains("bus cuts"), "an account no hub has approved sees what a visitor sees")
        }
    }

    func testLibraryLinksMustBeWebAddressesAndDOIsMustLookLikeDOIs() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let bad = try await coordinator.post(
                "/library/new",
                form: [
                    "title": "Contact theory", "kind": "research", "summary": "A review.",
                    "link": "javascript:alert(1)", "doi": "doi:10/abc",
                ])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.text.contains("Enter a web address starting with https://"))
            XCTAssertTrue(bad.text.contains("Enter a DOI like"))
            let good = try await coordinator.post(
                "/library/new",
                form: [
                    "title": "Contact theory", "kind": "research", "summary": "A review.",
                    "link": "https://example.org/paper", "doi": "10.1037/0022-3514.90.5.751", "methods[]": "research",
                ])
            XCTAssertEqual(good.status, .seeOther)
            let page = try await TestClient(app).get("/library/contact-theory")
            XCTAssertTrue(page.text.contains(#"href="https://doi.org/10.1037/0022-3514.90.5.751""#))
            let filtered = try await TestClient(app).get("/library?kind=research&method=research")
            XCTAssertTrue(filtered.text.contains("Contact theory"))
            let api = try await TestClient(app).get("/api/v1/resources")
            XCTAssertTrue(
                api.text.contains(#""doi":"10.1037\/0022-3514.90.5.751""#)
                    || api.text.contains(#""doi":"10.1037/0022-3514.90.5.751""#))
        }
    }

    func testTheIndicatorLibraryKeepsTheOfficialWordingAndNationalFigures() async throws {
        try await withApp { app, _ in
            let page = try await TestClient(app).get("/impact/indicators")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.text.contains(
                    "To what extent do you agree or disagree that this local area is a place where people from different backgrounds get on well together?"
                ))
            XCTAssertTrue(page.text.contains("83% (2020/21)"))
            XCTAssertTrue(page.text.contains("62% (2024/25)"))
            XCTAssertEqual(IndicatorCatalogue.all.count, 14)
            XCTAssertEqual(
                Set(IndicatorCatalogue.all.filter(\.lowerIsBetter).map(\.code)), ["ANXIETY"],
                "matches the analysis's own list")
        }
    }

    func testTheDemoHasTheReportsCaseStudiesNarrativesAndMethods() async throws {
        try await withApp { app, _ in
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: 4) })
            let practice = try await TestClient(app).get("/practice")
            XCTAssertTrue(practice.text.contains("\(DemoContent.caseStudies.count) case studies"))
            XCTAssertEqual(DemoContent.caseStudies.count, 11, "the report presents eleven case studies")
            let narratives = try await TestClient(app).get("/narratives")
            XCTAssertEqual(narratives.status, .ok)
            let narrativeCount = try await Narrative.query(on: app.db).count()
            XCTAssertEqual(narrativeCount, 4)
            let library = try await TestClient(app).get("/library?kind=training")
            XCTAssertTrue(
                library.text.contains("Alternatives to Violence") || library.text.contains("Alternatives To Violence"))
            let stories = try await TestClient(app).get("/stories")
            XCTAssertTrue(stories.text.contains("5 stories"), "five published demo stories")
            let waiting = try await Story.query(on: app.db).filter(\.$status == .submitted).count()
            XCTAssertEqual(waiting, 1, "one demo story waits for review")
        }
    }
}
