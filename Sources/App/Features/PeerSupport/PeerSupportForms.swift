/// A request for a critical friend, as the member typed it.
struct PeerRequestForm: SubmittedForm {
    var title = ""
    var challenge = ""
    var methods: Set<String> = []
    var themes: Set<String> = []
    var preferOutsideHub = false

    init() {}

    init(_ input: FormInput) {
        title = input.text("title")
        challenge = input.text("challenge", keepNewlines: true)
        methods = input.set("methods")
        themes = input.set("themes")
        preferOutsideHub = input.set("outside_hub").contains("yes")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a short title", max: 120, into: &errors)
        ContentChecks.required(challenge, field: "challenge", label: "the challenge", max: 5_000, into: &errors)
        ContentChecks.codes(methods, in: .method, field: "methods", into: &errors)
        ContentChecks.codes(themes, in: .theme, field: "themes", into: &errors)
        return errors
    }
}

/// A skill a member offers others, as they typed it.
struct SkillOfferForm: SubmittedForm {
    var title = ""
    var description = ""
    var methods: Set<String> = []

    init() {}

    init(_ input: FormInput) {
        title = input.text("skill_title")
        description = input.text("skill_description", keepNewlines: true)
        methods = input.set("skill_methods")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "skill_title", label: "what you offer", max: 150, into: &errors)
        ContentChecks.optional(description, field: "skill_description", label: "the details", max: 2_000, into: &errors)
        ContentChecks.codes(methods, in: .method, field: "skill_methods", into: &errors)
        return errors
    }
}
