import Fluent
import Foundation
import Vapor

@testable import App

/// Records many tests need, made directly in the database the way the site would leave them.
enum TestContent {
    /// A narrative in the bank, "Strivers and skivers".
    @discardableResult
    static func narrative(on app: Application) async throws -> Narrative {
        let narrative = Narrative()
        narrative.slug = "strivers"
        narrative.title = "Strivers and skivers"
        narrative.hotTopic = .welfare
        narrative.claim = "People on benefits choose not to work."
        narrative.setsAgainst = "Working people against claimants."
        narrative.facts = "- Most spending goes on [pensions](https://obr.uk)."
        narrative.answers = "Listen first."
        narrative.resourceSlugs = ""
        try await narrative.create(on: app.db)
        return narrative
    }

    /// A project of `organisation`, with its theory of change left blank.
    @discardableResult
    static func project(_ name: String, slug: String, of organisation: Organisation, on app: Application)
        async throws -> Project
    {
        let project = Project()
        project.slug = slug
        project.$organisation.id = try organisation.requireID()
        project.name = name
        project.summary = "A project."
        project.kindOfWork = "interfaith-sport"
        project.inputs = ""
        project.activities = ""
        project.outputs = ""
        project.impact = ""
        try await project.create(on: app.db)
        return project
    }

    /// A story published in `hub` as a steward would leave it: one version, approved, with one
    /// consent of the given scope, so whoever that scope allows may read it.
    @discardableResult
    static func publishedStory(
        _ title: String, in hub: Hub, by authorID: UUID? = nil, scope: ConsentScope = .public, on app: Application
    ) async throws -> Story {
        let story = try Story(
            slug: title.lowercased().replacingOccurrences(of: " ", with: "-"), title: title, summary: "Summary",
            body: "Body", hubID: hub.requireID(), organisationID: nil, authorID: authorID, kindOfWork: "mediation")
        try await story.create(on: app.db)
        let version = try StoryVersion(
            storyID: story.requireID(), number: 1, title: title, summary: "Summary", body: "Body", savedBy: authorID)
        try await version.create(on: app.db)
        try await StoryConsent(
            storyID: story.requireID(), person: "Sam", scope: scope, howGiven: "Signed form", givenOn: "2026-01-01",
            expiresOn: nil
        ).create(on: app.db)
        story.status = .published
        story.publishedVersionID = version.id
        story.publishedAt = Date()
        story.firstPublishedAt = Date()
        try await story.save(on: app.db)
        return story
    }
}
