/// An indicator of the organisation's own, as its admin typed it.
struct OwnIndicatorForm: SubmittedForm {
    var construct = ""
    var wording = ""
    var answers = ""

    init() {}

    init(_ input: FormInput) {
        construct = input.text("construct")
        wording = input.text("wording")
        answers = input.text("answers", keepNewlines: true)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(construct, field: "construct", label: "what it measures", max: 80, into: &errors)
        ContentChecks.required(wording, field: "wording", label: "the question", max: 500, into: &errors)
        IndicatorsController.checkAnswers(answers, field: "answers", into: &errors)
        return errors
    }
}

/// A local indicator a member proposes, in the community's own words.
struct LocalIndicatorForm: SubmittedForm {
    var community = ""
    var wording = ""
    var answers = ""

    init() {}

    init(_ input: FormInput) {
        community = input.text("community")
        wording = input.text("local_wording")
        answers = input.text("local_answers", keepNewlines: true)
        // Answers left empty are the usual ones, how true the sign is.
        if answers.isEmpty { answers = IndicatorsController.defaultLocalAnswers }
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(community, field: "community", label: "the community", max: 120, into: &errors)
        ContentChecks.required(
            wording, field: "local_wording", label: "the sign, in the community's words", max: 300, into: &errors)
        IndicatorsController.checkAnswers(answers, field: "local_answers", into: &errors)
        return errors
    }
}
