import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// The sums the analysis pages read are kept as answers arrive; whatever order answers come in,
/// and however many at once, they must equal the sums worked out from every answer.
final class SurveyTalliesTests: XCTestCase {
    /// A project measuring confidence and mixing, with surveys of the given modes opened through
    /// the site, as an organisation's admin would.
    private func project(_ app: Application, surveys: [(title: String, mode: String)]) async throws -> (
        admin: TestClient, project: Project, surveys: [Survey]
    ) {
        _ = try await TestPeople.make(on: app)
        let admin = TestClient(app)
        try await admin.signIn(TestPeople.Role.organisationAdmin.email)
        let created = try await admin.post(
            "/impact/projects/new",
            form: [
                "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                "kind_of_work": "common-purpose", "activities": "Tournaments",
            ])
        XCTAssertEqual(created.status, .seeOther, created.text)
        let outcome = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes",
            form: ["description": "Ease", "indicators[]": "CONFIDENCE"])
        XCTAssertEqual(outcome.status, .seeOther, outcome.text)
        let mixing = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes",
            form: ["description": "Mixing", "indicators[]": "MIXING"])
        XCTAssertEqual(mixing.status, .seeOther, mixing.text)
        for survey in surveys {
            try await openSurvey(admin, title: survey.title, mode: survey.mode)
        }
        let found = try await Project.query(on: app.db).filter(\.$slug == "goals-not-walls").first()
        let project = try XCTUnwrap(found)
        return (admin, project, try await project.surveys(on: app.db))
    }

    private func openSurvey(_ admin: TestClient, title: String, mode: String) async throws {
        let opened = try await admin.post(
            "/impact/projects/goals-not-walls/surveys",
            form: ["survey_title": title, "mode": mode, "survey_indicators[]": "CONFIDENCE"])
        XCTAssertEqual(opened.status, .seeOther, opened.text)
    }

    /// Every kept sum of the database, one line each, in a fixed order.
    private func keptSums(_ app: Application) async throws -> [String] {
        let sql = try XCTUnwrap(app.db as? SQLDatabase)
        let pairs = try await sql.raw(
            """
            SELECT scope_id, item, has_before, before_value, has_after, after_value, has_then, then_value, people
            FROM survey_pair_tallies WHERE people <> 0
            """
        ).all()
        let counts = try await sql.raw(
            "SELECT survey_id, item, part, value, people FROM survey_answer_counts WHERE people <> 0"
        ).all()
        var lines: [String] = []
        for row in pairs {
            let fields = try [
                row.decode(column: "scope_id", as: UUID.self).uuidString, row.decode(column: "item", as: String.self),
                "\(try row.decode(column: "has_before", as: Int.self)):\(try row.decode(column: "before_value", as: Double.self))",
                "\(try row.decode(column: "has_after", as: Int.self)):\(try row.decode(column: "after_value", as: Double.self))",
                "\(try row.decode(column: "has_then", as: Int.self)):\(try row.decode(column: "then_value", as: Double.self))",
                "\(try row.decode(column: "people", as: Int.self))",
            ]
            lines.append("pair " + fields.joined(separator: " "))
        }
        for row in counts {
            let fields = try [
                row.decode(column: "survey_id", as: UUID.self).uuidString, row.decode(column: "item", as: String.self),
                row.decode(column: "part", as: String.self), "\(try row.decode(column: "value", as: Double.self))",
                "\(try row.decode(column: "people", as: Int.self))",
            ]
            lines.append("count " + fields.joined(separator: " "))
        }
        return lines.sorted()
    }

    /// Fails naming only the sums that differ, rather than printing them all.
    private func assertSame(
        _ kept: [String], _ workedOut: [String], _ context: String = "", line: UInt = #line
    ) {
        let onlyKept = kept.filter { !workedOut.contains($0) }
        let onlyWorkedOut = workedOut.filter { !kept.contains($0) }
        XCTAssertEqual(kept.count, workedOut.count, "how many sums \(context)", line: line)
        XCTAssertTrue(
            onlyKept.isEmpty && onlyWorkedOut.isEmpty,
            "kept but not worked out: \(onlyKept.prefix(5)); worked out but not kept: \(onlyWorkedOut.prefix(5)) \(context)",
            line: line)
    }

    /// The sums as kept, then as worked out again from every answer.
    private func keptAndWorkedOut(_ app: Application, project: Project) async throws -> (
        kept: [String], workedOut: [String]
    ) {
        let kept = try await keptSums(app)
        try await SurveyTallies.rebuild(project: project.requireID(), on: app.db)
        return (kept, try await keptSums(app))
    }

    private static func sheet(confidence: Double?, mixing: Double?, then: Double? = nil) -> SurveyAnswerSheet {
        var sheet = SurveyAnswerSheet()
        sheet.values["CONFIDENCE"] = confidence
        sheet.values["MIXING"] = mixing
        sheet.thenValues["CONFIDENCE"] = then
        return sheet
    }

    func testTheSumsKeptAsAnswersArriveEqualTheSumsWorkedOutFromEveryAnswer() async throws {
        try await withApp { app, _ in
            let (admin, project, opened) = try await project(
                app, surveys: [("Before", "before"), ("After", "after"), ("Looking back", "after_then")])
            var surveys = opened
            // A fixed seed, so a failure can be run again; people answer again, leave out
            // questions, give no code, and a second after survey opens halfway.
            var state: UInt64 = 20_261_203
            func next(_ below: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(below))
            }
            func value() -> Double? { next(6) == 0 ? nil : Double(1 + next(5)) }
            for step in 0..<160 {
                if step == 80 {
                    try await openSurvey(admin, title: "After, again", mode: "after")
                    surveys = try await project.surveys(on: app.db)
                    let (kept, workedOut) = try await keptAndWorkedOut(app, project: project)
                    assertSame(kept, workedOut, "when a second after survey opens")
                }
                let survey = surveys[next(surveys.count)]
                let code = survey.mode.asksForCode && next(8) != 0 ? "kite-\(next(12))" : ""
                let then = survey.mode.asksThen ? value() : nil
                try await SurveyController.save(
                    Self.sheet(confidence: value(), mixing: value(), then: then), survey: survey, code: code,
                    key: Tokens.random(), enteredBy: nil, on: app.db)
            }
            let (kept, workedOut) = try await keptAndWorkedOut(app, project: project)
            assertSame(kept, workedOut)
            XCTAssertGreaterThan(kept.filter { $0.hasPrefix("pair ") }.count, 20, "the sums were exercised")
        }
    }

    func testManyAnswersSavedAtOnceByTheSamePeopleLeaveTheSumsTrue() async throws {
        try await withApp { app, _ in
            let (_, project, surveys) = try await project(app, surveys: [("Before", "before"), ("After", "after")])
            let failures = NIOLockedValueBox(0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for attempt in 0..<40 {
                    let survey = surveys[attempt % 2]
                    group.addTask {
                        do {
                            try await SurveyController.save(
                                Self.sheet(confidence: Double(1 + attempt % 5), mixing: Double(1 + attempt % 3)),
                                survey: survey, code: "kite-\(attempt % 5)", key: Tokens.random(), enteredBy: nil,
                                on: app.db)
                        } catch {
                            failures.withLockedValue { $0 += 1 }
                        }
                    }
                }
                try await group.waitForAll()
            }
            XCTAssertEqual(failures.withLockedValue { $0 }, 0, "every save went through")
            let tallies = try await SurveyTallies.pairTallies(scope: surveys[1].requireID(), on: app.db)
            let paired = tallies["CONFIDENCE", default: []].filter { $0.before != nil && $0.after != nil }
            XCTAssertEqual(paired.map(\.people).reduce(0, +), 5, "five people, each paired once")
            let (kept, workedOut) = try await keptAndWorkedOut(app, project: project)
            assertSame(kept, workedOut)
        }
    }

    func testAnAfterSurveyOpenedOnceAnswersArePairedWithEveryoneWhoAnsweredBefore() async throws {
        try await withApp { app, _ in
            let (admin, project, surveys) = try await project(app, surveys: [("Before", "before")])
            for person in 1...9 {
                try await SurveyController.save(
                    Self.sheet(confidence: 2, mixing: 3), survey: surveys[0], code: "kite-\(person)",
                    key: Tokens.random(), enteredBy: nil, on: app.db)
            }
            try await openSurvey(admin, title: "After", mode: "after")
            let opened = try await project.surveys(on: app.db).first { $0.mode == .after }
            let after = try XCTUnwrap(opened)
            for person in 1...8 {
                try await SurveyController.save(
                    Self.sheet(confidence: 4, mixing: 3), survey: after, code: "kite-\(person)", key: Tokens.random(),
                    enteredBy: nil, on: app.db)
            }
            let page = try await admin.get(
                SiteURL.surveyAnalysis(project.slug, try after.requireID()).path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("8 of 8"), "everyone who answered both improved on confidence")
            let (kept, workedOut) = try await keptAndWorkedOut(app, project: project)
            assertSame(kept, workedOut)
        }
    }

    func testAnswersGivenBeforeTheSumsWereKeptAreSummedWhenTheyStart() async throws {
        try await withApp { app, _ in
            let (_, project, surveys) = try await project(app, surveys: [("Before", "before"), ("After", "after")])
            for (survey, value) in [(surveys[0], 2.0), (surveys[1], 5.0)] {
                for person in 1...6 {
                    try await SurveyController.save(
                        Self.sheet(confidence: value, mixing: nil), survey: survey, code: "kite-\(person)",
                        key: Tokens.random(), enteredBy: nil, on: app.db)
                }
            }
            let kept = try await keptSums(app)
            let sql = try XCTUnwrap(app.db as? SQLDatabase)
            // As a database from before the sums were kept: none of them.
            try await sql.raw("DELETE FROM survey_pair_tallies").run()
            try await sql.raw("DELETE FROM survey_answer_counts").run()
            try await SurveyTallies.rebuildAll(on: app.db)
            let summed = try await keptSums(app)
            assertSame(summed, kept)
            let tallies = try await SurveyTallies.pairTallies(scope: project.requireID(), on: app.db)
            XCTAssertEqual(tallies["CONFIDENCE"], [.init(before: 2, after: 5, then: nil, people: 6)])
        }
    }
}
