import Fluent
import SQLKit
import Vapor

/// An indicator an organisation adds to the library for its own projects, or a local indicator
/// a community names in its own words (the Everyday Peace Indicators way): proposed, voted on,
/// and adopted before it is measured.
final class CustomIndicator: Model, @unchecked Sendable {
    static let schema = "custom_indicators"

    enum Kind: String, Sendable { case own, local }
    enum Status: String, Sendable { case proposed, adopted }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "kind") var kind: String
    @Field(key: "code") var code: String
    @Field(key: "construct") var construct: String
    @Field(key: "wording") var wording: String
    /// The answers, best first, one per line.
    @Field(key: "answers") var answers: String
    /// For local indicators: the community that named it, in its own words.
    @Field(key: "community") var community: String
    @OptionalParent(key: "proposed_by") var proposedBy: User?
    @Field(key: "status") var status: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var isAdopted: Bool { status == Status.adopted.rawValue }

    var asIndicator: LibraryIndicator {
        LibraryIndicator(
            code: code, construct: construct, source: kind == Kind.local.rawValue ? .local : .organisation,
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
            .filter(\.$status == CustomIndicator.Status.adopted.rawValue)
            .sort(\.$createdAt).all()
        return IndicatorLookup(custom: rows.map(\.asIndicator))
    }
}

struct M015CreateCustomIndicators: AsyncMigration {
    var name: String { "M015CreateCustomIndicators" }

    func prepare(on database: Database) async throws {
        try await database.schema(CustomIndicator.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("code", .string, .required)
            .field("construct", .string, .required)
            .field("wording", .string, .required)
            .field("answers", .string, .required)
            .field("community", .string, .required)
            .field("proposed_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(CustomIndicatorVote.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(CustomIndicator.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "indicator_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CustomIndicatorVote.schema).delete()
        try await database.schema(CustomIndicator.schema).delete()
    }
}
