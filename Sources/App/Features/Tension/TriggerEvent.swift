import Fluent
import Foundation

/// A single incident with national reach, declared by the national team, after which every hub's
/// stewards are asked how things are locally. It carries the response playbook for the first day,
/// week and month.
final class TriggerEvent: Model, @unchecked Sendable {
    static let schema = "trigger_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "what_happened") var whatHappened: String
    /// The day it happened, "2026-12-04".
    @Field(key: "happened_on") var happenedOn: String
    /// Theme codes, comma-separated.
    @Field(key: "themes") var themes: String
    /// What to do in the first 24 hours, the first 7 days and the first 30 days (Markdown).
    @Field(key: "first_day") var firstDay: String
    @Field(key: "first_week") var firstWeek: String
    @Field(key: "first_month") var firstMonth: String
    /// Slugs of library resources, narratives and case studies, one per line each.
    @Field(key: "resource_slugs") var resourceSlugs: String
    @Field(key: "narrative_slugs") var narrativeSlugs: String
    @Field(key: "case_study_slugs") var caseStudySlugs: String
    @OptionalParent(key: "declared_by") var declaredBy: User?
    @Timestamp(key: "declared_at", on: .create) var declaredAt: Date?
    /// When the one reminder went to hubs that had not checked in; set once, by whichever run won.
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    /// Check-ins are taken until the national team closes it.
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $title, $whatHappened, $happenedOn, $themes, $firstDay, $firstWeek, $firstMonth, $resourceSlugs,
            $narrativeSlugs, $caseStudySlugs, $declaredBy, $declaredAt, $remindedAt, $closedAt,
        ]
    }

    var isOpen: Bool { closedAt == nil }
    var themeCodes: [String] { themes.split(separator: ",").map(String.init) }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// How long after declaring the one reminder goes.
    static let reminderAfter: TimeInterval = 24 * 3600
}

/// One hub's answer to a trigger event: a level, or "no change", and a note for the national team.
/// One per hub and event; a later answer replaces it.
final class TriggerCheckIn: Model, @unchecked Sendable {
    static let schema = "trigger_check_ins"

    @ID(key: .id) var id: UUID?
    @Parent(key: "trigger_event_id") var triggerEvent: TriggerEvent
    @Parent(key: "hub_id") var hub: Hub
    @OptionalParent(key: "user_id") var user: User?
    /// Nil when the answer is "no change".
    @OptionalField(key: "level") var level: Int?
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $triggerEvent, $hub, $user, $level, $note, $createdAt, $updatedAt] }

    init(triggerEventID: UUID, hubID: UUID, userID: UUID?, level: Int?, note: String) {
        self.$triggerEvent.id = triggerEventID
        self.$hub.id = hubID
        self.$user.id = userID
        self.level = level
        self.note = note
    }

    var isNoChange: Bool { level == nil }
}

/// A week whose count of hubs at each level the national team chose to publish.
final class PublishedTensionWeek: Model, @unchecked Sendable {
    static let schema = "tension_published_weeks"

    @ID(key: .id) var id: UUID?
    @Field(key: "week") var week: String
    @OptionalParent(key: "published_by") var publishedBy: User?
    @Timestamp(key: "published_at", on: .create) var publishedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $week, $publishedBy, $publishedAt] }

    init(week: String, publishedBy: UUID?) {
        self.week = week
        self.$publishedBy.id = publishedBy
    }
}
