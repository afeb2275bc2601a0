/// A story of change as the person collecting it typed it.
struct ChangeStoryForm: SubmittedForm {
    var domain = ""
    var period = ""
    var toldOn = ""
    var teller = ""
    var consent = ""
    var place = ""
    var whatHappened = ""
    var whyItMatters = ""

    init() {}

    init(_ input: FormInput) {
        domain = input.text("domain")
        period = input.text("period")
        toldOn = input.date("told_on")
        teller = input.text("teller")
        consent = input.text("consent")
        place = input.text("place")
        whatHappened = input.text("what_happened", keepNewlines: true)
        whyItMatters = input.text("why_it_matters", keepNewlines: true)
    }

    func validate() -> FormErrors {
        validate(today: UKDate.today())
    }

    func validate(today: String) -> FormErrors {
        var errors = FormErrors()
        if ChangeStory.Domain(rawValue: domain) == nil {
            errors.add("domain-relations", "Choose the kind of change the story is about")
        }
        ContentChecks.required(period, field: "period", label: "the reporting period", max: 100, into: &errors)
        if let date = UKDate.validated(toldOn) {
            if date > today { errors.add("told_on", "The date the story was told must be today or in the past") }
        } else {
            errors.add("told_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        ContentChecks.required(
            teller, field: "teller", label: "who told it, as a role or pseudonym", max: 100, into: &errors)
        if ChangeStory.Consent(rawValue: consent) == nil {
            errors.add("consent-organisation", "Choose what the teller agreed to")
        }
        ContentChecks.optional(place, field: "place", label: "the place", max: 120, into: &errors)
        ContentChecks.required(whatHappened, field: "what_happened", label: "what happened", max: 5_000, into: &errors)
        ContentChecks.required(
            whyItMatters, field: "why_it_matters", label: "why it matters to the teller", max: 2_000, into: &errors)
        return errors
    }

    /// Copies a checked form onto a new story.
    func apply(to story: ChangeStory) {
        // Only a checked form is applied, so the kind of change and the consent are from the lists.
        if let domain = ChangeStory.Domain(rawValue: domain) { story.domain = domain }
        story.period = period
        story.toldOn = toldOn
        story.teller = teller
        if let consent = ChangeStory.Consent(rawValue: consent) { story.consent = consent }
        story.place = place
        story.whatHappened = whatHappened
        story.whyItMatters = whyItMatters
    }
}

/// A panel's selection round, as it was recorded.
struct SelectionForm: SubmittedForm {
    var level = ""
    var panel = ""
    /// "yes" or "no", as the radios send it.
    var chosen = ""
    var reasons = ""
    var decidedOn = ""

    init() {}

    init(_ input: FormInput) {
        level = input.text("level")
        panel = input.text("panel")
        chosen = input.text("chosen")
        reasons = input.text("reasons", keepNewlines: true)
        decidedOn = input.date("decided_on")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(level, field: "level", label: "the level of the round", max: 100, into: &errors)
        ContentChecks.required(panel, field: "panel", label: "who was on the panel", max: 300, into: &errors)
        if chosen != "yes" && chosen != "no" { errors.add("chosen-yes", "Say whether the panel chose this story") }
        ContentChecks.required(reasons, field: "reasons", label: "the panel's reasons", max: 2_000, into: &errors)
        if UKDate.validated(decidedOn) == nil {
            errors.add("decided_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        return errors
    }
}

/// What the teller was told about the panels' choice, and when.
struct FeedbackForm: SubmittedForm {
    var text = ""
    var date = ""

    init(text: String, date: String) {
        self.text = text
        self.date = date
    }

    init(_ input: FormInput) {
        text = input.text("feedback", keepNewlines: true)
        date = input.date("fed_back_on")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(text, field: "feedback", label: "what the teller was told", max: 2_000, into: &errors)
        if UKDate.validated(date) == nil {
            errors.add("fed_back_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        return errors
    }
}
