import Fluent
import Foundation

/// Consents with an end date: on the day one ends, its story comes down (or leaves the review
/// queue), exactly as if the person had withdrawn, with an audit entry and a message to the
/// author and the hub's stewards. Readers never see the story past that day in any case (the
/// audience rule reads end dates on every request); this makes the state and the people match.
enum ConsentExpiry {
    struct Ended: Sendable {
        let story: String
        let person: String
    }

    static func apply(today: String = UKDate.today(), mailer: Mailer, baseURL: String, on db: Database) async throws
        -> [Ended]
    {
        let ended = try await StoryConsent.query(on: db).filter(\.$withdrawnAt == nil).filter(\.$expiresOn != nil)
            .filter(\.$expiresOn <= today)
            .with(\.$story).all()
        var done: [Ended] = []
        // One story may have several consents ending together: it comes down once, naming them all.
        for consents in Dictionary(grouping: ended, by: { $0.$story.id }).values {
            guard let consent = consents.first else { continue }
            let story = consent.story
            let people = consents.map(\.person).joined(separator: " and ")
            let wasPublished = story.publishedVersionID != nil
            let wasWaiting = story.status == .submitted
            guard wasPublished || wasWaiting else { continue }
            let endedOn = consent.expiresOn ?? today
            story.status = .returned
            if wasPublished {
                story.publishedVersionID = nil
                story.publishedAt = nil
                story.returnReason =
                    "\(people)'s consent ended on \(endedOn), so the story was taken down. It can be published again only without them, or with a new consent from them."
            } else {
                story.returnReason =
                    "\(people)'s consent ended on \(endedOn) while the story was waiting for review. Take them out of the story, or record a new consent from them, before sending it again."
            }
            try await story.save(on: db)
            try await AuditEntry(
                actorID: nil, action: wasPublished ? .storyUnpublished : .storyReturned, subjectType: "story",
                subjectID: story.id?.uuidString,
                detail: "a consent ended on \(endedOn)", ipAddress: nil
            ).create(on: db)
            let message = """
                A consent for "\(story.title)" ended on \(endedOn), so the story \(wasPublished ? "has been taken down. It no longer appears on the site, in feeds, search or the API" : "has left the review queue").

                \(baseURL)\(SiteURL.manageStory(story.slug).path)
                """
            if let authorID = story.$author.id, let author = try await User.find(authorID, on: db) {
                try await mailer.send(
                    to: author.email,
                    subject: wasPublished ? "Your story has been taken down" : "Your story has been returned",
                    body: "Hello \(author.name),\n\n\(message)\n\nBridgework")
            }
            if wasPublished {
                try await mailer.tellStewards(
                    ofHub: story.$hub.id, subject: "A story has been taken down", body: message)
            }
            done.append(Ended(story: story.title, person: people))
        }
        return done
    }
}
