import Fluent
import Vapor

/// A divisive narrative as people meet it, set out even-handedly: the claim, whom it sets against
/// whom, the facts with sources, and how people answer it well.
final class Narrative: Model, @unchecked Sendable {
    static let schema = "narratives"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "hot_topic") var hotTopic: HotTopic
    @Field(key: "claim") var claim: String
    @Field(key: "sets_against") var setsAgainst: String
    @Field(key: "facts") var facts: String
    @Field(key: "answers") var answers: String
    /// Library resources that help answer it, by slug, one per line.
    @Field(key: "resource_slugs") var resourceSlugs: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $slug, $title, $hotTopic, $claim, $setsAgainst, $facts, $answers, $resourceSlugs, $createdAt, $updatedAt]
    }

    var resources: [String] { resourceSlugs.split(whereSeparator: \.isNewline).map { String($0) } }
}

/// Where a hub's members have met a narrative locally. Seen by alliance members only, and never
/// about a person: the form refuses text that looks like contact details.
final class NarrativeSighting: Model, @unchecked Sendable {
    static let schema = "narrative_sightings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "narrative_id") var narrative: Narrative
    @Parent(key: "hub_id") var hub: Hub
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "seen_on") var seenOn: String
    @Field(key: "place") var place: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $narrative, $hub, $user, $seenOn, $place, $note, $createdAt] }

    init(narrativeID: UUID, hubID: UUID, userID: UUID?, seenOn: String, place: String, note: String) {
        self.$narrative.id = narrativeID
        self.$hub.id = hubID
        self.$user.id = userID
        self.seenOn = seenOn
        self.place = place
        self.note = note
    }
}

/// What a curator typed for a narrative.
struct NarrativeForm: SubmittedForm, Equatable {
    var title = ""
    var hotTopic = ""
    var claim = ""
    var setsAgainst = ""
    var facts = ""
    var answers = ""
    var resources = ""

    init() {}

    init(_ input: FormInput) {
        func field(_ name: String) -> String { input.text(name, keepNewlines: true) }
        title = field("title")
        hotTopic = field("hot_topic")
        claim = field("claim")
        setsAgainst = field("sets_against")
        facts = field("facts")
        answers = field("answers")
        resources = field("resources")
    }

    init(_ narrative: Narrative) {
        title = narrative.title
        hotTopic = narrative.hotTopic.rawValue
        claim = narrative.claim
        setsAgainst = narrative.setsAgainst
        facts = narrative.facts
        answers = narrative.answers
        resources = narrative.resourceSlugs
    }

    var resourceSlugs: [String] {
        resources.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " }).map { String($0) }.filter {
            !$0.isEmpty
        }
    }

    /// The checks that need nothing but the form; the handler also checks the resources named.
    func validate() -> FormErrors {
        validate(knownResources: nil)
    }

    /// `knownResources`: the library slugs the form may name, or nil not to check them.
    func validate(knownResources: Set<String>?) -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a title", max: 150, into: &errors)
        if HotTopic(rawValue: hotTopic) == nil {
            errors.add("hot_topic-\(HotTopic.allCases[0].rawValue)", "Choose the hot topic the narrative belongs to")
        }
        ContentChecks.required(claim, field: "claim", label: "the claim as people meet it", max: 2_000, into: &errors)
        ContentChecks.required(
            setsAgainst, field: "sets_against", label: "whom it sets against whom", max: 1_000, into: &errors)
        ContentChecks.required(
            facts, field: "facts", label: "the facts, with their sources", max: 10_000, into: &errors)
        ContentChecks.required(answers, field: "answers", label: "how people answer it", max: 10_000, into: &errors)
        let unknown = knownResources.map { known in resourceSlugs.filter { !known.contains($0) } } ?? []
        if !unknown.isEmpty {
            errors.add("resources", "These are not in the library: \(unknown.prefix(5).joined(separator: ", "))")
        }
        return errors
    }

    func apply(to narrative: Narrative) {
        narrative.title = title
        // Only a checked form is applied, so the topic is one of the list.
        if let topic = HotTopic(rawValue: hotTopic) { narrative.hotTopic = topic }
        narrative.claim = claim
        narrative.setsAgainst = setsAgainst
        narrative.facts = facts
        narrative.answers = answers
        narrative.resourceSlugs = resourceSlugs.joined(separator: "\n")
    }
}

/// Where and when a member met a narrative, as they typed it.
struct SightingForm: SubmittedForm, Equatable {
    var hub = ""
    var seenOn = ""
    var place = ""
    var note = ""

    init() {}

    init(_ input: FormInput) {
        hub = input.text("hub")
        seenOn = input.date("seen_on")
        place = input.text("place")
        note = input.text("note", keepNewlines: true)
    }

    /// Text that looks like an email address or a phone number: sightings are about places, never people.
    static func looksLikeContactDetails(_ text: String) -> Bool {
        if text.range(of: #"[^\s@]+@[^\s@]+\.[^\s@]+"#, options: .regularExpression) != nil { return true }
        let digits = text.filter(\.isNumber)
        return digits.count >= 9 && text.range(of: #"(\+?\d[\d\s\-()]{8,}\d)"#, options: .regularExpression) != nil
    }

    /// The checks that need nothing but the form; the handler also checks the hub is the person's.
    func validate() -> FormErrors {
        validate(allowedHubs: nil, today: UKDate.today())
    }

    /// `allowedHubs`: the slugs of the hubs the person may report in, or nil not to check them.
    func validate(allowedHubs: Set<String>?, today: String) -> FormErrors {
        var errors = FormErrors()
        if hub.isEmpty || allowedHubs?.contains(hub) == false { errors.add("hub", "Choose one of your hubs") }
        if let date = UKDate.validated(seenOn) {
            if date > today { errors.add("seen_on", "The date must be today or in the past") }
        } else {
            errors.add("seen_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        ContentChecks.required(place, field: "place", label: "where it was seen", max: 200, into: &errors)
        ContentChecks.required(note, field: "note", label: "what was seen", max: 2_000, into: &errors)
        for (field, value) in [("place", place), ("note", note)] where Self.looksLikeContactDetails(value) {
            errors.add(field, "Take out the email address or phone number: sightings must never identify anyone")
        }
        return errors
    }
}
