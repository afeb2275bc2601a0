import Fluent
import SQLKit
import Statistics
import Vapor
import XCTVapor

@testable import App

/// The survey as a participant reads it: questions as asked, a word on every answer, one question
/// per item of a longer scale, and a code that is asked for the same way before and after.
final class SurveyParticipantFormTests: XCTestCase {
    private func project(_ app: Application, indicator: String, codeHint: String? = nil) async throws
        -> TestClient
    {
        _ = try await TestPeople.make(on: app)
        let admin = TestClient(app)
        try await admin.signIn(TestPeople.Role.organisationAdmin.email)
        var fields = [
            "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
            "kind_of_work": "common-purpose", "activities": "Tournaments",
        ]
        if let codeHint { fields["code_hint"] = codeHint }
        let created = try await admin.post("/impact/projects/new", form: fields)
        XCTAssertEqual(created.status, .seeOther, created.text)
        let outcome = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes", form: ["description": "Ease", "indicators[]": indicator])
        XCTAssertEqual(outcome.status, .seeOther, outcome.text)
        return admin
    }

    private func openSurvey(_ admin: TestClient, title: String, mode: String, indicator: String) async throws {
        let opened = try await admin.post(
            "/impact/projects/goals-not-walls/surveys",
            form: ["survey_title": title, "mode": mode, "survey_indicators[]": indicator])
        XCTAssertEqual(opened.status, .seeOther, opened.text)
    }

    private func survey(_ app: Application, titled title: String) async throws -> Survey {
        let survey = try await Survey.query(on: app.db).filter(\.$title == title).first()
        return try XCTUnwrap(survey)
    }

    /// A project measuring confidence, with a survey before it and one after, paired.
    private func confidenceBeforeAndAfter(_ app: Application) async throws -> (
        admin: TestClient, before: Survey, after: Survey
    ) {
        let admin = try await project(app, indicator: "CONFIDENCE")
        try await openSurvey(admin, title: "Before", mode: "before", indicator: "CONFIDENCE")
        try await openSurvey(admin, title: "After", mode: "after", indicator: "CONFIDENCE")
        return (admin, try await survey(app, titled: "Before"), try await survey(app, titled: "After"))
    }

    /// One person answers the confidence question, as the form sends it.
    private static func answerConfidence(
        _ app: Application, _ survey: Survey, code: String, checked: String? = nil, key: String = Tokens.random()
    ) async throws -> XCTHTTPResponse {
        var form = [
            "submission_key": key, "consent_box[]": "yes", "participant_code": code, "answer_CONFIDENCE": "3",
        ]
        if let checked { form["code_checked"] = checked }
        return try await TestClient(app).post("/s/\(survey.token)", form: form)
    }

    func testEveryLibraryQuestionReadsAsAskedWithAWordOnEveryAnswerAndNoScoringNotes() throws {
        for indicator in IndicatorCatalogue.all {
            let asked = SurveyItem(indicator).asked
            for question in asked {
                let words = question.question
                XCTAssertFalse(words.contains("[group]"), words)
                for note in ["averaged", "reversed", "(1 ", "1 to 5", "1 to 7", "yes or no each"] {
                    XCTAssertFalse(words.contains(note), "\(indicator.code) shows an analyst's note: \(words)")
                }
                if case .choices(let choices, _) = question.answer {
                    XCTAssertTrue(
                        choices.allSatisfy { Double($0.label) == nil }, "\(question.code): every answer has words")
                }
            }
        }
        XCTAssertEqual(SurveyItem(IndicatorCatalogue.indicator("ANXIETY")!).asked.count, 4)
        XCTAssertEqual(SurveyItem(IndicatorCatalogue.indicator("CONTACT-QUALITY")!).asked.count, 4)
        XCTAssertEqual(SurveyItem(IndicatorCatalogue.indicator("DISTANCE")!).asked.count, 3)
    }

    func testAScaleOfSeveralQuestionsIsAskedOneAtATimeAndScoredFromItsParts() async throws {
        try await withApp { app, _ in
            let admin = try await project(app, indicator: "ANXIETY")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "ANXIETY")
            let survey = try await survey(app, titled: "Before")
            let form = try await TestClient(app).get("/s/\(survey.token)")
            XCTAssertTrue(form.text.contains("4 questions"), form.text)
            XCTAssertTrue(
                form.text.contains(
                    "Question 1 of 4: Imagine an event where most people there are from a different background to you. How relaxed would you feel?"
                ), form.text)
            XCTAssertTrue(form.text.contains(">Extremely relaxed</label>"), "every answer has its words")
            XCTAssertFalse(form.text.contains("averaged"), "the scoring stays on the analysis side")

            // Extremely relaxed and very safe count as little anxiety: 5 and 4 are scored 1 and 2.
            let sent = try await TestClient(app).post(
                "/s/\(survey.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "kite-1",
                    "answer_ANXIETY-RELAXED": "5", "answer_ANXIETY-AWKWARD": "2", "answer_ANXIETY-NERVOUS": "1",
                    "answer_ANXIETY-SAFE": "4",
                ])
            XCTAssertTrue(sent.text.contains("Thank you"), sent.text)
            let score = try await SurveyAnswer.query(on: app.db).filter(\.$indicatorCode == "ANXIETY").all()
            XCTAssertEqual(score.map(\.value), [1.5], "(1 + 2 + 1 + 2) / 4")
            let parts = try await SurveyAnswer.query(on: app.db).filter(\.$indicatorCode != "ANXIETY").count()
            XCTAssertEqual(parts, 4, "each answer is kept as given")

            // One answer of four is too few to make a score.
            _ = try await TestClient(app).post(
                "/s/\(survey.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "kite-2",
                    "answer_ANXIETY-NERVOUS": "3",
                ])
            let scores = try await SurveyAnswer.query(on: app.db).filter(\.$indicatorCode == "ANXIETY").count()
            XCTAssertEqual(scores, 1)

            let analysis = try await admin.get("/impact/projects/goals-not-walls/surveys/\(survey.id!)/analysis")
            XCTAssertTrue(analysis.text.contains("How it is scored: Four answers"), "the scoring note is for analysts")
        }
    }

    func testTheAfterSurveyAsksForTheCodeUsedLastTimeWithTheOrganisationsHint() async throws {
        try await withApp { app, _ in
            let admin = try await project(
                app, indicator: "CONFIDENCE", codeHint: "The first two letters of your street and your birth day")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "CONFIDENCE")
            try await openSurvey(admin, title: "After", mode: "after", indicator: "CONFIDENCE")
            let before = try await survey(app, titled: "Before")
            let after = try await survey(app, titled: "After")

            let first = try await TestClient(app).get("/s/\(before.token)")
            XCTAssertTrue(first.text.contains("Your code"))
            XCTAssertTrue(first.text.contains("The first two letters of your street and your birth day."))
            let second = try await TestClient(app).get("/s/\(after.token)")
            XCTAssertTrue(second.text.contains("The code you used last time"), second.text)
            XCTAssertTrue(second.text.contains("Give the same code you gave in the survey before the project"))
            XCTAssertTrue(second.text.contains("The first two letters of your street and your birth day."))
            let paper = try await admin.get("/impact/projects/goals-not-walls/surveys/\(after.id!)/paper")
            XCTAssertTrue(paper.text.contains("The code you used last time (The first two letters of your street"))
        }
    }

    func testAnAfterCodeThatMatchesNothingIsQueriedBeforeSavingThenKeptAndTheOrganiserIsTold() async throws {
        try await withApp { app, _ in
            let (admin, before, after) = try await confidenceBeforeAndAfter(app)
            func answer(_ survey: Survey, code: String, checked: String? = nil, key: String = Tokens.random())
                async throws -> XCTHTTPResponse
            {
                try await Self.answerConfidence(app, survey, code: code, checked: checked, key: key)
            }
            _ = try await answer(before, code: "sun-1")
            let matched = try await answer(after, code: "SUN-1")
            XCTAssertTrue(matched.text.contains("Thank you"), "codes match whatever their case")
            XCTAssertFalse(matched.text.contains("code you confirmed"))

            // A slip: told before anything is saved, with what was typed kept.
            let key = Tokens.random()
            let slip = try await answer(after, code: "moon-2", key: key)
            XCTAssertEqual(slip.status, .unprocessableEntity)
            XCTAssertTrue(slip.text.contains("We found no answers from before the project under the code moon-2"))
            XCTAssertTrue(slip.text.contains(#"name="code_checked" value="moon-2""#))
            XCTAssertTrue(slip.text.contains(#"value="3" checked"#), "the answer given stays chosen")
            let none = try await SurveyResponse.query(on: app.db).filter(\.$participantCode == "moon-2").count()
            XCTAssertEqual(none, 0, "nothing is saved until the person decides")

            // Sent again unchanged: accepted, and the person is told what that means.
            let confirmed = try await answer(after, code: "moon-2", checked: "moon-2", key: key)
            XCTAssertTrue(confirmed.text.contains("Thank you"), confirmed.text)
            XCTAssertTrue(confirmed.text.contains("Your answers are saved under the code you confirmed"))
            let kept = try await SurveyResponse.query(on: app.db).filter(\.$participantCode == "moon-2").count()
            XCTAssertEqual(kept, 1)

            let analysis = try await admin.get("/impact/projects/goals-not-walls/surveys/\(after.id!)/analysis")
            XCTAssertTrue(
                analysis.text.contains(
                    "1 person answered under a code that matches no answers from before the project"),
                analysis.text)
        }
    }

    func testNobodyCanTryCodeAfterCodeToFindOtherPeoples() async throws {
        try await withApp { app, _ in
            let (_, before, after) = try await confidenceBeforeAndAfter(app)
            func answer(_ survey: Survey, code: String) async throws -> XCTHTTPResponse {
                try await Self.answerConfidence(app, survey, code: code)
            }
            _ = try await answer(before, code: "real-7")
            for guess in 1...Throttle.surveyCodeMisses.limit {
                let missed = try await answer(after, code: "guess-\(guess)")
                XCTAssertEqual(missed.status, .unprocessableEntity)
            }
            // Past the limit a code is no longer checked, so a reply says nothing of whether it matched.
            let unchecked = try await answer(after, code: "guess-99")
            XCTAssertTrue(unchecked.text.contains("Thank you"))
            XCTAssertFalse(unchecked.text.contains("code you confirmed"))
            let hit = try await answer(after, code: "real-7")
            XCTAssertTrue(hit.text.contains("Thank you"))
            XCTAssertFalse(hit.text.contains("code you confirmed"), "a hit reads exactly as an unchecked miss")
        }
    }

    func testTheFormSaysWhoIsAskingAndATranslationGivesItsButtonsLabelsAndHintsToo() async throws {
        try await withApp { app, _ in
            let admin = try await project(app, indicator: "CONFIDENCE")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "CONFIDENCE")
            let survey = try await survey(app, titled: "Before")
            let english = try await TestClient(app).get("/s/\(survey.token)")
            XCTAssertTrue(
                english.text.contains("Asked by Bridge Builders for its project Goals not walls."), english.text)

            let translations = "/impact/projects/goals-not-walls/surveys/\(survey.id!)/translations"
            let dropped = try await admin.post(
                translations, form: ["lang": "pl", "t_ui.question": "Pytanie", "t_ui.send": "Wyślij odpowiedzi"])
            XCTAssertEqual(dropped.status, .unprocessableEntity)
            XCTAssertTrue(
                dropped.text.contains("Keep {number} and {total} in the translation"), "a number's place must stay")
            XCTAssertTrue(dropped.text.contains("Wyślij odpowiedzi"), "what was typed is kept")

            let saved = try await admin.post(
                translations,
                form: [
                    "lang": "pl", "t_title": "Przed", "t_ui.question": "Pytanie {number} z {total}",
                    "t_ui.send": "Wyślij odpowiedzi", "t_ui.agree": "Zgadzam się odpowiedzieć na tych warunkach",
                    "t_ui.code": "Twój kod", "t_ui.thanks": "Dziękujemy",
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let polish = try await TestClient(app).get("/s/\(survey.token)?lang=pl")
            for words in ["Pytanie 1 z 1: ", "Wyślij odpowiedzi", "Zgadzam się odpowiedzieć", ">Twój kod</label>"] {
                XCTAssertTrue(polish.text.contains(words), words)
            }
            XCTAssertFalse(polish.text.contains("Send my answers"))
            let thanks = try await TestClient(app).post(
                "/s/\(survey.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "kite-1",
                    "answer_CONFIDENCE": "3", "lang": "pl",
                ])
            XCTAssertTrue(thanks.text.contains("<h1>Dziękujemy</h1>"), thanks.text)
        }
    }

    func testTheOrganiserPrintsAPosterAndCardsWhoseShortAddressOpensTheSurvey() async throws {
        try await withApp { app, _ in
            let admin = try await project(app, indicator: "CONFIDENCE", codeHint: "Your street and your birth day")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "CONFIDENCE")
            try await openSurvey(admin, title: "After", mode: "after", indicator: "CONFIDENCE")
            let before = try await survey(app, titled: "Before")
            let after = try await survey(app, titled: "After")
            XCTAssertNotEqual(before.shortCode, after.shortCode)
            XCTAssertNotNil(SurveyShortCode.normalised(before.shortCode))
            let shown = SurveyShortCode.shown(before.shortCode)

            let path = "/impact/projects/goals-not-walls/surveys/\(before.id!)"
            let manage = try await admin.get(path)
            XCTAssertTrue(manage.text.contains("/a/\(shown)"), "the survey's page gives the short address")
            let poster = try await admin.get(path + "/poster")
            XCTAssertEqual(poster.status, .ok)
            XCTAssertTrue(poster.text.contains("/a/\(shown)</a>"), poster.text)
            XCTAssertTrue(poster.text.contains("Asked by Bridge Builders for its project Goals not walls."))
            XCTAssertTrue(poster.text.contains("Your street and your birth day."), "the code hint goes on the poster")
            let cards = try await admin.get(path + "/cards")
            XCTAssertEqual(cards.text.components(separatedBy: #"<li class="survey-card">"#).count - 1, 8)

            // Typed from paper: any case, with or without the dash.
            let typed = try await TestClient(app).get("/a/\(shown.lowercased())")
            XCTAssertEqual(typed.status, .seeOther)
            XCTAssertEqual(typed.headers.first(name: .location), "/s/\(before.token)")
            let boxed = try await TestClient(app).get("/a?code=\(before.shortCode.lowercased())")
            XCTAssertEqual(boxed.headers.first(name: .location), "/s/\(before.token)")
            let wrong = try await TestClient(app).get("/a/ZZZZ-ZZZZ")
            XCTAssertEqual(wrong.status, .notFound)
            XCTAssertTrue(wrong.text.contains("No survey has the code ZZZZ-ZZZZ"), wrong.text)
            XCTAssertTrue(wrong.text.contains(#"value="ZZZZ-ZZZZ""#), "what was typed stays in the box")
            let empty = try await TestClient(app).get("/a?code=")
            XCTAssertTrue(empty.text.contains("Enter the code from the poster or card"))
            let form = try await TestClient(app).get("/a")
            XCTAssertEqual(form.status, .ok)
        }
    }

    func testSurveysMadeBeforeShortCodesEachGetOneOfTheirOwn() async throws {
        try await withApp { app, _ in
            let admin = try await project(app, indicator: "CONFIDENCE")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "CONFIDENCE")
            try await openSurvey(admin, title: "After", mode: "after", indicator: "CONFIDENCE")
            let sql = try XCTUnwrap(app.db as? SQLDatabase)
            // As a survey made before short codes were added is left by the new column.
            let after = try await survey(app, titled: "After")
            try await sql.raw("UPDATE surveys SET short_code = '' WHERE title = 'Before'").run()
            try await M023AddSurveyShortCodes.giveCodes(on: sql)
            let kept = try await survey(app, titled: "After")
            XCTAssertEqual(kept.shortCode, after.shortCode, "a survey with a code keeps it")
            let codes = try await Survey.query(on: app.db).all().map(\.shortCode)
            XCTAssertEqual(Set(codes).count, 2, "\(codes)")
            XCTAssertTrue(codes.allSatisfy { SurveyShortCode.normalised($0) == $0 }, "\(codes)")
        }
    }

    func testSocialDistanceAnswersOnTheOldOneAnswerScaleAreNeverPairedWithTheNewScore() async throws {
        try await withApp { app, _ in
            let admin = try await project(app, indicator: "DISTANCE")
            try await openSurvey(admin, title: "Before", mode: "before", indicator: "DISTANCE")
            let before = try await survey(app, titled: "Before")
            _ = try await TestClient(app).post(
                "/s/\(before.token)",
                form: [
                    "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "kite-1",
                    "answer_DISTANCE-NEIGHBOUR": "1", "answer_DISTANCE-FRIEND": "1", "answer_DISTANCE-FAMILY": "0",
                ])
            let score = try await SurveyAnswer.query(on: app.db).filter(\.$indicatorCode == "DISTANCE").first()
            XCTAssertEqual(score?.value, 2, "two of the three are yes")
            // As an answer saved before the questions were split would be: one yes for all three.
            score?.value = 1
            try await score?.save(on: app.db)
            try await M024SeparateOneAnswerSocialDistance().prepare(on: app.db)
            let left = try await SurveyAnswer.query(on: app.db).filter(\.$indicatorCode == "DISTANCE").count()
            XCTAssertEqual(left, 0)
            let kept = try await SurveyAnswer.query(on: app.db)
                .filter(\.$indicatorCode == M024SeparateOneAnswerSocialDistance.oldCode).count()
            XCTAssertEqual(kept, 1, "kept, under a code of its own")
        }
    }

    func testThePlainSentenceSpeaksOfOnePersonInTheSingularAndNamesAHiddenPartByWhatItsPeopleDid() {
        let confidence = SurveyItem(IndicatorCatalogue.indicator("CONFIDENCE")!)
        let one = PairedAnalysis.analyse(
            indicator: "CONFIDENCE",
            pairs: [(2, 4)] + Array(repeating: (3.0, 3.0), count: 5) + [(4, 2)], lowerIsBetter: false)
        XCTAssertEqual(
            ChangeInWords.of(confidence).sentence(one.change, people: "Year 9 pupils"),
            "1 of 7 Year 9 pupils now feels more confident talking about a divisive topic; 5 stayed the same; 1 less confident."
        )
        let trust = SurveyItem(IndicatorCatalogue.indicator("CLS-TRUST")!)
        let hidden = PairedAnalysis.analyse(
            indicator: "CLS-TRUST",
            pairs: Array(repeating: (2.0, 3.0), count: 13) + Array(repeating: (3.0, 2.0), count: 9)
                + Array(repeating: (3.0, 3.0), count: 3), lowerIsBetter: false, public: true)
        let sentence = ChangeInWords.of(trust).sentence(hidden.change, people: "residents") ?? ""
        XCTAssertTrue(sentence.contains("how many got worse is hidden"), sentence)
        XCTAssertFalse(sentence.contains("how many fewer"), sentence)
    }
}
