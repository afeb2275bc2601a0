import Fluent
import Foundation

/// A story of change (Most Significant Change, Davies and Dart 2005): collected from someone
/// the project touched, then read by panels who choose the most significant and say why, with
/// their choice fed back to the teller. Kept inside the organisation; a chosen story reaches the
/// alliance's portfolio only as a new draft that goes through consent and review like any story.
final class ChangeStory: Model, @unchecked Sendable {
    static let schema = "change_stories"

    enum Domain: String, CaseIterable, Codable, Sendable {
        case relations, attitudes, neighbourhood, other

        var label: String {
            switch self {
            case .relations: return "Relations between groups"
            case .attitudes: return "A person's attitudes and confidence"
            case .neighbourhood: return "Neighbourhood life"
            case .other: return "Any other change"
            }
        }
    }

    enum Consent: String, CaseIterable, Codable, Sendable {
        case organisation, anonymised, portfolio

        var label: String {
            switch self {
            case .organisation: return "Only inside the organisation"
            case .anonymised: return "Shared beyond the organisation without anything that identifies them"
            case .portfolio:
                return "May also be offered to the alliance's story portfolio, after their own consent there"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "domain") var domain: Domain
    @Field(key: "period") var period: String
    @Field(key: "told_on") var toldOn: String
    @OptionalParent(key: "collector_id") var collector: User?
    /// A role or pseudonym, never a name.
    @Field(key: "teller") var teller: String
    @Field(key: "consent") var consent: Consent
    @Field(key: "place") var place: String
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "why_it_matters") var whyItMatters: String
    @OptionalField(key: "feedback") var feedback: String?
    @OptionalField(key: "fed_back_on") var fedBackOn: String?
    @OptionalParent(key: "story_id") var story: Story?
    @Children(for: \.$changeStory) var selections: [ChangeStorySelection]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $project, $domain, $period, $toldOn, $collector, $teller, $consent, $place, $whatHappened,
            $whyItMatters, $feedback, $fedBackOn, $story, $selections, $createdAt,
        ]
    }
}

/// One selection round: a panel at some level reads the stories and chooses, giving reasons.
final class ChangeStorySelection: Model, @unchecked Sendable {
    static let schema = "change_story_selections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "change_story_id") var changeStory: ChangeStory
    @Field(key: "level") var level: String
    @Field(key: "panel") var panel: String
    @Field(key: "chosen") var chosen: Bool
    @Field(key: "reasons") var reasons: String
    @Field(key: "decided_on") var decidedOn: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $changeStory, $level, $panel, $chosen, $reasons, $decidedOn, $recordedBy, $createdAt]
    }
}
