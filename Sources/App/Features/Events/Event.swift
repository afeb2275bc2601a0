import Fluent
import Vapor

/// A gathering run by a hub or an organisation: when and where, who may come, what access it
/// offers, and how many places. Times are stored as instants and shown in UK time.
final class Event: Model, @unchecked Sendable {
    static let schema = "events"

    enum Audience: String, CaseIterable, Codable, Sendable {
        case `public`, members

        var label: String {
            switch self {
            case .public: return "Anyone, with or without an account"
            case .members: return "Alliance members only"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "place") var place: String
    @Field(key: "online_url") var onlineURL: String
    @Field(key: "step_free") var stepFree: Bool
    @Field(key: "hearing_loop") var hearingLoop: Bool
    @Field(key: "interpreters") var interpreters: String
    @Field(key: "quiet_room") var quietRoom: Bool
    @Field(key: "access_notes") var accessNotes: String
    @Field(key: "capacity") var capacity: Int
    /// Confirmed registrations, kept beside the capacity so one conditional update can take a
    /// place safely however many people register at once.
    @Field(key: "places_taken") var placesTaken: Int
    @Field(key: "audience") var audience: Audience
    @Field(key: "ask_access_needs") var askAccessNeeds: Bool
    @Field(key: "ask_dietary_needs") var askDietaryNeeds: Bool
    @Field(key: "ask_organisation") var askOrganisation: Bool
    @Field(key: "ask_feedback") var askFeedback: Bool
    @OptionalParent(key: "hub_id") var hub: Hub?
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @OptionalParent(key: "created_by") var createdBy: User?
    /// For past events brought in from elsewhere (the 2013 round): how many came.
    @OptionalField(key: "recorded_attendance") var recordedAttendance: Int?
    @OptionalField(key: "feedback_requested_at") var feedbackRequestedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $title, $description, $startsAt, $endsAt, $place, $onlineURL, $stepFree, $hearingLoop,
            $interpreters, $quietRoom, $accessNotes, $capacity, $placesTaken, $audience, $askAccessNeeds,
            $askDietaryNeeds, $askOrganisation, $askFeedback, $hub, $organisation, $createdBy, $recordedAttendance,
            $feedbackRequestedAt, $createdAt,
        ]
    }

    /// An event with nothing asked and nothing offered yet: public, one place, no access notes.
    /// The demo and tests start from it and set what they need.
    convenience init(slug: String, title: String, hubID: UUID?, startsAt: Date = Date(), endsAt: Date = Date()) {
        self.init()
        self.slug = slug
        self.title = title
        description = ""
        place = ""
        onlineURL = ""
        stepFree = false
        hearingLoop = false
        interpreters = ""
        quietRoom = false
        accessNotes = ""
        capacity = 1
        placesTaken = 0
        audience = .public
        askAccessNeeds = false
        askDietaryNeeds = false
        askOrganisation = false
        askFeedback = true
        $hub.id = hubID
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    var isPublic: Bool { audience == .public }
    var placesLeft: Int { max(0, capacity - placesTaken) }
    func hasEnded(now: Date = Date()) -> Bool { endsAt < now }
}

extension Event: PolicySubject {
    /// Those who run its hub or its organisation organise it.
    var policyResource: PolicyResource { .eventHost(hubID: $hub.id, organisationID: $organisation.id) }

    /// The event with this slug, with its hub and organisation, if this person may see it:
    /// members-only events are not found by those who may not see members-only things.
    static func visible(slug: String, in req: Request) async throws -> Event {
        guard slug.count <= 200,
            let event = try await Event.query(on: req.db).filter(\.$slug == slug).with(\.$hub).with(\.$organisation)
                .first(),
            event.isPublic || req.seesMembersOnly
        else { throw Abort(.notFound) }
        return event
    }
}

extension SubjectLoader {
    /// The event in the path (`eventSlug`), as readers find it.
    static let eventBySlug = SubjectLoader { req in
        try await Event.visible(slug: req.parameters.get("eventSlug") ?? "", in: req)
    }
}

/// One person's place (or place in the queue) at an event. People without an account give a name
/// and an email address and confirm it by a link; members are confirmed at once.
final class EventRegistration: Model, @unchecked Sendable {
    static let schema = "event_registrations"

    enum Status: String, Codable, Sendable {
        /// Waiting for the person to open the link in their email.
        case unconfirmed
        /// For a moment while a confirmation takes a place: it keeps a double click from taking two.
        case confirming
        case confirmed
        case waitlisted
        case cancelled
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: Event
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "status") var status: Status
    /// Hash of the secret in the person's links (confirm, cancel, feedback); never the secret itself.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "access_needs") var accessNeeds: String
    @Field(key: "dietary_needs") var dietaryNeeds: String
    @Field(key: "organisation_name") var organisationName: String
    @Field(key: "attended") var attended: Bool
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $event, $user, $name, $email, $status, $tokenHash, $accessNeeds, $dietaryNeeds, $organisationName,
            $attended, $confirmedAt, $createdAt,
        ]
    }
}

/// Feedback from someone who came, through the link sent after the event.
final class EventFeedback: Model, @unchecked Sendable {
    static let schema = "event_feedback"

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: Event
    @Field(key: "registration_id") var registrationID: UUID
    @Field(key: "rating") var rating: Int
    @Field(key: "worked_well") var workedWell: String
    @Field(key: "to_change") var toChange: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $event, $registrationID, $rating, $workedWell, $toChange, $createdAt] }

    static let ratings: [(value: Int, label: String)] = [
        (5, "Very useful"), (4, "Useful"), (3, "Neither useful nor a waste of time"), (2, "Not very useful"),
        (1, "A waste of time"),
    ]
}
