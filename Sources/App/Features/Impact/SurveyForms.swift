import Foundation

/// A new survey for a project, as its admin typed it.
struct SurveyOpeningForm: SubmittedForm {
    var title = ""
    var mode = ""
    var codes: Set<String> = []
    var opensOn = ""
    var closesOn = ""

    init() {}

    init(_ input: FormInput) {
        title = input.text("survey_title")
        mode = input.text("mode")
        codes = input.set("survey_indicators")
        opensOn = input.date("opens_on")
        closesOn = input.date("closes_on")
    }

    /// The checks that need nothing but the form; the handler also checks the indicators are the project's.
    func validate() -> FormErrors {
        validate(available: nil)
    }

    /// `available`: the codes of the indicators the project's outcomes measure by, or nil not to check them.
    func validate(available: Set<String>?) -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "survey_title", label: "a title", max: 150, into: &errors)
        if Survey.Mode(rawValue: mode) == nil { errors.add("mode-before", "Choose when the survey is answered") }
        if codes.isEmpty && mode != Survey.Mode.feedback.rawValue {
            errors.add("survey_indicators", "Choose at least one of the project's indicators")
        }
        if let available, !codes.isSubset(of: available) {
            errors.add("survey_indicators", "Choose indicators from the project's outcomes")
        }
        if !opensOn.isEmpty, UKDate.validated(opensOn) == nil {
            errors.add("opens_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        if !closesOn.isEmpty, UKDate.validated(closesOn) == nil {
            errors.add("closes_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        if let open = UKDate.validated(opensOn), let close = UKDate.validated(closesOn), close < open {
            errors.add("closes_on", "The closing date must be on or after the opening date")
        }
        return errors
    }
}

/// A question a survey adds of its own, as the organisation's admin typed it.
struct SurveyQuestionForm: SubmittedForm {
    var kind = ""
    var wording = ""
    var options = ""
    var scaleFrom = ""
    var scaleTo = ""

    init() {}

    init(_ input: FormInput) {
        kind = input.text("kind")
        wording = input.text("wording")
        options = input.text("options", keepNewlines: true)
        scaleFrom = input.text("scale_from")
        scaleTo = input.text("scale_to")
        // A scale left empty runs from 1 to 5, and the form shows it so.
        if questionKind == .scale {
            if scaleFrom.isEmpty { scaleFrom = "1" }
            if scaleTo.isEmpty { scaleTo = "5" }
        }
    }

    var questionKind: SurveyQuestion.Kind? { SurveyQuestion.Kind(rawValue: kind) }

    /// The scale asked for, when it starts at 0 or 1 and ends between 3 and 10.
    var scale: (from: Int, to: Int)? {
        guard let from = Int(scaleFrom), let to = Int(scaleTo), (0...1).contains(from), (3...10).contains(to)
        else { return nil }
        return (from, to)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        let kind = questionKind
        if kind == nil { errors.add("kind-choice", "Choose the kind of answer") }
        ContentChecks.required(wording, field: "wording", label: "the question", max: 500, into: &errors)
        if kind == .choice { IndicatorsController.checkAnswers(options, field: "options", into: &errors) }
        if kind == .scale, scale == nil {
            errors.add("scale_from", "Choose a scale that starts at 0 or 1 and ends between 3 and 10")
        }
        return errors
    }
}

/// One person's answers to a survey as the form sent them: online, or typed in from paper. The
/// answers themselves are read against the survey's items by `SurveyAnswerSheet`.
struct SurveyResponseForm: SubmittedForm {
    var submissionKey: String
    var participantCode = ""
    var consented = false
    /// The code the person was told matches nothing from before, and chose to send anyway.
    var checkedCode = ""
    /// What was typed, by field name, to show again after a problem.
    var typed: [String: String] = [:]
    /// The survey's mode, which says whether a code is asked. The handler sets it.
    var mode = Survey.Mode.before
    /// Whether a volunteer typed it in from a paper form. The handler sets it.
    var isPaper = false

    init(submissionKey: String) {
        self.submissionKey = submissionKey
    }

    init(_ input: FormInput) {
        submissionKey = input.text("submission_key")
        participantCode = input.text("participant_code")
        consented = input.set("consent_box").contains("yes")
        checkedCode = input.text("code_checked")
    }

    /// Whether the key the form carried can be one we gave: pressing submit twice sends the same key.
    var hasUsableKey: Bool { (16...100).contains(submissionKey.count) }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if !isPaper, !hasUsableKey {
            errors.add("participant_code", "This form has expired. Open the survey link again")
        }
        if !consented {
            errors.add(
                "consent_box-yes",
                isPaper
                    ? "Tick to confirm the person ticked the agreement on the paper form. Without it, the answers cannot be kept"
                    : "Tick the box to say you agree, or close this page if you would rather not answer")
        }
        if mode.asksForCode, !(participantCode.isEmpty && !mode.requiresCode),
            participantCode.range(of: #"^[A-Za-z0-9-]{3,20}$"#, options: .regularExpression) == nil
        {
            errors.add("participant_code", "Enter a code of 3 to 20 letters, numbers or dashes, for example river-42")
        }
        return errors
    }
}
