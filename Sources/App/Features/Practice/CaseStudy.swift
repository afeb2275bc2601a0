import Fluent
import Vapor

/// A case study in the practice bank: what was done, where, and what difference it made, in
/// parts people can compare and adapt.
final class CaseStudy: Model, @unchecked Sendable {
    static let schema = "case_studies"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "context") var context: String
    @Field(key: "challenge") var challenge: String
    @Field(key: "approach") var approach: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "contact") var contact: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $title, $summary, $organisation, $context, $challenge, $approach, $outcome, $evidence, $contact,
            $createdAt, $updatedAt,
        ]
    }

    /// The structured parts, in reading order, with their headings.
    var parts: [(heading: String, text: String)] {
        [
            ("The context", context), ("The challenge", challenge), ("The approach and methods", approach),
            ("What happened", outcome), ("Evidence of difference", evidence), ("Contact", contact),
        ]
    }
}

/// A case study a member keeps on their own list.
final class CaseStudySave: Model, @unchecked Sendable {
    static let schema = "case_study_saves"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "case_study_id") var caseStudy: CaseStudy
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $caseStudy, $createdAt] }

    init(userID: UUID, caseStudyID: UUID) {
        self.$user.id = userID
        self.$caseStudy.id = caseStudyID
    }
}

/// What a curator typed for a case study.
struct CaseStudyForm: SubmittedForm, Equatable {
    var title = ""
    var summary = ""
    var organisation = ""
    var context = ""
    var challenge = ""
    var approach = ""
    var outcome = ""
    var evidence = ""
    var contact = ""
    var kindsOfWork: Set<String> = []
    var methods: Set<String> = []
    var themes: Set<String> = []

    static let partLimit = 5_000

    init() {}

    init(_ input: FormInput) {
        func field(_ name: String) -> String { input.text(name, keepNewlines: true) }
        title = field("title")
        summary = field("summary")
        organisation = field("organisation")
        context = field("context")
        challenge = field("challenge")
        approach = field("approach")
        outcome = field("outcome")
        evidence = field("evidence")
        contact = field("contact")
        kindsOfWork = input.set("work")
        methods = input.set("methods")
        themes = input.set("themes")
    }

    init(_ study: CaseStudy, organisationSlug: String?, terms: [Vocabulary: [String]]) {
        title = study.title
        summary = study.summary
        organisation = organisationSlug ?? ""
        context = study.context
        challenge = study.challenge
        approach = study.approach
        outcome = study.outcome
        evidence = study.evidence
        contact = study.contact
        kindsOfWork = Set(terms[.kindOfWork] ?? [])
        methods = Set(terms[.method] ?? [])
        themes = Set(terms[.theme] ?? [])
    }

    /// The checks that need nothing but the form; the handler also checks the organisation named.
    func validate() -> FormErrors {
        validate(knownOrganisations: nil)
    }

    /// `knownOrganisations`: the directory slugs the organisation field may name, or nil not to check it.
    func validate(knownOrganisations: Set<String>?) -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a title", max: 150, into: &errors)
        ContentChecks.required(summary, field: "summary", label: "a summary", max: 400, into: &errors)
        if let knownOrganisations, !organisation.isEmpty, !knownOrganisations.contains(organisation) {
            errors.add(
                "organisation",
                "Enter the web address name (slug) of an organisation in the directory, or leave it empty")
        }
        for (name, value, label) in [
            ("context", context, "the context"), ("challenge", challenge, "the challenge"),
            ("approach", approach, "the approach"),
            ("outcome", outcome, "what happened"), ("evidence", evidence, "the evidence of difference"),
            ("contact", contact, "how to get in touch"),
        ] {
            ContentChecks.required(value, field: name, label: label, max: Self.partLimit, into: &errors)
        }
        if kindsOfWork.isEmpty { errors.add("work", "Choose at least one kind of work") }
        ContentChecks.codes(kindsOfWork, in: .kindOfWork, field: "work", into: &errors)
        ContentChecks.codes(methods, in: .method, field: "methods", into: &errors)
        ContentChecks.codes(themes, in: .theme, field: "themes", into: &errors)
        return errors
    }

    func apply(to study: CaseStudy, organisationID: UUID?) {
        study.title = title
        study.summary = summary
        study.$organisation.id = organisationID
        study.context = context
        study.challenge = challenge
        study.approach = approach
        study.outcome = outcome
        study.evidence = evidence
        study.contact = contact
    }

    var terms: [Vocabulary: Set<String>] { [.kindOfWork: kindsOfWork, .method: methods, .theme: themes] }
}
