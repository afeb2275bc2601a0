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
    /// How people make their participant code, in the organisation's words ("your first pet's
    /// name and your house number"); shown beside the code box on every survey of the project.
    @OptionalField(key: "code_hint") var codeHint: String?
    /// The word for the people answering its surveys ("pupils"), used in the analysis.
    @OptionalField(key: "participants") var participants: String?
    /// Whether the people answering are practitioners: staff or volunteers who do the work.
    @OptionalField(key: "about_practitioners") var aboutPractitioners: Bool?

    var isAboutPractitioners: Bool { aboutPractitioners ?? false }

    /// The word for the people answering, in sentences: "pupils", or "people".
    var participantsWord: String { participants ?? (isAboutPractitioners ? "practitioners" : "people") }
    @Children(for: \.$project) var outcomes: [Outcome]
    @Children(for: \.$project) var surveys: [Survey]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $organisation, $name, $summary, $kindOfWork, $inputs, $activities, $outputs, $impact, $codeHint,
            $participants, $aboutPractitioners, $outcomes, $surveys, $createdAt, $updatedAt,
        ]
    }

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

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $project, $position, $description, $indicatorCodes, $createdAt] }

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

/// A project and its theory of change, as an organisation's admin typed it.
struct ProjectForm: SubmittedForm, Equatable {
    var organisation = ""
    var name = ""
    var summary = ""
    var kindOfWork = ""
    var inputs = ""
    var activities = ""
    var outputs = ""
    var impact = ""
    var codeHint = ""
    var participants = ""
    var isAboutPractitioners = false

    init() {}

    init(_ input: FormInput) {
        organisation = input.text("organisation")
        name = input.text("name")
        summary = input.text("summary", keepNewlines: true)
        kindOfWork = input.text("kind_of_work")
        inputs = input.text("inputs", keepNewlines: true)
        activities = input.text("activities", keepNewlines: true)
        outputs = input.text("outputs", keepNewlines: true)
        impact = input.text("impact", keepNewlines: true)
        codeHint = input.text("code_hint")
        participants = input.text("participants")
        isAboutPractitioners = input.set("about_practitioners").contains("yes")
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
        codeHint = project.codeHint ?? ""
        participants = project.participants ?? ""
        isAboutPractitioners = project.isAboutPractitioners
    }

    /// The checks that need nothing but the form; the handler also checks the organisation is one
    /// the person runs.
    func validate() -> FormErrors {
        validate(allowedOrganisations: nil)
    }

    /// `allowedOrganisations`: the slugs of the organisations the person runs, or nil not to check them.
    func validate(allowedOrganisations: Set<String>?) -> FormErrors {
        var errors = FormErrors()
        if organisation.isEmpty || allowedOrganisations?.contains(organisation) == false {
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
        ContentChecks.optional(codeHint, field: "code_hint", label: "the hint for codes", max: 200, into: &errors)
        ContentChecks.optional(
            participants, field: "participants", label: "the word for the people answering", max: 40, into: &errors)
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
        project.codeHint = codeHint.isEmpty ? nil : codeHint
        // As typed: "Year 9 pupils" and "Muslim women" keep their capitals.
        project.participants = participants.isEmpty ? nil : participants
        project.aboutPractitioners = isAboutPractitioners
    }
}

/// An outcome of a project's theory of change, as its admin typed it.
struct OutcomeForm: SubmittedForm {
    var description = ""
    var codes: Set<String> = []

    init() {}

    init(_ input: FormInput) {
        description = input.text("description", keepNewlines: true)
        codes = input.set("indicators")
    }

    /// The checks that need nothing but the form; the handler also checks the indicators exist.
    func validate() -> FormErrors {
        validate(lookup: nil)
    }

    /// `lookup`: the indicators the organisation may measure by, or nil not to check the codes.
    func validate(lookup: IndicatorLookup?) -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(
            description, field: "description", label: "the change you hope for", max: 1_000, into: &errors)
        if codes.isEmpty { errors.add("indicators", "Choose at least one indicator to measure it by") }
        if let lookup, codes.contains(where: { lookup.indicator($0) == nil }) {
            errors.add("indicators", "Choose indicators from the list")
        }
        return errors
    }
}

extension Project: PolicySubject {
    /// A project is its organisation's: its admins edit it, its people work on it.
    var policyResource: PolicyResource { .organisation($organisation.id) }
}

extension Project {
    /// The project named by `projectSlug` in the address, for someone who may read it: approved
    /// members, and its own organisation's people. Anyone else is refused, as on every project page.
    static func readable(in req: Request) async throws -> Project {
        guard let slug = req.parameters.get("projectSlug"),
            let project = try await Project.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        try req.authorize(.readProject, .organisation(project.$organisation.id))
        return project
    }
}

extension SubjectLoader {
    /// The project of a `/impact/projects/{projectSlug}/…` route, for someone who may read it.
    static let projectBySlug = SubjectLoader { req in try await Project.readable(in: req) }

    /// A project with its organisation, for its public report.
    static let publishedProjectBySlug = SubjectLoader { req in
        guard let slug = req.parameters.get("projectSlug"),
            let project = try await Project.query(on: req.db).filter(\.$slug == slug).with(\.$organisation).first()
        else { throw Abort(.notFound) }
        return PublishedProject(project: project, organisation: project.organisation)
    }
}

/// A project as its public report shows it: as visible as its organisation's listing.
struct PublishedProject: PolicySubject {
    let project: Project
    let organisation: Organisation

    var policyResource: PolicyResource {
        .listing(organisationID: project.$organisation.id, isPublic: organisation.isPublic)
    }
}
