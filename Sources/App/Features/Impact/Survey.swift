import Fluent
import SQLKit
import Vapor

/// A survey for one project: before or after, built from the project's indicators, answered
/// through a public link with an unguessable token. Answers are anonymous; a participant code the
/// person chooses (never a name) links their before and after answers.
final class Survey: Model, @unchecked Sendable {
    static let schema = "surveys"

    /// The survey modes of IMPACT.md.
    enum Mode: String, CaseIterable, Codable, Sendable {
        case before
        case after
        /// After the programme, "how are you now" and, on a separate page, "how were you before".
        case afterWithThen = "after_then"
        case afterOnly = "after_only"
        case feedback

        var label: String {
            switch self {
            case .before: return "Before the project"
            case .after: return "After the project, paired with the answers before"
            case .afterWithThen: return "After the project, with a look back at how things were before"
            case .afterOnly: return "After the project only"
            case .feedback: return "Feedback on an event or session"
            }
        }

        var hint: String? {
            switch self {
            case .afterWithThen:
                return
                    "People answer for now, then on a second page for how they were before. Good when there was no survey before; it can flatter a little."
            case .afterOnly, .feedback: return "No code is asked, so answers are not paired."
            default: return nil
            }
        }

        /// Whether people give a code that links their answers across surveys.
        var asksForCode: Bool { self == .before || self == .after || self == .afterWithThen }
        /// Whether the code is required (pairing is the point of the survey).
        var requiresCode: Bool { self == .before || self == .after }
        /// Whether the form has a second page asking how people were before.
        var asksThen: Bool { self == .afterWithThen }
        /// Whether answers are paired with the project's "before" surveys.
        var pairsWithBefore: Bool { self == .after || self == .afterWithThen }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "title") var title: String
    @Field(key: "mode") var mode: Mode
    @Field(key: "token") var token: String
    /// Eight letters and digits that open the survey from a poster or card; see ``SurveyShortCode``.
    @Field(key: "short_code") var shortCode: String
    @Field(key: "indicator_codes") var indicatorCodes: String
    @OptionalField(key: "opens_on") var opensOn: String?
    @OptionalField(key: "closes_on") var closesOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $project, $title, $mode, $token, $shortCode, $indicatorCodes, $opensOn, $closesOn, $createdAt]
    }

    /// A new survey with its own link and short code.
    init(projectID: UUID, title: String, mode: Mode, indicatorCodes: [String], opensOn: String?, closesOn: String?) {
        self.$project.id = projectID
        self.title = title
        self.mode = mode
        self.token = Tokens.random()
        self.shortCode = SurveyShortCode.random()
        self.indicatorCodes = indicatorCodes.joined(separator: ",")
        self.opensOn = opensOn
        self.closesOn = closesOn
    }

    var codes: [String] { indicatorCodes.split(separator: ",").map(String.init) }

    func indicators(_ lookup: IndicatorLookup) -> [LibraryIndicator] {
        codes.compactMap { lookup.indicator($0) }
    }

    /// Whether answers are taken today (UK time).
    func isOpen(today: String = UKDate.today()) -> Bool {
        (opensOn.map { $0 <= today } ?? true) && (closesOn.map { $0 >= today } ?? true)
    }
}

/// The short code of a survey: eight characters from letters and digits that cannot be mistaken
/// for each other (no I, O, 0 or 1), about a trillion in all, so one cannot be guessed. Shown in
/// two halves (K7P3-QX9M); typed in any case, with or without the dash.
enum SurveyShortCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func random() -> String {
        String((0..<8).map { _ in alphabet.randomElement()! })
    }

    /// "K7P3-QX9M" for a code kept as "K7P3QX9M".
    static func shown(_ code: String) -> String {
        guard code.count == 8 else { return code }
        return code.prefix(4) + "-" + code.suffix(4)
    }

    /// What a person typed, as kept: capitals, no dash or spaces; `nil` when it cannot be a code.
    static func normalised(_ typed: String) -> String? {
        let code = typed.uppercased().filter { $0 != "-" && $0 != " " }
        guard code.count == 8, code.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return code
    }
}

/// One person's answers to a survey. `submissionKey` comes from the form, so pressing submit twice
/// saves one response.
final class SurveyResponse: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Field(key: "submission_key") var submissionKey: String
    @Field(key: "participant_code") var participantCode: String
    /// Set when a volunteer typed in a paper form.
    @OptionalParent(key: "entered_by") var enteredBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $survey, $submissionKey, $participantCode, $enteredBy, $createdAt] }
}

/// One answer, kept with its survey and participant code so analysis can pair answers in SQL.
final class SurveyAnswer: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "response_id") var response: SurveyResponse
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "participant_code") var participantCode: String
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "value") var value: Double
    @Field(key: "part") var part: Part
    /// False once the same participant answered the same survey again: the later answer counts.
    @Field(key: "current") var isCurrent: Bool

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $response, $surveyID, $participantCode, $indicatorCode, $value, $part, $isCurrent]
    }

    /// Which answer of a person this is: how they are now, or, in the look back of an
    /// after-with-then survey, how they were before.
    enum Part: String, Codable, Sendable {
        case now
        case then
    }
}

extension LibraryIndicator {
    /// The choices a survey offers, best first, with the number each answer records.
    var choices: [(label: String, value: Double)] { Self.choices(for: answers) }

    /// Answers listed best first, with the number each records: a number its own value, yes 1 and
    /// no 0, otherwise from the number of answers down to 1.
    static func choices(for answers: [String]) -> [(label: String, value: Double)] {
        if answers.allSatisfy({ Double($0) != nil }) { return answers.map { ($0, Double($0)!) } }
        if answers == ["Yes", "No"] { return [("Yes", 1), ("No", 0)] }
        return answers.enumerated().map { index, label in (label, Double(answers.count - index)) }
    }

    /// Whether the answer is a number typed in rather than a choice.
    var isScaleFrom0To100: Bool { answers == ["0 to 100"] }

    /// The question as a participant reads it.
    var question: String { Self.participantWords(wording) }

    /// Library words as a participant reads them, with the group named.
    static func participantWords(_ wording: String) -> String {
        wording.replacingOccurrences(of: "[group]", with: "people from a different background to you")
    }
}

/// A survey with the project it belongs to, as the survey pages load them. It is the project's
/// organisation's work.
struct ProjectSurvey: PolicySubject {
    let project: Project
    let survey: Survey

    var policyResource: PolicyResource { project.policyResource }
}

extension SubjectLoader {
    /// The survey of a `/impact/projects/{projectSlug}/surveys/{surveyID}/…` route, which must belong
    /// to that project, for someone who may read the project.
    static let surveyInProject = SubjectLoader { req in
        let project = try await Project.readable(in: req)
        guard let id = req.parameters.get("surveyID", as: UUID.self),
            let survey = try await Survey.find(id, on: req.db), survey.$project.id == project.id
        else { throw Abort(.notFound) }
        return ProjectSurvey(project: project, survey: survey)
    }
}
