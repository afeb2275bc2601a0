import Fluent
import Foundation

/// The demo's stories, case studies, narratives and library, re-told from the report's examples
/// (the texts are in `DemoContentData.swift`). The people in stories are pseudonyms with demo
/// consents; nothing here is a real person's account.
enum DemoContent {
    static func seedStories(on db: Database) async throws {
        let hubs = Dictionary(uniqueKeysWithValues: try await Hub.query(on: db).all().map { ($0.slug, $0) })
        let organisations = Dictionary(
            uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.slug, $0) })
        let author = try await User.query(on: db).filter(\.$email == "member@demo.bridgework.org.uk").first()
        // Spread the publication dates over the past months, newest first in the list.
        var publishedAt = Date().addingTimeInterval(-86_400 * 3)
        for seed in stories {
            guard let hub = hubs[seed.hub] else { continue }
            let story = Story(
                slug: seed.slug, title: seed.title, summary: seed.summary, body: seed.body, hubID: try hub.requireID(),
                organisationID: seed.organisation.flatMap { organisations[$0]?.id }, authorID: author?.id,
                kindOfWork: seed.kindOfWork)
            try await story.create(on: db)
            let storyID = try story.requireID()
            let version = StoryVersion(
                storyID: storyID, number: 1, title: seed.title, summary: seed.summary, body: seed.body,
                savedBy: author?.id)
            version.file(
                hubID: try hub.requireID(), organisationID: story.$organisation.id, kindOfWork: seed.kindOfWork,
                themes: Set(seed.themes.filter(Vocabulary.theme.isValid)),
                hotTopics: Set(seed.hotTopics.filter { HotTopic(rawValue: $0) != nil }))
            try await version.create(on: db)
            for code in seed.themes where Vocabulary.theme.isValid(code) {
                try await StoryTerm(storyID: storyID, vocabulary: .theme, code: code).create(on: db)
            }
            for code in seed.hotTopics where HotTopic(rawValue: code) != nil {
                try await StoryTerm(storyID: storyID, vocabulary: .hotTopic, code: code).create(on: db)
            }
            for consent in seed.consents {
                try await StoryConsent(
                    storyID: storyID, person: consent.person, scope: ConsentScope(rawValue: consent.scope) ?? .internal,
                    howGiven: consent.how, givenOn: consent.givenOn, expiresOn: nil
                ).create(on: db)
            }
            if seed.awaitingReview {
                story.status = .submitted
            } else {
                story.status = .published
                story.publishedVersionID = try version.requireID()
                story.publishedAt = publishedAt
                story.firstPublishedAt = publishedAt
                publishedAt = publishedAt.addingTimeInterval(-86_400 * 17)
            }
            try await story.save(on: db)
        }
    }
}

extension DemoContent {
    /// The report's case studies, the narratives it names and the methods it mentions.
    static func seedLibrary(on db: Database) async throws {
        let organisations = Dictionary(
            uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.slug, $0) })
        for seed in resources {
            let resource = Resource()
            resource.slug = seed.slug
            resource.title = seed.title
            // The seeds are fixed literals, each of a kind the library knows.
            resource.kind = Resource.Kind(rawValue: seed.kind)!
            resource.summary = seed.summary
            resource.body = seed.body
            resource.link = seed.link
            resource.doi = seed.doi
            try await resource.create(on: db)
            try await ContentTerm.replace(
                .resource, id: resource.requireID(), with: [.method: Set(seed.methods), .theme: Set(seed.themes)],
                on: db)
        }
        for seed in caseStudies {
            let study = CaseStudy()
            study.slug = seed.slug
            study.title = seed.title
            study.summary = seed.summary
            study.$organisation.id = organisations[seed.organisation]?.id
            study.context = seed.context
            study.challenge = seed.challenge
            study.approach = seed.approach
            study.outcome = seed.outcome
            study.evidence = seed.evidence
            study.contact = seed.contact
            try await study.create(on: db)
            try await ContentTerm.replace(
                .caseStudy, id: study.requireID(),
                with: [.kindOfWork: Set(seed.kindsOfWork), .method: Set(seed.methods), .theme: Set(seed.themes)], on: db
            )
        }
        for seed in narratives {
            let narrative = Narrative()
            narrative.slug = seed.slug
            narrative.title = seed.title
            // The seeds are fixed literals, each on a hot topic stories know.
            narrative.hotTopic = HotTopic(rawValue: seed.hotTopic)!
            narrative.claim = seed.claim
            narrative.setsAgainst = seed.setsAgainst
            narrative.facts = seed.facts
            narrative.answers = seed.answers
            narrative.resourceSlugs = seed.relatedResources.joined(separator: "\n")
            try await narrative.create(on: db)
        }
    }
}

struct DemoConsentSeed {
    let person: String
    let scope: String
    let how: String
    let givenOn: String
}

struct DemoStorySeed {
    let slug: String
    let title: String
    let summary: String
    let body: String
    let hub: String
    let organisation: String?
    let kindOfWork: String
    let themes: [String]
    let hotTopics: [String]
    let consents: [DemoConsentSeed]
    let awaitingReview: Bool
}

struct DemoCaseStudySeed {
    let slug: String
    let title: String
    let summary: String
    let organisation: String
    let context: String
    let challenge: String
    let approach: String
    let outcome: String
    let evidence: String
    let contact: String
    let kindsOfWork: [String]
    let methods: [String]
    let themes: [String]
}

struct DemoNarrativeSeed {
    let slug: String
    let title: String
    let hotTopic: String
    let claim: String
    let setsAgainst: String
    let facts: String
    let answers: String
    let relatedStories: [String]
    let relatedResources: [String]
}

struct DemoResourceSeed {
    let slug: String
    let title: String
    let kind: String
    let summary: String
    let body: String
    let link: String?
    let doi: String?
    let methods: [String]
    let themes: [String]
}
