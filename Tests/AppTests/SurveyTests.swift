import Fluent
import Vapor
import XCTVapor

@testable import App

/// Surveys: opened for a project, answered through a public link, analysed in pairs.
final class SurveyTests: XCTestCase {
    private func projectWithSurveys(_ app: Application) async throws -> (
        admin: TestClient, before: Survey, after: Survey
    ) {
        _ = try await TestPeople.make(on: app)
        let admin = TestClient(app)
        try await admin.signIn(TestPeople.Role.organisationAdmin.email)
        _ = try await admin.post(
            "/impact/projects/new",
            form: [
                "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                "kind_of_work": "common-purpose", "activities": "Tournaments",
            ])
        _ = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes",
            form: ["description": "More confidence", "indicators[]": "CONFIDENCE"])
        for (title, mode) in [("Before", "before"), ("After", "after")] {
            let opened = try await admin.post(
                "/impact/projects/goals-not-walls/surveys",
                form: ["survey_title": title, "mode": mode, "survey_indicators[]": "CONFIDENCE"])
            XCTAssertEqual(opened.status, .seeOther, opened.text)
        }
        let surveys = try await Survey.query(on: app.db).sort(\.$title, .descending).all()
        return (admin, surveys[0], surveys[1])
    }

    private func answer(_ app: Application, _ survey: Survey, code: String, value: Int, key: String = Tokens.random())
        async throws -> XCTHTTPResponse
    {
        try await TestClient(app).post(
            "/s/\(survey.token)",
            form: [
                "submission_key": key, "consent_box[]": "yes", "participant_code": code,
                "answer_CONFIDENCE": String(value),
            ])
    }

    func testTwelvePeopleAnswerBeforeAndAfterAndTheAnalysisPairsThem() async throws {
        try await withApp { app, _ in
            let (admin, before, after) = try await projectWithSurveys(app)
            let form = try await TestClient(app).get("/s/\(before.token)")
            XCTAssertTrue(
                form.text.contains(
                    "Question 1 of 1: How confident do you feel holding a conversation on a divisive topic?"))
            for person in 1...12 {
                let first = try await answer(app, before, code: "person-\(person)", value: 2)
                XCTAssertTrue(first.text.contains("Thank you"), first.text)
                _ = try await answer(
                    app, after, code: "PERSON-\(person)", value: person <= 10 ? 4 : (person == 11 ? 2 : 1))
            }
            let page = try await admin.get("/impact/projects/goals-not-walls/analysis")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.text.contains("10 / 1 / 1"), "improved / same / worse, codes matched whatever their case")
            XCTAssertTrue(page.text.contains("Wilcoxon"))
            XCTAssertTrue(page.text.contains("p = "))
            XCTAssertTrue(
                page.text.contains(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart""#),
                "a paired dot plot for the organisation")
            XCTAssertTrue(page.text.contains("The same moves as numbers"), "with a table of the same numbers")
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let published = try await member.get("/impact/projects/goals-not-walls/analysis")
            XCTAssertTrue(
                published.text.contains("about 8 in 10 / fewer than 8 / fewer than 8"),
                "beyond the organisation, small counts are hidden and 10 of 12 is a share in words")
            XCTAssertFalse(published.text.contains("<svg"), "each person's move stays inside the organisation")
        }
    }

    func testPressingSendTwiceSavesOneAnswer() async throws {
        try await withApp { app, _ in
            let (_, before, _) = try await projectWithSurveys(app)
            let key = Tokens.random()
            _ = try await answer(app, before, code: "river-42", value: 3, key: key)
            let again = try await answer(app, before, code: "river-42", value: 3, key: key)
            XCTAssertTrue(again.text.contains("Thank you"))
            let count = try await SurveyResponse.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testMistakesAreExplainedAndWhatWasTypedIsKept() async throws {
        try await withApp { app, _ in
            let (_, before, _) = try await projectWithSurveys(app)
            let page = try await TestClient(app).post(
                "/s/\(before.token)",
                form: ["submission_key": Tokens.random(), "participant_code": "Jo Bloggs", "answer_CONFIDENCE": "9"])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Tick the box to say you agree"))
            XCTAssertTrue(page.text.contains("Enter a code of 3 to 20 letters"))
            XCTAssertTrue(page.text.contains("Choose one of the answers"))
            XCTAssertTrue(page.text.contains(#"value="Jo Bloggs""#))
            let count = try await SurveyResponse.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testAClosedSurveyTakesNoAnswers() async throws {
        try await withApp { app, _ in
            let (_, before, _) = try await projectWithSurveys(app)
            before.closesOn = "2020-01-01"
            try await before.save(on: app.db)
            let page = try await TestClient(app).get("/s/\(before.token)")
            XCTAssertTrue(page.text.contains("This survey is closed"))
            let sent = try await answer(app, before, code: "person-1", value: 3)
            XCTAssertEqual(sent.status, .gone)
            let unknown = try await TestClient(app).get("/s/not-a-real-token").status
            XCTAssertEqual(unknown, .notFound)
        }
    }
}
