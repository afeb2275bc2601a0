import Fluent
import SQLKit
import Vapor

/// An indicator an organisation adds to the library for its own projects, or a local indicator
/// a community names in its own words (the Everyday Peace Indicators way): proposed, voted on,
/// and adopted before it is measured.
final class CustomIndicator: Model, @unchecked Sendable {
    static let schema = "custom_indicators"

    enum Kind: String, Codable, Sendable {
        case own
        case local
    }

    enum Status: String, Codable, Sendable {
        case proposed
        case adopted
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "kind") var kind: Kind
    @Field(key: "code") var code: String
    @Field(key: "construct") var construct: String
    @Field(key: "wording") var wording: String
    /// The answers, best first, one per line.
    @Field(key: "answers") var answers: String
    /// For local indicators: the community that named it, in its own words.
    @Field(key: "community") var community: String
    @OptionalParent(key: "proposed_by") var proposedBy: User?
    @Field(key: "status") var status: Status
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $organisation, $kind, $code, $construct, $wording, $answers, $community, $proposedBy, $status,
            $createdAt,
        ]
    }

    var isAdopted: Bool { status == .adopted }

    var asIndicator: LibraryIndicator {
        LibraryIndicator(
            code: code, construct: construct, source: kind == .local ? .local : .organisation,
            wording: wording, isOfficialWording: false, answers: Project.lines(answers), lowerIsBetter: false,
            nationalFigures: [])
    }
}

/// One member's vote for a proposed local indicator.
final class CustomIndicatorVote: Model, @unchecked Sendable {
    static let schema = "custom_indicator_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: CustomIndicator
    @Parent(key: "user_id") var user: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $indicator, $user, $createdAt] }
}

/// Finds an indicator by code: the built-in library first, then what the organisation added
/// (its own indicators, and local indicators its communities adopted).
struct IndicatorLookup: Sendable {
    let custom: [LibraryIndicator]

    func indicator(_ code: String) -> LibraryIndicator? {
        IndicatorCatalogue.indicator(code) ?? custom.first { $0.code == code }
    }

    var all: [LibraryIndicator] { IndicatorCatalogue.all + custom }

    func isLowerBetter(_ code: String) -> Bool { indicator(code)?.lowerIsBetter ?? false }

    static func forOrganisation(_ organisationID: UUID, on db: Database) async throws -> IndicatorLookup {
        let rows = try await CustomIndicator.query(on: db)
            .filter(\.$organisation.$id == organisationID)
            .filter(\.$status == .adopted)
            .sort(\.$createdAt).all()
        return IndicatorLookup(custom: rows.map(\.asIndicator))
    }
}
