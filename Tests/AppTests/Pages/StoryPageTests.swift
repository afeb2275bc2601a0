import Foundation
import Plot
import XCTest

@testable import App

/// The story pages, rendered from their models alone: no server, no database.
final class StoryPageTests: XCTestCase {
    private let hub = Hub(id: UUID(), slug: "tyneside", name: "Tyneside", region: "North East", summary: "")

    private func story(status: Story.Status = .draft) -> Story {
        let story = Story(
            id: UUID(), slug: "the-long-table", title: "The long <table>", summary: "Neighbours & a meal.",
            body: "We ate together.", hubID: hub.id!, organisationID: nil, authorID: UUID(),
            kindOfWork: Vocabulary.kindOfWork.terms.first?.code ?? "")
        story.status = status
        story.$hub.value = hub
        return story
    }

    private func published(title: String = "The long <table>") -> PublishedStory {
        PublishedStory(
            id: UUID(), slug: "the-long-table", title: title, summary: "Neighbours & a meal.", body: "We ate.",
            hubSlug: "tyneside", hubName: "Tyneside", organisationName: nil, kindOfWork: "", publishedAt: Date(),
            updatedAt: Date(), hasPhoto: false, photoAlt: nil)
    }

    private func listModel(
        stories: [PublishedStory], total: Int? = nil, signedIn: Bool = false, canReview: Bool = false,
        query: StoryQuery = StoryQuery()
    ) -> StoryListPage.Model {
        StoryListPage.Model(
            page: .preview(path: "/stories", signedInName: signedIn ? "Amira" : nil), query: query,
            stories: Paged(
                items: stories, page: query.page, size: StoryQuery.pageSize, total: total ?? stories.count),
            hubs: [hub], canDraftStory: signedIn, canSeeOwnStories: signedIn, canReviewStories: canReview)
    }

    private func manageModel(_ story: Story, canEdit: Bool = false, canReview: Bool = false)
        -> StoryManagePage.Model
    {
        StoryManagePage.Model(
            page: .preview(path: "/stories/the-long-table/manage", signedInName: "Amira"), story: story, hub: hub,
            terms: [], consents: [], versions: [], today: "2026-03-27", canEdit: canEdit, canReview: canReview)
    }

    func testTheListEscapesWhatAuthorsWrote() {
        let html = StoryListPage.view(listModel(stories: [published()])).render()
        XCTAssertTrue(html.contains("The long &lt;table&gt;"))
        XCTAssertTrue(html.contains("Neighbours &amp; a meal."))
        XCTAssertTrue(html.contains("1 story"))
    }

    func testAVisitorIsNotOfferedToTellAStory() {
        let html = StoryListPage.view(listModel(stories: [])).render()
        XCTAssertFalse(html.contains("Tell a story"))
        XCTAssertFalse(html.contains("Your stories"))
        XCTAssertTrue(html.contains("No stories match."))
    }

    func testOnlyAReviewerSeesTheStoriesToReviewLink() {
        let member = StoryListPage.view(listModel(stories: [], signedIn: true)).render()
        XCTAssertTrue(member.contains("Tell a story"))
        XCTAssertFalse(member.contains("Stories to review"))
        let steward = StoryListPage.view(listModel(stories: [], signedIn: true, canReview: true)).render()
        XCTAssertTrue(steward.contains("href=\"/stories/review\""))
    }

    func testALongListOfStoriesKeepsTheSearchInItsPageLinks() {
        var query = StoryQuery()
        query.text = "table"
        query.page = 2
        let html = StoryListPage.view(listModel(stories: [published()], total: 30, query: query)).render()
        XCTAssertTrue(html.contains("Page 2 of 3"))
        XCTAssertTrue(html.contains("href=\"/stories?page=3&amp;q=table\""))
        XCTAssertTrue(html.contains("href=\"/stories?q=table\""), "the first page needs no number")
    }

    func testTheAuthorCanEditAndSendADraftForReview() {
        let html = StoryManagePage.view(manageModel(story(), canEdit: true)).render()
        XCTAssertTrue(html.contains("Edit the story"))
        XCTAssertTrue(html.contains("Send to the hub's stewards for review"))
        XCTAssertTrue(html.contains("Add a consent"))
        XCTAssertFalse(html.contains("Your review"))
    }

    func testAStewardReviewsASubmittedStoryButCannotEditIt() {
        let html = StoryManagePage.view(manageModel(story(status: .submitted), canReview: true)).render()
        XCTAssertTrue(html.contains("Your review"))
        XCTAssertTrue(html.contains("action=\"/stories/the-long-table/review\""))
        XCTAssertFalse(html.contains("Edit the story"))
        XCTAssertFalse(html.contains("Add a consent"))
    }

    func testAReviewSentBackKeepsTheStewardsNoteAndChoice() {
        var model = manageModel(story(status: .submitted), canReview: true)
        model.reviewForm.decision = .return
        model.reviewForm.reason = "Take out <the surname>"
        model.errors.add("decision", "The story changed while you were reading it")
        let html = StoryManagePage.view(model).render()
        XCTAssertTrue(html.contains("Take out &lt;the surname&gt;"))
        XCTAssertTrue(html.contains("href=\"#decision-publish\""))
        XCTAssertTrue(html.contains("id=\"decision-return\" name=\"decision\" value=\"return\" checked"))
    }

    func testTheReviewQueueTellsSomeoneWhoStewardsNoHub() {
        let nobody = StoryReviewsPage.view(.init(page: .preview(), stories: [], reviewsAnyHub: false)).render()
        XCTAssertTrue(nobody.contains("You are not a steward of any hub"))
        let steward = StoryReviewsPage.view(.init(page: .preview(), stories: [], reviewsAnyHub: true)).render()
        XCTAssertTrue(steward.contains("Nothing is waiting for review."))
    }

    func testMyStoriesListsEachStoryWithItsStatus() {
        let html = MyStoriesPage.view(.init(page: .preview(), stories: [story(status: .returned)])).render()
        XCTAssertTrue(html.contains("href=\"/stories/the-long-table/manage\""))
        XCTAssertTrue(html.contains("Returned to the author"))
    }
}
