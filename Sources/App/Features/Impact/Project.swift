import Fluent
import Vapor

/// A piece of work an organisation wants to measure, with its theory of change: what goes in,
/// what it does, what it counts, the changes it hopes for (each measured by indicators), and the
/// long-term difference it works towards.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "summary") var summary: String
    @Field(key: "kind_of_work") var kindOfWork: String
    @Field(key: "inputs") var inputs: String
    @Field(key: "activities") var activities: String
    @Field(key: "outputs") var outputs: String
    @Field(key: "impact") var impact: String
    @Children(for: \.$project) var outcomes: [Outcome]
    @Children(for: \.$project) var surveys: [Survey]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A change for people that a project hopes for, measured by indicators from the library.
final class Outcome: Model, @unchecked Sendable {
    static let schema = "project_outcomes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "position") var position: Int
    @Field(key: "description") var description: String
    /// Indicator codes from `IndicatorCatalogue`, comma-separated.
    @Field(key: "indicator_codes") var indicatorCodes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(projectID: UUID, position: Int, description: String, indicatorCodes: [String]) {
        self.$project.id = projectID
        self.position = position
        self.description = description
        self.indicatorCodes = indicatorCodes.joined(separator: ",")
    }

    func indicators(_ lookup: IndicatorLookup) -> [LibraryIndicator] {
        indicatorCodes.split(separator: ",").compactMap { lookup.indicator(String($0)) }
    }
}

struct ProjectForm: Sendable, Equatable {
    var organisation = ""
    var name = ""
    var summary = ""
    var kindOfWork = ""
    var inputs = ""
    var activities = ""
    var outputs = ""
    var impact = ""

    init() {}

    init(_ req: Request) {
        organisation = req.formText("organisation")
        name = req.formText("name")
        summary = req.formText("summary", keepNewlines: true)
        kindOfWork = req.formText("kind_of_work")
        inputs = req.formText("inputs", keepNewlines: true)
        activities = req.formText("activities", keepNewlines: true)
        outputs = req.formText("outputs", keepNewlines: true)
        impact = req.formText("impact", keepNewlines: true)
    }

    init(_ project: Project, organisationSlug: String) {
        organisation = organisationSlug
        name = project.name
        summary = project.summary
        kindOfWork = project.kindOfWork
        inputs = project.inputs
        activities = project.activities
        outputs = project.outputs
        impact = project.impact
    }

    func validate(allowedOrganisations: Set<String>) -> FormErrors {
        var errors = FormErrors()
        if organisation.isEmpty || !allowedOrganisations.contains(organisation) {
            errors.add("organisation", "Choose one of the organisations you run")
        }
        ContentChecks.required(name, field: "name", label: "the project's name", max: 150, into: &errors)
        ContentChecks.required(summary, field: "summary", label: "a summary", max: 600, into: &errors)
        if !Vocabulary.kindOfWork.isValid(kindOfWork) {
            errors.add("kind_of_work-\(Vocabulary.kindOfWork.terms[0].code)", "Choose the kind of work")
        }
        ContentChecks.optional(inputs, field: "inputs", label: "the inputs", max: 2_000, into: &errors)
        ContentChecks.required(
            activities, field: "activities", label: "at least one activity", max: 4_000, into: &errors)
        ContentChecks.optional(outputs, field: "outputs", label: "the outputs", max: 4_000, into: &errors)
        ContentChecks.optional(impact, field: "impact", label: "the long-term difference", max: 2_000, into: &errors)
        return errors
    }

    func apply(to project: Project, organisationID: UUID) {
        project.$organisation.id = organisationID
        project.name = name
        project.summary = summary
        project.kindOfWork = kindOfWork
        project.inputs = inputs
        project.activities = activities
        project.outputs = outputs
        project.impact = impact
    }
}

struct M011CreateProjects: AsyncMigration {
    var name: String { "M011CreateProjects" }

    func prepare(on database: Database) async throws {
        try await database.schema(Project.schema)
            .id()
            .field("slug", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("kind_of_work", .string, .required)
            .field("inputs", .string, .required)
            .field("activities", .string, .required)
            .field("outputs", .string, .required)
            .field("impact", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(Outcome.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("indicator_codes", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Outcome.schema).delete()
        try await database.schema(Project.schema).delete()
    }
}
