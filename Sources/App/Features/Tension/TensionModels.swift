import Fluent
import Foundation

/// What a member saw that bears on relations in the hub's area. Private to the hub's members: it
/// never leaves the hub as a row, and the national team sees only levels and counts.
final class TensionObservation: Model, @unchecked Sendable {
    static let schema = "tension_observations"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case incident
        case rumour
        case onlineNarrative = "online-narrative"
        case protest
        case nationalEcho = "national-echo"
        case other

        var label: String {
            switch self {
            case .incident: return "An incident"
            case .rumour: return "A rumour"
            case .onlineNarrative: return "An online narrative"
            case .protest: return "A protest or march"
            case .nationalEcho: return "A local echo of a national event"
            case .other: return "Something else"
            }
        }

        /// Kinds that spread a story, and so may echo a narrative in the bank.
        var mayEchoNarrative: Bool { self == .rumour || self == .onlineNarrative }
    }

    /// How the member knows, as police tension reports grade information.
    enum Grading: String, Codable, Sendable, CaseIterable {
        case evidenced
        case experienced
        case potential

        var label: String {
            switch self {
            case .evidenced: return "Evidenced"
            case .experienced: return "Experienced"
            case .potential: return "Potential"
            }
        }

        var hint: String {
            switch self {
            case .evidenced: return "Recorded or checked: a report, a photograph, a post you saw yourself."
            case .experienced: return "Felt or heard first-hand by people in the area, not yet checked."
            case .potential: return "Something that could raise tension if nothing is done: a planned march, a date."
            }
        }
    }

    /// Where it came from: a kind of source, never a person.
    enum SourceType: String, Codable, Sendable, CaseIterable {
        case ownObservation = "own"
        case community
        case partner
        case socialMedia = "social-media"
        case localMedia = "local-media"
        case other

        var label: String {
            switch self {
            case .ownObservation: return "I saw or heard it myself"
            case .community: return "People in the community told us"
            case .partner: return "A partner: council, police, school, health or housing"
            case .socialMedia: return "Social media"
            case .localMedia: return "Local news"
            case .other: return "Another kind of source"
            }
        }
    }

    enum FollowUpStatus: String, Codable, Sendable, CaseIterable {
        case none
        case open
        case done

        var label: String {
            switch self {
            case .none: return "No follow-up needed"
            case .open: return "Follow-up open"
            case .done: return "Follow-up done"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    /// Kept without its author when the author deletes their account.
    @OptionalParent(key: "user_id") var author: User?
    /// The day it was seen, "2026-12-04".
    @Field(key: "observed_on") var observedOn: String
    /// The ISO week of `observedOn`, kept so weekly figures are one grouped query.
    @Field(key: "week") var week: String
    /// A local authority the hub serves (ONS code).
    @Field(key: "area_code") var areaCode: String
    @Field(key: "kind") var kind: Kind
    /// Theme codes, comma-separated, from the directory's theme list.
    @Field(key: "themes") var themes: String
    @Field(key: "level") var level: Int
    @Field(key: "what_seen") var whatSeen: String
    @Field(key: "grading") var grading: Grading
    @Field(key: "source_type") var sourceType: SourceType
    @Field(key: "response") var response: String
    @OptionalParent(key: "narrative_id") var narrative: Narrative?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalParent(key: "acknowledged_by") var acknowledgedBy: User?
    @OptionalField(key: "follow_up") var followUp: String?
    @Field(key: "follow_up_status") var followUpStatus: FollowUpStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $hub, $author, $observedOn, $week, $areaCode, $kind, $themes, $level, $whatSeen, $grading, $sourceType,
            $response, $narrative, $acknowledgedAt, $acknowledgedBy, $followUp, $followUpStatus, $createdAt,
        ]
    }

    var themeCodes: [String] { themes.split(separator: ",").map(String.init) }
}

/// The level a hub's stewards set for the hub as a whole, with why. The last one set in a week is
/// that week's level; a week with none is "not assessed", never calm.
final class TensionHubLevel: Model, @unchecked Sendable {
    static let schema = "tension_hub_levels"

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Field(key: "level") var level: Int
    @Field(key: "note") var note: String
    @Field(key: "week") var week: String
    @OptionalParent(key: "set_by") var setBy: User?
    @Timestamp(key: "set_at", on: .create) var setAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $level, $note, $week, $setBy, $setAt] }

    init(hubID: UUID, level: Int, note: String, week: String, setBy: UUID?) {
        self.$hub.id = hubID
        self.level = level
        self.note = note
        self.week = week
        self.$setBy.id = setBy
    }
}

/// A hub's own words for one level of its scale. A level with no row uses the default wording.
final class TensionLevelWording: Model, @unchecked Sendable {
    static let schema = "tension_level_wordings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Field(key: "level") var level: Int
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $level, $name, $description] }

    init(hubID: UUID, level: Int, name: String, description: String) {
        self.$hub.id = hubID
        self.level = level
        self.name = name
        self.description = description
    }
}

/// How long a hub keeps its observations. A hub with no row keeps them for the default.
final class TensionSettings: Model, @unchecked Sendable {
    static let schema = "tension_settings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Field(key: "retention_months") var retentionMonths: Int

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $retentionMonths] }

    init(hubID: UUID, retentionMonths: Int) {
        self.$hub.id = hubID
        self.retentionMonths = retentionMonths
    }
}

/// One level of a hub's scale, as its members read it.
struct TensionLevel: Sendable, Equatable {
    let number: Int
    let name: String
    let description: String
}

/// A hub's scale: always five levels, numbered 1 (calm) to 5 (serious), so national figures
/// compare like with like; each hub may reword them.
struct TensionScale: Sendable, Equatable {
    static let levelCount = 5
    /// Observations at these levels wait for a steward to acknowledge them.
    static let acknowledgedFrom = 4
    static let retentionChoices = [3, 6, 12, 24]
    static let defaultRetentionMonths = 12

    static let defaultLevels: [TensionLevel] = [
        .init(
            number: 1, name: "Calm", description: "Relations are as usual; nothing out of the ordinary is being said."),
        .init(
            number: 2, name: "Watchful",
            description: "Some talk or a small incident that could grow; worth keeping an eye on."),
        .init(
            number: 3, name: "Raised",
            description: "Tension people can feel: rumours spreading, a contested event coming, partners asking."),
        .init(
            number: 4, name: "High",
            description: "Open hostility, threats or a serious incident; a response is needed this week."),
        .init(
            number: 5, name: "Critical",
            description: "Disorder or a real risk of it; partners and the hub act together today."),
    ]

    let levels: [TensionLevel]

    static let standard = TensionScale(levels: defaultLevels)

    func level(_ number: Int) -> TensionLevel? { levels.first { $0.number == number } }

    /// "4, High", as a level is named in lists.
    func describe(_ number: Int) -> String {
        level(number).map { "\($0.number), \($0.name)" } ?? String(number)
    }

    static func needsAcknowledging(_ level: Int) -> Bool { level >= acknowledgedFrom }

    static func isValid(_ level: Int) -> Bool { (1...levelCount).contains(level) }
}

extension TensionScale {
    /// A hub's scale: its own wording where it has some, the default elsewhere.
    static func of(hubID: UUID, on db: Database) async throws -> TensionScale {
        let wordings = try await TensionLevelWording.query(on: db).filter(\.$hub.$id == hubID).all()
        let byLevel = Dictionary(wordings.map { ($0.level, $0) }, uniquingKeysWith: { first, _ in first })
        return TensionScale(
            levels: defaultLevels.map { standard in
                guard let own = byLevel[standard.number] else { return standard }
                return TensionLevel(number: standard.number, name: own.name, description: own.description)
            })
    }
}

extension TensionSettings {
    static func retentionMonths(of hubID: UUID, on db: Database) async throws -> Int {
        try await TensionSettings.query(on: db).filter(\.$hub.$id == hubID).first()?.retentionMonths
            ?? TensionScale.defaultRetentionMonths
    }
}
