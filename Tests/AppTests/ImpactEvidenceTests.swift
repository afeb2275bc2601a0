import Fluent
import Vapor
import XCTVapor

@testable import App

/// Own and local indicators, stories of change, the project report and the roll-ups.
final class ImpactEvidenceTests: XCTestCase {
    private func project(_ app: Application) async throws -> (admin: TestClient, people: TestPeople) {
        let people = try await TestPeople.make(on: app)
        let admin = TestClient(app)
        try await admin.signIn(TestPeople.Role.organisationAdmin.email)
        _ = try await admin.post(
            "/impact/projects/new",
            form: [
                "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                "kind_of_work": "common-purpose", "activities": "Tournaments",
                "impact": "Estates at ease with each other",
            ])
        return (admin, people)
    }

    func testAnOrganisationsOwnIndicatorCanMeasureAnOutcomeAndBeAsked() async throws {
        try await withApp { app, _ in
            let (admin, _) = try await project(app)
            let missing = try await admin.post(
                "/impact/projects/goals-not-walls/indicators/own",
                form: [
                    "construct": "Speaking up", "wording": "How confident are you to speak at a residents' meeting?",
                    "answers": "Very",
                ])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.text.contains("Enter at least two answers"))
            XCTAssertTrue(
                missing.text.contains("residents&#39; meeting") || missing.text.contains("residents' meeting"),
                "what was typed is kept")
            let added = try await admin.post(
                "/impact/projects/goals-not-walls/indicators/own",
                form: [
                    "construct": "Speaking up", "wording": "How confident are you to speak at a residents' meeting?",
                    "answers": "Very\nQuite\nNot very\nNot at all",
                ])
            XCTAssertEqual(added.status, .seeOther)
            let outcome = try await admin.post(
                "/impact/projects/goals-not-walls/outcomes",
                form: ["description": "Young people speak up", "indicators[]": "OWN-SPEAKING-UP"])
            XCTAssertEqual(outcome.status, .seeOther, outcome.text)
            let opened = try await admin.post(
                "/impact/projects/goals-not-walls/surveys",
                form: ["survey_title": "Before", "mode": "before", "survey_indicators[]": "OWN-SPEAKING-UP"])
            XCTAssertEqual(opened.status, .seeOther, opened.text)
            let survey = try await Survey.query(on: app.db).first()
            let form = try await TestClient(app).get("/s/\(survey!.token)")
            XCTAssertTrue(form.text.contains("How confident are you to speak at a residents"))
            XCTAssertTrue(form.text.contains("Not at all"))
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let refused = try await other.post(
                "/impact/projects/goals-not-walls/indicators/own",
                form: ["construct": "X", "wording": "Y", "answers": "A\nB"])
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testACommunityProposesAndVotesOnALocalIndicatorWhichTheOrganisationAdopts() async throws {
        try await withApp { app, _ in
            let (admin, _) = try await project(app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let proposed = try await member.post(
                "/impact/projects/goals-not-walls/indicators/local",
                form: [
                    "community": "Young people of Beeston Hill",
                    "local_wording": "I can walk through the park at night",
                ])
            XCTAssertEqual(proposed.status, .seeOther, proposed.text)
            let indicator = try await CustomIndicator.query(on: app.db).first()
            XCTAssertEqual(indicator?.status.rawValue, "proposed")
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            _ = try await steward.post(
                "/impact/projects/goals-not-walls/indicators/\(indicator!.id!.uuidString.lowercased())/vote")
            var page = try await member.get("/impact/projects/goals-not-walls/indicators")
            XCTAssertTrue(
                page.text.contains("Young people of Beeston Hill · proposed by Test member · 2 votes · proposed"),
                page.text)
            XCTAssertTrue(page.text.contains("Take back my vote"), "proposing is voting")
            _ = try await steward.post(
                "/impact/projects/goals-not-walls/indicators/\(indicator!.id!.uuidString.lowercased())/vote")
            page = try await member.get("/impact/projects/goals-not-walls/indicators")
            XCTAssertTrue(page.text.contains("1 vote · proposed"), "a second press takes the vote back")
            let refused = try await member.post(
                "/impact/projects/goals-not-walls/indicators/\(indicator!.id!.uuidString.lowercased())/adopt")
            XCTAssertEqual(refused.status, .forbidden, "only the organisation adopts")
            let adopted = try await admin.post(
                "/impact/projects/goals-not-walls/indicators/\(indicator!.id!.uuidString.lowercased())/adopt")
            XCTAssertEqual(adopted.status, .seeOther)
            let outcome = try await admin.post(
                "/impact/projects/goals-not-walls/outcomes",
                form: ["description": "Safer park", "indicators[]": indicator!.code])
            XCTAssertEqual(outcome.status, .seeOther, "an adopted local indicator measures outcomes")
            _ = try await admin.post(
                "/impact/projects/goals-not-walls/surveys",
                form: ["survey_title": "Spring round", "mode": "after_only", "survey_indicators[]": indicator!.code])
            page = try await member.get("/impact/projects/goals-not-walls/indicators")
            XCTAssertTrue(page.text.contains("Tracked in: Spring round"), "its survey rounds are recorded")
        }
    }

    func testAStoryOfChangeIsCollectedSelectedFedBackAndOfferedToThePortfolioOnlyThroughReview() async throws {
        try await withApp { app, _ in
            let (admin, people) = try await project(app)
            try await OrganisationHub(organisationID: people.organisation.id!, hubID: people.hub.id!, status: .approved)
                .create(on: app.db)
            let bad = try await admin.post(
                "/impact/projects/goals-not-walls/stories-of-change",
                form: [
                    "domain": "relations", "period": "Spring 2026", "told_on": "2099-01-01", "teller": "A parent",
                    "what_happened": "We talked.",
                ])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.text.contains("must be today or in the past"))
            XCTAssertTrue(bad.text.contains("Choose what the teller agreed to"))
            XCTAssertTrue(bad.text.contains("We talked."))
            let saved = try await admin.post(
                "/impact/projects/goals-not-walls/stories-of-change",
                form: [
                    "domain": "relations", "period": "Spring 2026", "told_on": "2026-05-01",
                    "teller": "A parent from the estate", "consent": "portfolio",
                    "place": "Leeds", "what_happened": "My son now plays football with boys from the other estate.",
                    "why_it_matters": "The two estates used to fight.",
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let story = try await ChangeStory.query(on: app.db).first()
            let base = "/impact/projects/goals-not-walls/stories-of-change/\(story!.id!.uuidString.lowercased())"
            var page = try await admin.get(base)
            XCTAssertTrue(page.text.contains("Once a panel chooses it"), "not offered before a panel chooses it")
            let early = try await admin.post(base + "/story", form: ["portfolio_title": "Football across the estates"])
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertTrue(early.text.contains("Only a story a panel chose"))
            _ = try await admin.post(
                base + "/selections",
                form: [
                    "level": "Project team", "panel": "Two volunteers and the coordinator", "chosen": "yes",
                    "reasons": "It shows friendship across the divide.", "decided_on": "2026-06-01",
                ])
            _ = try await admin.post(
                base + "/feedback",
                form: ["feedback": "Your story was chosen because it shows friendship.", "fed_back_on": "2026-06-10"])
            page = try await admin.get(base)
            XCTAssertTrue(page.text.contains("Project team: chosen"))
            XCTAssertTrue(page.text.contains("Fed back on 10 June 2026"))
            let offered = try await admin.post(
                base + "/story", form: ["portfolio_title": "Football across the estates"])
            XCTAssertEqual(offered.status, .seeOther, offered.text)
            let draft = try await Story.query(on: app.db).first()
            XCTAssertEqual(
                draft?.status, Story.Status.draft, "it starts as a draft, waiting for consent and review")
            XCTAssertTrue(draft?.body.contains("Told by A parent from the estate") ?? false)
            let publicPage = try await TestClient(app).get("/stories/\(draft!.slug)")
            XCTAssertEqual(publicPage.status, .notFound, "nobody outside sees it before review")
            let again = try await admin.post(base + "/story", form: ["portfolio_title": "Again"])
            XCTAssertTrue(again.text.contains("already been offered"))
            let outsider = TestClient(app)
            try await outsider.signIn(TestPeople.Role.member.email)
            let hidden = try await outsider.get(base)
            XCTAssertEqual(hidden.status, .forbidden, "stories of change stay inside the organisation")
        }
    }

    func testTheReportFollowsTheTheoryOfChangeWithPublishedFiguresAndChosenStories() async throws {
        try await withApp { app, _ in
            let (admin, _) = try await project(app)
            try await openConfidenceSurveys(admin, outcome: "Young people feel confident")
            try await answerBeforeAndAfter(app, people: 12) { $0 <= 9 ? "4" : "2" }
            for (teller, consent) in [("A coach", "organisation"), ("A goalkeeper", "anonymised")] {
                _ = try await admin.post(
                    "/impact/projects/goals-not-walls/stories-of-change",
                    form: [
                        "domain": "attitudes", "period": "2026", "told_on": "2026-05-01", "teller": teller,
                        "consent": consent,
                        "what_happened": "Story from \(teller).", "why_it_matters": "It matters.",
                    ])
                let story = try await ChangeStory.query(on: app.db).filter(\.$teller == teller).first()
                _ = try await admin.post(
                    "/impact/projects/goals-not-walls/stories-of-change/\(story!.id!.uuidString.lowercased())/selections",
                    form: [
                        "level": "Team", "panel": "Coaches", "chosen": "yes", "reasons": "Moving.",
                        "decided_on": "2026-06-01",
                    ])
            }
            let report = try await admin.get("/impact/projects/goals-not-walls/report")
            XCTAssertTrue(
                report.text.contains("Story from A goalkeeper."), "a chosen story its teller let leave the organisation"
            )
            XCTAssertFalse(
                report.text.contains("Story from A coach."),
                "a story kept inside the organisation never reaches the report")
            XCTAssertEqual(report.status, .ok)
            XCTAssertTrue(report.text.contains("Young people feel confident"))
            XCTAssertTrue(report.text.contains("Tournaments"))
            XCTAssertTrue(report.text.contains("Estates at ease with each other"))
            XCTAssertTrue(report.text.contains("12 people answered"), "the organisation's own report has exact counts")
            XCTAssertTrue(report.text.contains("9 of 12 people improved"), report.text)
            XCTAssertTrue(report.text.contains("public version"), "and says where the version to share is")

            let published = try await TestClient(app).get("/impact/projects/goals-not-walls/public-report")
            XCTAssertEqual(published.status, .ok, "a visitor may read a listed organisation's public report")
            XCTAssertTrue(
                published.text.contains("about 10 people answered"), "counts in the public report are rounded")
            XCTAssertFalse(published.text.contains("9 of 12"), "exact small counts never leave the organisation")
            XCTAssertFalse(published.text.contains("12 people answered"))
            XCTAssertTrue(published.text.contains("Figures are under disclosure control"), "and it says so in one line")
            XCTAssertFalse(published.text.contains("Story from A coach."))
            XCTAssertFalse(published.text.contains("Back to the project"), "a visitor cannot open the project itself")
        }
    }

    func testRollUpsAddUpAcrossProjectsBeforeDisclosureControl() async throws {
        try await withApp { app, _ in
            let (admin, people) = try await project(app)
            try await OrganisationHub(organisationID: people.organisation.id!, hubID: people.hub.id!, status: .approved)
                .create(on: app.db)
            try await openConfidenceSurveys(admin, outcome: "Confidence")
            try await answerBeforeAndAfter(app, people: 13) { $0 <= 11 ? "4" : "1" }
            let national = try await TestClient(app).get("/impact")
            XCTAssertEqual(national.status, .ok)
            XCTAssertTrue(
                national.text.contains(
                    "Confidence talking about difference (CONFIDENCE)</th><td>1</td><td>about 15</td><td>hidden</td><td>0</td><td>fewer than 8</td>"
                ), national.text)
            let hub = try await TestClient(app).get("/hubs/riverside/impact")
            XCTAssertTrue(hub.text.contains("What projects in Riverside show"))
            XCTAssertTrue(hub.text.contains("Confidence talking about difference (CONFIDENCE)"))
            let otherHub = try await TestClient(app).get("/hubs/hillside/impact")
            XCTAssertTrue(
                otherHub.text.contains("No paired answers yet."), "a hub counts only its own organisations' projects")
        }
    }

    /// An outcome measured by CONFIDENCE, and a survey before and a survey after the project.
    private func openConfidenceSurveys(_ admin: TestClient, outcome: String) async throws {
        _ = try await admin.post(
            "/impact/projects/goals-not-walls/outcomes", form: ["description": outcome, "indicators[]": "CONFIDENCE"])
        for (title, mode) in [("Before", "before"), ("After", "after")] {
            _ = try await admin.post(
                "/impact/projects/goals-not-walls/surveys",
                form: ["survey_title": title, "mode": mode, "survey_indicators[]": "CONFIDENCE"])
        }
    }

    /// `count` people answer before (2) and after (`after(person)`), each under their own code.
    private func answerBeforeAndAfter(_ app: Application, people count: Int, after: (Int) -> String) async throws {
        let surveys = try await Survey.query(on: app.db).sort(\.$title, .descending).all()
        for person in 1...count {
            for survey in surveys {
                _ = try await TestClient(app).post(
                    "/s/\(survey.token)",
                    form: [
                        "submission_key": Tokens.random(), "consent_box[]": "yes", "participant_code": "p-\(person)",
                        "answer_CONFIDENCE": survey.mode == .before ? "2" : after(person),
                    ])
            }
        }
    }

    func testThirteenOfSixteenImprovingIsNeverPublishedAsFifteenOfFifteen() async throws {
        try await withApp { app, _ in
            let (admin, _) = try await project(app)
            try await openConfidenceSurveys(admin, outcome: "Confidence")
            // 13 improve, 2 stay the same, 1 gets worse. A true share ("about 8 in 10") is not given:
            // for some counts behind the same rounded figures ("about 9 in 10" of 15 or 16) it would
            // show that 1 stayed the same and 1 got worse, and the wording must not depend on which.
            try await answerBeforeAndAfter(app, people: 16) { $0 <= 13 ? "4" : ($0 <= 15 ? "2" : "1") }
            let national = try await TestClient(app).get("/impact")
            XCTAssertTrue(
                national.text.contains(
                    "<td>about 15</td><td>most</td><td>fewer than 8</td><td>fewer than 8</td>"),
                national.text)
            XCTAssertFalse(national.text.contains("<td>15</td>"), "15 of 15 would say everyone improved")

            let own = try await admin.get("/impact/projects/goals-not-walls/report")
            XCTAssertTrue(own.text.contains("13 of 16 people improved, 2 stayed the same and 1 got worse"), own.text)
            let published = try await TestClient(app).get("/impact/projects/goals-not-walls/public-report")
            XCTAssertTrue(
                published.text.contains(
                    "Of about 15 people, most improved, fewer than 8 stayed the same and fewer than 8 got worse"
                ),
                published.text)
        }
    }

    func testAMembersOnlyOrganisationsPublicReportIsNotFoundByThoseWhoCannotSeeIt() async throws {
        try await withApp { app, _ in
            let (_, people) = try await project(app)
            people.organisation.visibility = .members
            try await people.organisation.save(on: app.db)
            let visitor = try await TestClient(app).get("/impact/projects/goals-not-walls/public-report")
            XCTAssertEqual(visitor.status, .notFound, "a visitor is not told the organisation exists")
            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            let notYetApproved = try await registered.get("/impact/projects/goals-not-walls/public-report")
            XCTAssertEqual(notYetApproved.status, .notFound, "nor is someone not yet approved")
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let approved = try await member.get("/impact/projects/goals-not-walls/public-report")
            XCTAssertEqual(approved.status, .ok, "alliance members see members-only organisations")
        }
    }

    func testEachIndicatorOpensWithAPlainSentenceInItsPeoplesWordsAndFoldsTheTestsAway() async throws {
        try await withApp { app, _ in
            let (admin, _) = try await project(app)
            let edited = try await admin.post(
                "/impact/projects/goals-not-walls/edit",
                form: [
                    "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                    "kind_of_work": "common-purpose", "activities": "Tournaments", "participants": "players",
                ])
            XCTAssertEqual(edited.status, .seeOther, edited.text)
            try await openConfidenceSurveys(admin, outcome: "Confidence")
            try await answerBeforeAndAfter(app, people: 16) { $0 <= 13 ? "4" : ($0 <= 15 ? "2" : "1") }
            let after = try await Survey.query(on: app.db).filter(\.$title == "After").first()
            let path = "/impact/projects/goals-not-walls/surveys/\(after!.id!)/analysis"

            let own = try await admin.get(path)
            XCTAssertTrue(
                own.text.contains(
                    "13 of 16 players now feel more confident talking about a divisive topic; 2 stayed the same; 1 less confident."
                ), own.text)
            XCTAssertTrue(own.text.contains("<summary class=\"details__summary\">How sure can we be?</summary>"))
            XCTAssertTrue(own.text.contains("Not very confident → Fairly confident"), "the middle answers in words")
            XCTAssertTrue(own.text.contains(">Not very confident</text>"), "the chart's axis uses the answer words")
            XCTAssertTrue(own.text.contains("CONFIDENCE: Confidence talking about difference"))
            XCTAssertFalse(own.text.contains("Practitioner confidence"), "players are not practitioners")

            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let published = try await member.get(path)
            XCTAssertTrue(
                published.text.contains(
                    "Of about 15 players, most now feel more confident talking about a divisive topic; fewer than 8 stayed the same; fewer than 8 less confident."
                ), published.text)
            XCTAssertFalse(published.text.contains("degrees of freedom"), "df is the number of pairs less one")
            XCTAssertFalse(published.text.contains("Rank-biserial"))
            XCTAssertTrue(published.text.contains("inside the organisation only"))
            XCTAssertTrue(own.text.contains("15 degrees of freedom"), "the organisation reads every figure")

            _ = try await admin.post(
                "/impact/projects/goals-not-walls/edit",
                form: [
                    "organisation": "bridge-builders", "name": "Goals not walls", "summary": "Football.",
                    "kind_of_work": "common-purpose", "activities": "Tournaments", "about_practitioners[]": "yes",
                ])
            let practitioners = try await admin.get(path)
            XCTAssertTrue(practitioners.text.contains("CONFIDENCE: Practitioner confidence"))
            XCTAssertTrue(practitioners.text.contains("13 of 16 practitioners now feel more confident"))
        }
    }

    func testAnIndicatorsCodeIsMadeOfWholeWordsNeverOneCutShort() {
        XCTAssertEqual(
            IndicatorsController.codeWords("Sitting together at lunch in the school canteen"), "SITTING-TOGETHER-AT")
        XCTAssertEqual(IndicatorsController.codeWords("Speaking up"), "SPEAKING-UP")
        XCTAssertEqual(
            IndicatorsController.codeWords("Intercommunitarianism-flavoured friendliness"), "INTERCOMMUNITARIANISM",
            "a long first word is kept whole")
    }
}
