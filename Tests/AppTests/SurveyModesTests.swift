import Fluent
import Vapor
import XCTVapor

@testable import App

/// Survey modes, own questions, translations, paper answers and what the analysis shows.
final class SurveyModesTests: XCTestCase {
    private struct Setup {
        let admin: TestClient
        let people: TestPeople
    }

    /// A project with an outcome measured by CONFIDENCE and CLS-COHESION, opened by its admin.
    private func project(_ app: Application) async throws -> Setup {
        let people = try await TestPeople.make(on: app)
        let admin = TestClient(app)
        try await admin.signIn(TestPeople.Role.organisationAdmin.email)
        _ = try await admin.post(
            "/impact/projects/new",
            form: [
                "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                "kind_of_work": "common-purpose", "activities": "Tournaments",
            ])
        let outcome = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes",
            form: ["description": "More confidence", "indicators[]": "CONFIDENCE"])
        XCTAssertEqual(outcome.status, .seeOther)
        let project = try await Project.query(on: app.db).first()
        let outcomeRow = try await Outcome.query(on: app.db).first()
        outcomeRow!.indicatorCodes = "CLS-COHESION,CONFIDENCE"
        try await outcomeRow!.save(on: app.db)
        XCTAssertNotNil(project)
        return Setup(admin: admin, people: people)
    }

    private func open(_ setup: Setup, title: String, mode: String, indicators: String = "CONFIDENCE", app: Application)
        async throws -> Survey
    {
        let opened = try await setup.admin.post(
            "/impact/projects/goals-not-walls/surveys",
            form: ["survey_title": title, "mode": mode, "survey_indicators[]": indicators])
        XCTAssertEqual(opened.status, .seeOther, opened.text)
        let survey = try await Survey.query(on: app.db).filter(\.$title == title).first()
        return try XCTUnwrap(survey)
    }

    private func path(_ survey: Survey, _ rest: String = "") -> String {
        "/impact/projects/goals-not-walls/surveys/\(survey.id!.uuidString.lowercased())\(rest)"
    }

    func testAnAfterWithThenSurveyAsksHowThingsWereBeforeOnASecondPageAndReportsThePerceivedChange() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let before = try await open(setup, title: "Before", mode: "before", app: app)
            let survey = try await open(setup, title: "Looking back", mode: "after_then", app: app)
            // Six people answered before the project; all twelve answer afterwards, now and looking back.
            for person in 1...12 {
                if person <= 6 {
                    _ = try await TestClient(app).post(
                        "/s/\(before.token)",
                        form: [
                            "submission_key": Tokens.random(), "consent_box[]": "yes",
                            "participant_code": "p-\(person)", "answer_CONFIDENCE": "3",
                        ])
                }
                let browser = TestClient(app)
                let key = Tokens.random()
                let first = try await browser.post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": key, "consent_box[]": "yes", "participant_code": "p-\(person)",
                        "answer_CONFIDENCE": "4", "step": "1",
                    ])
                XCTAssertEqual(first.status, .ok)
                XCTAssertTrue(first.text.contains("Page 2 of 2"), "a progress indicator")
                XCTAssertTrue(
                    first.text.contains("Before the project, question 1 of 1"), "the look back is asked on its own page"
                )
                XCTAssertTrue(
                    first.text.contains(#"name="answer_CONFIDENCE" value="4""#), "page 1's answers travel with the form"
                )
                let count = try await SurveyResponse.query(on: app.db).filter(\.$survey.$id == survey.id!).count()
                XCTAssertEqual(count, person - 1, "nothing is saved until the last page")
                let second = try await browser.post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": key, "consent_box[]": "yes", "participant_code": "p-\(person)",
                        "answer_CONFIDENCE": "4", "then_CONFIDENCE": "2", "step": "2",
                    ])
                XCTAssertTrue(second.text.contains("Thank you"), second.text)
            }
            let thenAnswers = try await SurveyAnswer.query(on: app.db).filter(\.$part == .then).count()
            XCTAssertEqual(thenAnswers, 12)
            let page = try await setup.admin.get(path(survey, "/analysis"))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Perceived change, from looking back to now"))
            XCTAssertTrue(page.text.contains("12 / 0 / 0"), "all twelve felt more confident looking back")
            XCTAssertTrue(
                page.text.contains("Response shift: on average people remembered their starting point 1.00 lower"),
                page.text)
        }
    }

    func testAProblemOnTheLookBackPageKeepsThePersonThere() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let survey = try await open(setup, title: "Looking back", mode: "after_then", app: app)
            let page = try await TestClient(app).post(
                "/s/\(survey.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "answer_CONFIDENCE": "4",
                    "then_CONFIDENCE": "9", "step": "2",
                ])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Page 2 of 2"))
            XCTAssertTrue(page.text.contains("Choose one of the answers"))
            XCTAssertTrue(page.text.contains(##"href="#then_CONFIDENCE-5""##), "the summary links to the question")
        }
    }

    func testOwnQuestionsAreAskedAndWrittenAnswersStayInsideTheOrganisation() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let survey = try await open(setup, title: "Feedback", mode: "feedback", app: app)
            let choice = try await setup.admin.post(
                path(survey, "/questions"),
                form: [
                    "kind": "choice", "wording": "Which session did you come to?", "options": "Football\nCooking\nArt",
                ])
            XCTAssertEqual(choice.status, .seeOther, choice.text)
            _ = try await setup.admin.post(
                path(survey, "/questions"),
                form: ["kind": "scale", "wording": "How welcome did you feel?", "scale_from": "1", "scale_to": "5"])
            _ = try await setup.admin.post(
                path(survey, "/questions"), form: ["kind": "text", "wording": "What would you change?"])
            let bad = try await setup.admin.post(
                path(survey, "/questions"),
                form: ["kind": "scale", "wording": "Rate it", "scale_from": "3", "scale_to": "40"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.text.contains("Choose a scale that starts at 0 or 1 and ends between 3 and 10"))
            XCTAssertTrue(bad.text.contains("Rate it"), "what was typed is kept")

            let form = try await TestClient(app).get("/s/\(survey.token)")
            XCTAssertTrue(form.text.contains("Which session did you come to?"))
            XCTAssertFalse(
                form.text.contains(#"name="participant_code""#), "feedback is not paired, so no code is asked")
            for person in 1...11 {
                let sent = try await TestClient(app).post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes", "answer_CONFIDENCE": "4",
                        "answer_Q1": person <= 9 ? "1" : (person == 10 ? "2" : "3"), "answer_Q2": "5",
                        "answer_Q3": person == 1 ? "=HYPERLINK(\"x\") more tea" : "",
                    ])
                XCTAssertTrue(sent.text.contains("Thank you"), sent.text)
            }
            let fixed = try await setup.admin.post(
                path(survey, "/questions"), form: ["kind": "text", "wording": "Anything else?"])
            XCTAssertEqual(fixed.status, .unprocessableEntity)
            XCTAssertTrue(fixed.text.contains("This survey has answers already"))

            let inside = try await setup.admin.get(path(survey, "/analysis"))
            XCTAssertTrue(inside.text.contains("more tea"), "the organisation reads written answers")
            XCTAssertTrue(inside.text.contains("<th scope=\"row\">Football</th><td>9</td>"), inside.text)
            XCTAssertTrue(inside.text.contains("chart__seg"), "diverging bars for the scale question")
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let outside = try await member.get(path(survey, "/analysis"))
            XCTAssertEqual(outside.status, .ok)
            XCTAssertFalse(outside.text.contains("more tea"), "written answers never leave the organisation")
            XCTAssertTrue(
                outside.text.contains("<th scope=\"row\">Football</th><td>about 10</td>"),
                "counts beyond the organisation are rounded to the nearest 5")
            XCTAssertTrue(
                outside.text.contains("<th scope=\"row\">Cooking</th><td>fewer than 8</td>"), "and small ones hidden")

            let raw = try await setup.admin.get(path(survey, "/answers.csv"))
            XCTAssertEqual(raw.headers.contentType?.subType, "csv")
            XCTAssertTrue(raw.text.contains("'=HYPERLINK"), "a cell a spreadsheet would run as a formula is defused")
            let refused = try await member.get(path(survey, "/answers.csv"))
            XCTAssertEqual(refused.status, .forbidden, "raw answers are for the organisation's admins")
            let figures = try await member.get(path(survey, "/figures.csv"))
            XCTAssertTrue(
                figures.text.contains("Q1,Which session did you come to?,Answers,Football,about 10,"), figures.text)
            XCTAssertTrue(
                figures.text.contains("Q1,Which session did you come to?,Answers,Cooking,fewer than 8"), figures.text)
            XCTAssertFalse(figures.text.contains("more tea"))
            XCTAssertTrue(figures.text.contains("Figures are under disclosure control"), "the download says so")
        }
    }

    func testTheRawDownloadReplacesCodesWithStandInsThatStillPairBeforeAndAfter() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let before = try await open(setup, title: "Before", mode: "before", app: app)
            let after = try await open(setup, title: "After", mode: "after", app: app)
            for survey in [before, after] {
                _ = try await TestClient(app).post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "jo-bloggs",
                        "answer_CONFIDENCE": "3",
                    ])
            }
            let first = try await setup.admin.get(path(before, "/answers.csv")).text
            let second = try await setup.admin.get(path(after, "/answers.csv")).text
            XCTAssertFalse(first.contains("jo-bloggs"))
            let standIn = try XCTUnwrap(first.split(separator: "\r\n")[1].split(separator: ",")[1])
            XCTAssertTrue(standIn.hasPrefix("P-"))
            XCTAssertTrue(second.contains(String(standIn)), "the same person has the same stand-in in both files")
        }
    }

    func testATranslatedSurveyOffersALanguageSwitchAndMarksTheLanguage() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let survey = try await open(setup, title: "Before", mode: "before", indicators: "CLS-COHESION", app: app)
            let form = try await setup.admin.get(path(survey, "/translations?lang=ur"))
            XCTAssertTrue(
                form.text.contains("To what extent do you agree or disagree that this local area"),
                "each piece is shown in English beside its box")
            let saved = try await setup.admin.post(
                path(survey, "/translations"),
                form: [
                    "lang": "ur", "t_title": "سروے", "t_CLS-COHESION": "آپ کس حد تک متفق ہیں؟",
                    "t_CLS-COHESION.1": "بالکل متفق",
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let english = try await TestClient(app).get("/s/\(survey.token)")
            XCTAssertTrue(english.text.contains(#"hreflang="ur""#), "a language switch")
            let urdu = try await TestClient(app).get("/s/\(survey.token)?lang=ur")
            XCTAssertTrue(urdu.text.contains(#"lang="ur" dir="rtl""#))
            XCTAssertTrue(urdu.text.contains("آپ کس حد تک متفق ہیں؟"))
            XCTAssertTrue(urdu.text.contains("بالکل متفق"))
            XCTAssertTrue(urdu.text.contains("Tend to agree"), "an answer not yet translated shows in English")
            let unknown = try await TestClient(app).get("/s/\(survey.token)?lang=xx")
            XCTAssertTrue(
                unknown.text.contains("this local area is a place"), "an unknown language falls back to English")
            let noLanguage = try await setup.admin.post(path(survey, "/translations"), form: ["lang": ""])
            XCTAssertEqual(noLanguage.status, .unprocessableEntity)
            XCTAssertTrue(noLanguage.text.contains("Choose a language"))
        }
    }

    func testAVolunteerFromTheOrganisationTypesInPaperFormsWhichCountLikeAnyOther() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let survey = try await open(setup, title: "Before", mode: "before", app: app)
            let volunteerUser = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email)
                .first()
            try await OrganisationMembership(
                organisationID: setup.people.organisation.id!, userID: volunteerUser!.id!, role: .member
            ).create(on: app.db)
            let volunteer = TestClient(app)
            try await volunteer.signIn(TestPeople.Role.member.email)
            let paper = try await volunteer.get(path(survey, "/paper"))
            XCTAssertEqual(paper.status, .ok)
            XCTAssertTrue(paper.text.contains("☐ Very confident"), "answers to tick, each in words")
            XCTAssertTrue(paper.text.contains("Your code"))
            let missing = try await volunteer.post(
                path(survey, "/paper-answers"),
                form: ["submission_key": Tokens.random(), "participant_code": "sun-7", "answer_CONFIDENCE": "2"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.text.contains("Tick to confirm the person ticked the agreement"))
            XCTAssertTrue(missing.text.contains(#"value="sun-7""#))
            let saved = try await volunteer.post(
                path(survey, "/paper-answers"),
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "sun-7",
                    "answer_CONFIDENCE": "2",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let response = try await SurveyResponse.query(on: app.db).first()
            XCTAssertEqual(response?.$enteredBy.id, volunteerUser?.id, "the response records who typed it in")
            let next = try await volunteer.get(saved.location!)
            XCTAssertTrue(next.text.contains("1 paper form typed in so far"))
            let outsider = TestClient(app)
            try await outsider.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let refused = try await outsider.get(path(survey, "/paper-answers"))
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testTheShareGivingTheTopTwoAnswersIsShownWithItsIntervalBesideEnglandsFigure() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let survey = try await open(
                setup, title: "After only", mode: "after_only", indicators: "CLS-COHESION", app: app)
            // 8 of 12 agree (values 4 and 3 are the top two of four answers).
            for person in 1...12 {
                _ = try await TestClient(app).post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes",
                        "answer_CLS-COHESION": person <= 8 ? "4" : "1",
                    ])
            }
            let page = try await setup.admin.get(path(survey, "/analysis"))
            XCTAssertTrue(
                page.text.contains(
                    "Here, 67% gave one of the top two answers (95% interval 39% to 86%, from 12 people). In England as a whole, 83% did (Community Life Survey 2020/21)."
                ), page.text)
            XCTAssertTrue(page.text.contains("Low reliability"))
            XCTAssertTrue(page.text.contains("chart__seg--high-far"), "diverging bars of the answers")
            XCTAssertTrue(page.text.contains("not a control group"))
        }
    }

    func testAPersonWhoAnswersTheSameSurveyAgainCountsOnceWithTheirLaterAnswer() async throws {
        try await withApp { app, _ in
            let setup = try await project(app)
            let before = try await open(setup, title: "Before", mode: "before", app: app)
            let after = try await open(setup, title: "After", mode: "after", app: app)
            for person in 1...5 {
                _ = try await TestClient(app).post(
                    "/s/\(before.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "p-\(person)",
                        "answer_CONFIDENCE": "2",
                    ])
                _ = try await TestClient(app).post(
                    "/s/\(after.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "p-\(person)",
                        "answer_CONFIDENCE": "1",
                    ])
            }
            // Person 1 thinks again and answers the after survey a second time.
            _ = try await TestClient(app).post(
                "/s/\(after.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "P-1",
                    "answer_CONFIDENCE": "5",
                ])
            let page = try await setup.admin.get(path(after, "/analysis"))
            XCTAssertTrue(page.text.contains("1 / 0 / 4"), "five people, the first counted with their later answer")
            XCTAssertTrue(
                page.text.contains("<th scope=\"row\">Very confident</th><td>0</td><td>1</td>"),
                "the earlier answer leaves the counts too")
            let kept = try await SurveyAnswer.query(on: app.db).count()
            XCTAssertEqual(kept, 11, "the earlier answer is kept, only no longer counted")
        }
    }

    func testTheAnalysisPageRunsTheSameQueriesForTwelveOrSixtyPeople() async throws {
        try await withApp { app, counter in
            let setup = try await project(app)
            let before = try await open(setup, title: "Before", mode: "before", app: app)
            let after = try await open(setup, title: "After", mode: "after", app: app)
            func answer(_ people: ClosedRange<Int>) async throws {
                for person in people {
                    for survey in [before, after] {
                        _ = try await TestClient(app).post(
                            "/s/\(survey.token)",
                            form: [
                                "submission_key": Tokens.random(), "consent_box[]": "yes",
                                "participant_code": "p-\(person)", "answer_CONFIDENCE": survey === before ? "2" : "4",
                            ])
                    }
                }
            }
            try await answer(1...12)
            counter.reset()
            _ = try await setup.admin.get(path(after, "/analysis"))
            let few = counter.value
            try await answer(13...60)
            counter.reset()
            let page = try await setup.admin.get(path(after, "/analysis"))
            XCTAssertTrue(page.text.contains("60 / 0 / 0"))
            XCTAssertEqual(counter.value, few)
        }
    }
}
