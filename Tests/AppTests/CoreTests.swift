import NIOConcurrencyHelpers
import Plot
import Vapor
import XCTest

@testable import App

/// Core's shared pieces, each checked on its own.
final class CoreTests: XCTestCase {
    func testAnAddressPatternFillsItsParametersAndNamesThemForTheRouter() {
        XCTAssertEqual(SiteURL.event("harvest-supper").path, "/events/harvest-supper")
        XCTAssertEqual(SiteURL.event.routeComponents.map(\.description), ["events", ":eventSlug"])
        XCTAssertEqual(SiteURL.eventCalendar("harvest-supper").path, "/events/harvest-supper.ics")
        let id = UUID(uuidString: "0F2D8C8E-4B4F-4C59-9A51-0D3C6A3B0C11")!
        XCTAssertEqual(
            SiteURL.withdrawConsent("a-story", id).path,
            "/stories/a-story/consents/0f2d8c8e-4b4f-4c59-9a51-0d3c6a3b0c11/withdraw")
        XCTAssertEqual(SiteURL.events.routeComponents.map(\.description), ["events"])
    }

    func testEveryNoticeKeyIsKnownOnceAndAnUnknownKeyShowsNothing() {
        let catalogue = PageContexts.notices
        XCTAssertGreaterThan(catalogue.count, 50)
        XCTAssertNil(catalogue.notice(forKey: "Your account has been closed: call 0900 000 000"))
        XCTAssertNil(catalogue.notice(forKey: nil))
    }

    func testTheNavigationShowsMembersAndCoordinatorLinksOnlyAsThePolicyAllows() {
        func texts(_ user: CurrentUser?) -> [String] { PageContexts.navigation(for: user).flatMap(\.links).map(\.text) }
        let registered = CurrentUser(
            id: UUID(), name: "R", email: "r@example.org", isCoordinator: false, stewardOfHubs: [],
            memberOfHubs: [], adminOfOrganisations: [], memberOfOrganisations: [], hubsThroughOrganisations: [])
        let member = CurrentUser(
            id: UUID(), name: "M", email: "m@example.org", isCoordinator: false, stewardOfHubs: [],
            memberOfHubs: [UUID()], adminOfOrganisations: [], memberOfOrganisations: [],
            hubsThroughOrganisations: [])
        let coordinator = CurrentUser(
            id: UUID(), name: "C", email: "c@example.org", isCoordinator: true, stewardOfHubs: [],
            memberOfHubs: [], adminOfOrganisations: [], memberOfOrganisations: [], hubsThroughOrganisations: [])
        XCTAssertFalse(texts(nil).contains("Practitioners"))
        XCTAssertFalse(texts(registered).contains("Peer support"))
        XCTAssertTrue(texts(member).contains("Practitioners"))
        XCTAssertTrue(texts(member).contains("Peer support"))
        XCTAssertFalse(texts(member).contains("Outbox"))
        let organisationMember = CurrentUser(
            id: UUID(), name: "O", email: "o@example.org", isCoordinator: false, stewardOfHubs: [],
            memberOfHubs: [], adminOfOrganisations: [], memberOfOrganisations: [UUID()], hubsThroughOrganisations: [])
        XCTAssertTrue(
            texts(organisationMember).contains("Impact"), "people who belong to an organisation measure impact")
        XCTAssertFalse(texts(member).contains("Impact"), "a member of no organisation has no projects to measure")
        XCTAssertFalse(texts(nil).contains("Impact"))
        XCTAssertTrue(texts(coordinator).contains("Accounts"))
        XCTAssertTrue(texts(coordinator).contains("Outbox"))
        XCTAssertTrue(texts(coordinator).contains("Add a hub"))
        XCTAssertFalse(texts(organisationMember).contains("Add a hub"))
        for user in [nil, registered, member, organisationMember, coordinator] {
            XCTAssertLessThanOrEqual(
                PageContexts.navigation(for: user).count, 6, "the top bar holds at most six entries for everyone")
        }
        let coordinatorBar = PageContexts.navigation(for: coordinator)
        XCTAssertEqual(coordinatorBar.map(\.text), ["Stories", "Practice", "Directory", "Events", "Hubs", "Manage"])
        XCTAssertEqual(
            PageContexts.navigation(for: nil).map(\.text), ["Stories", "Practice", "Organisations", "Events", "Hubs"],
            "a group a visitor would see with one link in it is that link")
    }

    func testStructuredDataIsJSONThatNoTextCanEndTheScriptOf() throws {
        let script = JSONLD.script([
            "@type": "Event", "name": "Tea </script><script>alert(1)</script> & talk", "capacity": 12,
            "free": true, "location": ["@type": "Place", "name": "Hall"],
            "areas": [["name": "Leeds"], ["name": "York"]],
        ])
        XCTAssertTrue(script.hasPrefix("<script type=\"application/ld+json\">"))
        XCTAssertFalse(script.dropFirst().contains("<script"), "no markup survives inside the JSON")
        let json = String(script.dropFirst("<script type=\"application/ld+json\">".count).dropLast("</script>".count))
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["name"] as? String, "Tea </script><script>alert(1)</script> & talk")
        XCTAssertEqual(parsed["capacity"] as? Int, 12)
        XCTAssertEqual(parsed["free"] as? Bool, true)
        XCTAssertEqual((parsed["location"] as? [String: Any])?["name"] as? String, "Hall")
        XCTAssertEqual((parsed["areas"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Leeds", "York"])
        XCTAssertTrue(json.hasPrefix(#"{"@type":"Event","areas""#), "keys are sorted, so the output is stable")
    }

    func testAFormIsReadThroughTheCleaningReader() {
        let form = FormInput(
            fields: ["name": "  Lakeside\u{0007} Hub \n", "about": "one\r\ntwo\u{FFFE}"],
            lists: ["work": [" mediation ", "dialogue\u{0000}"]])
        XCTAssertEqual(form.text("name"), "Lakeside Hub")
        XCTAssertEqual(form.text("about", keepNewlines: true), "one\ntwo")
        XCTAssertEqual(form.text("missing"), "")
        XCTAssertEqual(form.set("work"), ["mediation", "dialogue"])
        XCTAssertEqual(FormInput(fields: ["password": " secret "]).password("password"), " secret ")
    }

    func testCSVCellsASpreadsheetWouldRunAsAFormulaAreDefused() {
        XCTAssertEqual(CSV.safeCell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")")
        XCTAssertEqual(CSV.safeCell("-3"), "-3")
        XCTAssertEqual(CSV.rows("a,\"b,c\"\r\n\"d\"\"e\",f"), [["a", "b,c"], ["d\"e", "f"]])
    }

    func testUKTimeIsLondonTimeAcrossTheClockChange() {
        let summer = ISO8601DateFormatter().date(from: "2026-07-01T23:30:00Z")!
        XCTAssertEqual(UKDate.string(from: summer), "2026-07-02")
        let winter = ISO8601DateFormatter().date(from: "2026-12-01T23:30:00Z")!
        XCTAssertEqual(UKDate.string(from: winter), "2026-12-01")
    }

    private func at(_ text: String) throws -> Date {
        try XCTUnwrap(ISO8601DateFormatter().date(from: text))
    }

    func testDaysAndMonthsAreWrittenInFullInUKTimeAndMachineDatesCarryTheirOffset() throws {
        // 23:30 UTC on the last day of June is already 1 July in London.
        XCTAssertEqual(DisplayDate.day(try at("2026-06-30T23:30:00Z")), "1 July 2026")
        XCTAssertEqual(DisplayDate.weekdayDay(try at("2026-06-30T23:30:00Z")), "Wednesday 1 July 2026")
        XCTAssertEqual(DisplayDate.day(try at("2026-12-31T23:30:00Z")), "31 December 2026")
        XCTAssertEqual(DisplayDate.weekdayDay(try at("2026-03-01T12:00:00Z")), "Sunday 1 March 2026")
        XCTAssertEqual(DisplayDate.month(try at("2026-01-31T23:59:00Z")), "January 2026")
        XCTAssertEqual(DisplayDate.iso8601InUK(try at("2026-07-14T09:05:07Z")), "2026-07-14T10:05:07+01:00")
        XCTAssertEqual(DisplayDate.iso8601InUK(try at("2026-01-14T09:05:07Z")), "2026-01-14T09:05:07Z")
        XCTAssertEqual(UKWeek.of(try at("2027-01-03T12:00:00Z")), "2026-W53")
        XCTAssertEqual(7.zeroPadded(2), "07")
        XCTAssertEqual(2026.zeroPadded(2), "2026")
    }

    func testBytesAreReplacedOnlyWhereTheyOccurAndOtherTextIsKeptWhole() {
        let swap: (UInt8) -> String? = { $0 == UInt8(ascii: ",") ? "\\," : nil }
        XCTAssertEqual("no commas: café ☕️".replacingASCII(swap), "no commas: café ☕️")
        XCTAssertEqual("tea, café, ☕️,".replacingASCII(swap), "tea\\, café\\, ☕️\\,")
        XCTAssertEqual("<b>Tom & Jerry's</b>".attributeEscaped, "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;")
        XCTAssertEqual("<b>Tom & \"Jerry\"</b>".textEscaped, "&lt;b&gt;Tom &amp; \"Jerry\"&lt;/b&gt;")
    }

    func testTimesReadAsPeopleSayThemInUKTimeWhateverTheSeason() throws {
        // Winter is on GMT, summer an hour ahead.
        XCTAssertEqual(DisplayDate.time(try at("2026-01-12T10:00:00Z")), "10am")
        XCTAssertEqual(DisplayDate.time(try at("2026-07-12T13:30:00Z")), "2:30pm")
        XCTAssertEqual(DisplayDate.time(try at("2026-01-12T12:00:00Z")), "midday")
        XCTAssertEqual(DisplayDate.time(try at("2026-01-12T00:00:00Z")), "midnight")
        XCTAssertEqual(DisplayDate.time(try at("2026-01-12T00:05:00Z")), "12:05am")
        XCTAssertEqual(DisplayDate.dateTime(try at("2026-11-27T19:45:00Z")), "27 November 2026 at 7:45pm")
    }

    func testADateTypedInThreeBoxesIsReadAsOneAndKeptAsTypedWhenItIsNotAReal() {
        func read(_ fields: [String: String]) -> String { FormInput(fields: fields).date("when") }
        XCTAssertEqual(read(["when-day": "7", "when-month": "3", "when-year": "2026"]), "2026-03-07")
        XCTAssertEqual(read(["when-day": " 07 ", "when-month": "03", "when-year": "2026"]), "2026-03-07")
        // Not a real date: kept as typed, so the boxes show it again, and refused by the check.
        XCTAssertEqual(read(["when-day": "31", "when-month": "2", "when-year": "2026"]), "2026-2-31")
        XCTAssertNil(UKDate.validated(read(["when-day": "31", "when-month": "2", "when-year": "2026"])))
        XCTAssertEqual(read(["when-day": "12", "when-month": "", "when-year": "2026"]), "2026--12")
        XCTAssertEqual(read(["when-day": "", "when-month": "", "when-year": ""]), "")
        // A client that sends one field, as the API and older forms do.
        XCTAssertEqual(read(["when": "2026-03-07"]), "2026-03-07")
    }

    func testTheDateBoxesShowWhatWasTypedAndTheErrorBesideThem() {
        var errors = FormErrors()
        errors.add("when", "Enter a real date")
        let html = Forms.dateInput(name: "when", legend: "Date", value: "2026-2-31", errors: errors).render()
        XCTAssertTrue(html.contains("<legend class=\"fieldset__legend\">Date</legend>"), html)
        XCTAssertTrue(html.contains("id=\"when\" name=\"when-day\""), "the error summary's link lands in the day box")
        XCTAssertTrue(html.contains("value=\"31\""))
        XCTAssertTrue(html.contains("name=\"when-month\"") && html.contains("value=\"2\""))
        XCTAssertTrue(html.contains("name=\"when-year\"") && html.contains("value=\"2026\""))
        XCTAssertTrue(html.contains("Enter a real date"))
    }

    func testStylesAndTheScriptAreServedWhateverFolderTheServerStartsIn() async throws {
        let original = FileManager.default.currentDirectoryPath
        let elsewhere = NSTemporaryDirectory()
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(elsewhere))
        defer { FileManager.default.changeCurrentDirectoryPath(original) }
        try await withApp { app, _ in
            let styles = try await TestClient(app).get(SiteURL.stylesheet.path)
            XCTAssertEqual(styles.status, .ok, "started in \(elsewhere)")
            XCTAssertEqual(styles.headers.contentType?.subType, "css")
            XCTAssertTrue(styles.text.contains(".table-wrap"))
            let script = try await TestClient(app).get(SiteURL.script.path)
            XCTAssertEqual(script.status, .ok)
            XCTAssertTrue(script.text.contains("error-summary"))
        }
    }

    func testEachRequestIsLoggedByItsRouteAndStatusNeverItsAddressOrQuery() async throws {
        try await withApp { app, counter in
            _ = try await TestClient(app).get("/email/confirm?token=SECRET123")
            _ = try await TestClient(app).get("/hubs/no-such-hub-here")
            _ = try await TestClient(app).get("/healthz")
            let lines = counter.requests
            XCTAssertTrue(lines.contains { $0.hasPrefix("GET /email/confirm ") }, "\(lines)")
            XCTAssertTrue(lines.contains { $0.hasPrefix("GET /hubs/:hubSlug 404") }, "\(lines)")
            XCTAssertTrue(lines.contains { $0.hasPrefix("GET /healthz 200") && $0.contains("duration_ms=") })
            XCTAssertFalse(lines.joined().contains("SECRET123"), "a token in the address is never logged")
            XCTAssertFalse(lines.joined().contains("no-such-hub-here"), "nor the values in the address")
        }
    }

    func testJSONLogsAreOneObjectALineWithTimeLevelAndRequestFields() throws {
        let lines = NIOLockedValueBox([String]())
        var logger = Logger(label: "test") { label in
            JSONLogHandler(label: label, logLevel: .info) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "abc"
        logger.info("request", metadata: ["route": "/hubs/:hubSlug", "status": "200", "duration_ms": "1.5"])
        logger.debug("too quiet to show")
        let written = lines.withLockedValue { $0 }
        XCTAssertEqual(written.count, 1)
        XCTAssertFalse(written[0].contains("\n"))
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: String])
        XCTAssertEqual(object["message"], "request")
        XCTAssertEqual(object["level"], "info")
        XCTAssertEqual(object["request-id"], "abc")
        XCTAssertEqual(object["route"], "/hubs/:hubSlug")
        XCTAssertEqual(object["status"], "200")
        XCTAssertNotNil(
            object["time"].flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) })
    }

    func testReadinessIsReportedAsJSONWhileTheDatabaseAnswers() async throws {
        try await withApp { app, _ in
            let ready = try await TestClient(app).get("/readyz")
            XCTAssertEqual(ready.status, .ok)
            XCTAssertEqual(ready.headers.contentType?.subType, "json")
            XCTAssertTrue(ready.text.contains("\"ready\":true"))
            XCTAssertTrue(ready.text.contains("\"database\":\"ok\""))
        }
    }

    func testMetricsCountRequestsByRoutePatternForACollectorOnThisMachineOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            _ = try await browser.get("/hubs/\(people.hub.slug)")
            _ = try await browser.get("/hubs/\(people.homeHub.slug)")
            _ = try await browser.get("/no-such-page")
            _ = try await browser.get("/organisations")
            let unaddressed = try await browser.get("/metrics")
            XCTAssertEqual(unaddressed.status, .notFound, "a request with no address of its own is not answered")

            let server = try app.testable(method: .running(hostname: "127.0.0.1", port: 0))
            let scrape = try await server.sendRequest(.GET, "/metrics")
            XCTAssertEqual(scrape.status, .ok)
            XCTAssertEqual(scrape.headers.contentType?.subType, "plain")
            let text = scrape.body.string
            XCTAssertTrue(
                text.contains(#"bridgework_http_requests_total{method="GET",route="/hubs/:hubSlug",status="200"} 2"#),
                "both hub pages count under the route's pattern, never their addresses")
            XCTAssertFalse(text.contains(people.hub.slug), "no address's values reach the metrics")
            XCTAssertTrue(
                text.contains(#"bridgework_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
            XCTAssertTrue(
                text.contains(
                    #"bridgework_http_request_duration_seconds_bucket{method="GET",route="/hubs/:hubSlug",le="+Inf"} 2"#
                ))
            XCTAssertTrue(text.contains("bridgework_database_up 1"))
            XCTAssertTrue(
                text.contains("bridgework_directory_index_age_seconds "), "the directory's page reads the picture")
            XCTAssertTrue(text.contains("bridgework_http_requests_in_flight 1"), "the scrape itself is in flight")

            let forwarded = try await server.sendRequest(.GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
            XCTAssertEqual(forwarded.status, .notFound, "a request forwarded by a proxy is not answered")
        }
    }

    func testAMemoRemembersRecentResultsAndForgetsTheLeastRecentBeyondItsSize() {
        let memo = Memo<String>(capacity: 2)
        var made: [String] = []
        func value(_ key: String) -> String {
            memo.result(for: key) {
                made.append(key)
                return key.uppercased()
            }
        }
        XCTAssertEqual(value("a"), "A")
        XCTAssertEqual(value("a"), "A")
        XCTAssertEqual(made, ["a"], "a second ask is remembered")
        _ = value("b")
        _ = value("c")  // the newer generation was full: a and b become the older one
        _ = value("a")  // still remembered, and brought forward
        _ = value("d")
        _ = value("e")
        _ = value("b")  // b was dropped with the older generation
        XCTAssertEqual(made, ["a", "b", "c", "d", "e", "b"])
    }
}
