import Foundation
import Plot
import XCTest

@testable import App

/// The impact pages, rendered from their models alone: no server, no database.
final class ImpactPageTests: XCTestCase {
    private func project() -> Project {
        let organisation = Organisation(slug: "aik-saath", name: "Aik Saath", summary: "Youth work.")
        let project = Project()
        project.id = UUID()
        project.slug = "peer-trainers"
        project.name = "Peer trainers"
        project.summary = "Young people train each other."
        project.$organisation.value = organisation
        return project
    }

    func testSomeoneWhoRunsAnOrganisationIsOfferedToAddAProject() {
        let canAdd = ProjectListPage.view(.init(page: .preview(), projects: [project()], canAdd: true)).render()
        XCTAssertTrue(canAdd.contains("Add a project"))
        XCTAssertTrue(canAdd.contains("Aik Saath"))
        let cannot = ProjectListPage.view(.init(page: .preview(), projects: [], canAdd: false)).render()
        XCTAssertFalse(cannot.contains("Add a project"))
        XCTAssertTrue(cannot.contains("No projects yet."))
    }

    func testASurveyNotYetOpenSaysWhenItOpens() {
        let survey = Survey()
        survey.opensOn = "2026-05-01"
        let early = SurveyClosedPage.view(.init(page: .preview(), survey: survey, today: "2026-04-01")).render()
        XCTAssertTrue(early.contains("<h1>This survey is closed</h1>"))
        XCTAssertTrue(early.contains("It opens on 1 May 2026."))
        let late = SurveyClosedPage.view(.init(page: .preview(), survey: survey, today: "2026-06-01")).render()
        XCTAssertFalse(late.contains("It opens on"))
    }

    private func story(consent: ChangeStory.Consent) -> ChangeStory {
        let story = ChangeStory()
        story.id = UUID()
        story.domain = .relations
        story.period = "Spring 2026"
        story.toldOn = "2026-04-20"
        story.teller = "A Year 9 pupil"
        story.consent = consent
        story.place = ""
        story.whatHappened = "I eat lunch with boys I used to shout at."
        story.whyItMatters = "It feels better walking home."
        story.feedback = nil
        story.fedBackOn = nil
        return story
    }

    private func round(chosen: Bool) -> ChangeStorySelection {
        let selection = ChangeStorySelection()
        selection.level = "Project team"
        selection.panel = "Four peer trainers"
        selection.chosen = chosen
        selection.reasons = "Friendship where there was abuse."
        selection.decidedOn = "2026-05-01"
        return selection
    }

    private func storyPage(consent: ChangeStory.Consent, chosen: Bool) -> String {
        let model = ChangeStoryPage.Model(
            page: .preview(), project: project(), story: story(consent: consent), collector: nil,
            selections: [round(chosen: chosen)], portfolioStory: nil, feedback: FeedbackForm(text: "", date: ""))
        return ChangeStoryPage.view(model).render()
    }

    func testAChosenStoryWhoseTellerAgreedCanBeOfferedToThePortfolio() {
        let html = storyPage(consent: .portfolio, chosen: true)
        XCTAssertTrue(html.contains("<h1>Told by A Year 9 pupil</h1>"))
        XCTAssertTrue(html.contains("Relations between groups"))
        XCTAssertTrue(html.contains("Start a draft story from it"))
    }

    func testAStoryWhoseTellerDidNotAgreeStaysInTheOrganisation() {
        let html = storyPage(consent: .organisation, chosen: true)
        XCTAssertFalse(html.contains("Start a draft story from it"))
        XCTAssertTrue(html.contains("so it stays here"))
    }

    func testAStoryNoPanelChoseWaitsForAPanel() {
        let html = storyPage(consent: .portfolio, chosen: false)
        XCTAssertFalse(html.contains("Start a draft story from it"))
        XCTAssertTrue(html.contains("Once a panel chooses it"))
        XCTAssertTrue(html.contains("Project team: not chosen"))
    }
}
