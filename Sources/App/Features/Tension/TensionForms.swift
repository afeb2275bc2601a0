import Foundation

/// What a member typed to log an observation.
struct ObservationForm: SubmittedForm, Equatable {
    var observedOn = ""
    var area = ""
    var kind = ""
    var themes: Set<String> = []
    var level = ""
    var whatSeen = ""
    var grading = ""
    var sourceType = ""
    var response = ""
    var narrative = ""
    /// Ticked after the personal-data warning: "I have checked, nothing here identifies anyone".
    var confirmedNoPersonalData = false

    static let maximumText = 2_000

    init() {}

    init(_ input: FormInput) {
        observedOn = input.date("observed_on")
        area = input.text("area")
        kind = input.text("kind")
        themes = input.set("themes")
        level = input.text("level")
        whatSeen = input.text("what_seen", keepNewlines: true)
        grading = input.text("grading")
        sourceType = input.text("source_type")
        response = input.text("response", keepNewlines: true)
        narrative = input.text("narrative")
        confirmedNoPersonalData = input.text("confirm_no_personal_data") == "yes"
    }

    func validate() -> FormErrors {
        validate(areaCodes: nil, narratives: nil, today: UKDate.today(), earliest: nil)
    }

    /// `areaCodes` and `narratives`: what the hub may choose from, or nil not to check.
    /// `earliest`: the first day the hub still keeps; an older observation would be deleted at once.
    func validate(areaCodes: Set<String>?, narratives: Set<String>?, today: String, earliest: String?) -> FormErrors {
        var errors = FormErrors()
        if let day = UKDate.validated(observedOn) {
            if day > today {
                errors.add("observed_on", "The date must be today or in the past")
            } else if let earliest, day < earliest {
                errors.add(
                    "observed_on",
                    "The date must be on or after \(DisplayDate.day(iso: earliest)): this hub keeps observations for a limited time"
                )
            }
        } else {
            errors.add("observed_on", "Enter the date it was seen, with its day, month and year, for example 27 3 2026")
        }
        if area.isEmpty || areaCodes?.contains(area) == false {
            errors.add("area", "Choose the council area it happened in")
        }
        if TensionObservation.Kind(rawValue: kind) == nil {
            errors.add("kind-\(TensionObservation.Kind.allCases[0].rawValue)", "Choose what kind of thing it was")
        }
        if themes.contains(where: { !Vocabulary.theme.isValid($0) }) {
            errors.add("themes", "Choose themes from the list")
        }
        if Int(level).map(TensionScale.isValid) != true {
            errors.add("level-1", "Choose a level from 1 to \(TensionScale.levelCount)")
        }
        ContentChecks.required(
            whatSeen, field: "what_seen", label: "what was seen or heard", max: Self.maximumText, into: &errors)
        if TensionObservation.Grading(rawValue: grading) == nil {
            errors.add(
                "grading-\(TensionObservation.Grading.allCases[0].rawValue)", "Choose how it is known")
        }
        if TensionObservation.SourceType(rawValue: sourceType) == nil {
            errors.add(
                "source_type-\(TensionObservation.SourceType.allCases[0].rawValue)",
                "Choose where it came from")
        }
        ContentChecks.optional(response, field: "response", label: "the response", max: Self.maximumText, into: &errors)
        if !narrative.isEmpty {
            if let kind = TensionObservation.Kind(rawValue: kind), !kind.mayEchoNarrative {
                errors.add("narrative", "Only a rumour or an online narrative can echo a narrative; choose none")
            } else if narratives?.contains(narrative) == false {
                errors.add("narrative", "Choose a narrative from the list, or none")
            }
        }
        return errors
    }

    /// What in the free text looks like it could identify someone, field by field.
    var personalData: [(field: String, findings: [PersonalDataCheck.Finding])] {
        [("what_seen", whatSeen), ("response", response)].compactMap { field, text in
            let findings = PersonalDataCheck.findings(in: text)
            return findings.isEmpty ? nil : (field, findings)
        }
    }

    /// Whether to stop and show the warning before saving.
    var needsPersonalDataWarning: Bool { !confirmedNoPersonalData && !personalData.isEmpty }
}

/// A steward's follow-up on one observation: acknowledging it, and what is being done.
struct FollowUpForm: SubmittedForm, Equatable {
    var status = ""
    var note = ""

    init() {}

    init(_ input: FormInput) {
        status = input.text("follow_up_status")
        note = input.text("follow_up", keepNewlines: true)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        let status = TensionObservation.FollowUpStatus(rawValue: status)
        if status == nil {
            errors.add(
                "follow_up_status-\(TensionObservation.FollowUpStatus.allCases[0].rawValue)",
                "Choose whether a follow-up is needed")
        }
        if status == .open || status == .done {
            ContentChecks.required(
                note, field: "follow_up", label: "what the follow-up is", max: ObservationForm.maximumText,
                into: &errors)
        } else {
            ContentChecks.optional(
                note, field: "follow_up", label: "the note", max: ObservationForm.maximumText, into: &errors)
        }
        return errors
    }
}

/// A steward setting the hub's level for the week.
struct HubLevelForm: SubmittedForm, Equatable {
    var level = ""
    var note = ""

    init() {}

    init(_ input: FormInput) {
        level = input.text("hub_level")
        note = input.text("hub_level_note", keepNewlines: true)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if Int(level).map(TensionScale.isValid) != true {
            errors.add("hub_level-1", "Choose the hub's level, from 1 to \(TensionScale.levelCount)")
        }
        ContentChecks.required(
            note, field: "hub_level_note", label: "why the hub is at this level", max: 1_000, into: &errors)
        return errors
    }
}

/// A hub's wording of its five levels, and how long it keeps observations.
struct TensionSettingsForm: SubmittedForm, Equatable {
    var names: [String] = Array(repeating: "", count: TensionScale.levelCount)
    var descriptions: [String] = Array(repeating: "", count: TensionScale.levelCount)
    var retentionMonths = ""

    init() {}

    init(_ input: FormInput) {
        names = (1...TensionScale.levelCount).map { input.text("level_\($0)_name") }
        descriptions = (1...TensionScale.levelCount).map { input.text("level_\($0)_description", keepNewlines: true) }
        retentionMonths = input.text("retention_months")
    }

    init(scale: TensionScale, retentionMonths: Int) {
        names = scale.levels.map(\.name)
        descriptions = scale.levels.map(\.description)
        self.retentionMonths = String(retentionMonths)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        for index in 0..<TensionScale.levelCount {
            let number = index + 1
            ContentChecks.required(
                names[index], field: "level_\(number)_name", label: "a name for level \(number)", max: 40,
                into: &errors)
            ContentChecks.required(
                descriptions[index], field: "level_\(number)_description",
                label: "what level \(number) means", max: 300, into: &errors)
        }
        let lowered = names.map { $0.lowercased() }
        if let clash = lowered.indices.first(where: { index in
            !lowered[index].isEmpty && lowered[..<index].contains(lowered[index])
        }) {
            errors.add("level_\(clash + 1)_name", "Give each level a different name")
        }
        if Int(retentionMonths).map(TensionScale.retentionChoices.contains) != true {
            errors.add("retention_months-\(TensionScale.retentionChoices[0])", "Choose how long to keep observations")
        }
        return errors
    }
}

/// A steward's check-in after a trigger event.
struct CheckInForm: SubmittedForm, Equatable {
    /// A level "1" to "5", or "no-change".
    var answer = ""
    var note = ""

    static let noChange = "no-change"

    init() {}

    init(_ input: FormInput) {
        answer = input.text("answer")
        note = input.text("note", keepNewlines: true)
    }

    var level: Int? { Int(answer) }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if answer != Self.noChange, level.map(TensionScale.isValid) != true {
            errors.add("answer-1", "Choose the hub's level now, or say nothing has changed")
        }
        ContentChecks.optional(note, field: "note", label: "the note", max: 1_000, into: &errors)
        return errors
    }

    /// The note goes to the national team: it must identify no one, so here it is refused, not warned.
    func validateNote() -> FormErrors {
        var errors = validate()
        if !PersonalDataCheck.findings(in: note).isEmpty {
            errors.add(
                "note",
                "Take out what looks like a name, contact details, an address or a vehicle registration: the national team reads this note"
            )
        }
        return errors
    }
}

/// What the national team typed to declare, or edit, a trigger event.
struct TriggerEventForm: SubmittedForm, Equatable {
    var title = ""
    var whatHappened = ""
    var happenedOn = ""
    var themes: Set<String> = []
    var firstDay = ""
    var firstWeek = ""
    var firstMonth = ""
    var resources: Set<String> = []
    var narratives: Set<String> = []
    var caseStudies: Set<String> = []

    init() {}

    init(_ input: FormInput) {
        title = input.text("title")
        whatHappened = input.text("what_happened", keepNewlines: true)
        happenedOn = input.date("happened_on")
        themes = input.set("themes")
        firstDay = input.text("first_day", keepNewlines: true)
        firstWeek = input.text("first_week", keepNewlines: true)
        firstMonth = input.text("first_month", keepNewlines: true)
        resources = input.set("resources")
        narratives = input.set("narratives")
        caseStudies = input.set("case_studies")
    }

    init(_ event: TriggerEvent) {
        title = event.title
        whatHappened = event.whatHappened
        happenedOn = event.happenedOn
        themes = Set(event.themeCodes)
        firstDay = event.firstDay
        firstWeek = event.firstWeek
        firstMonth = event.firstMonth
        resources = Set(TriggerEvent.lines(event.resourceSlugs))
        narratives = Set(TriggerEvent.lines(event.narrativeSlugs))
        caseStudies = Set(TriggerEvent.lines(event.caseStudySlugs))
    }

    /// A new event's playbook starts from the alliance's usual first steps, for the team to adapt.
    static var starting: TriggerEventForm {
        var form = TriggerEventForm()
        form.firstDay = """
            - Stewards check in with the hub's level, even if nothing has changed.
            - Talk to partners (council, police, faith leaders) about what they are hearing.
            - Agree one calm message for the hub's members to share, and where to point people.
            """
        form.firstWeek = """
            - Log rumours and online narratives as they are met, and answer them with the narrative bank.
            - Hold or join a visible event that brings people together.
            - Check on the people and places most likely to be targeted.
            """
        form.firstMonth = """
            - Tell the stories of what people did together, with consent.
            - Review what worked with partners, and record it in the practice bank.
            """
        return form
    }

    func validate() -> FormErrors {
        validate(known: nil, today: UKDate.today())
    }

    /// What the library, narrative bank and practice bank hold, by slug, or nil not to check.
    struct Known: Sendable {
        let resources: Set<String>
        let narratives: Set<String>
        let caseStudies: Set<String>
    }

    func validate(known: Known?, today: String) -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a short name for it", max: 120, into: &errors)
        ContentChecks.required(
            whatHappened, field: "what_happened", label: "what happened", max: 2_000, into: &errors)
        if let day = UKDate.validated(happenedOn) {
            if day > today { errors.add("happened_on", "The date must be today or in the past") }
        } else {
            errors.add("happened_on", "Enter the date it happened, with its day, month and year, for example 27 3 2026")
        }
        if themes.contains(where: { !Vocabulary.theme.isValid($0) }) {
            errors.add("themes", "Choose themes from the list")
        }
        ContentChecks.required(
            firstDay, field: "first_day", label: "what to do in the first 24 hours", max: 4_000, into: &errors)
        ContentChecks.required(
            firstWeek, field: "first_week", label: "what to do in the first 7 days", max: 4_000, into: &errors)
        ContentChecks.required(
            firstMonth, field: "first_month", label: "what to do in the first 30 days", max: 4_000, into: &errors)
        if let known {
            for (field, slugs, have, place) in [
                ("resources", resources, known.resources, "library"),
                ("narratives", narratives, known.narratives, "narrative bank"),
                ("case_studies", caseStudies, known.caseStudies, "practice bank"),
            ] {
                let unknown = slugs.sorted().filter { !have.contains($0) }
                if !unknown.isEmpty {
                    errors.add(field, "These are not in the \(place): \(unknown.prefix(5).joined(separator: ", "))")
                }
            }
        }
        return errors
    }

    func apply(to event: TriggerEvent) {
        event.title = title
        event.whatHappened = whatHappened
        event.happenedOn = UKDate.validated(happenedOn) ?? happenedOn
        event.themes = themes.sorted().joined(separator: ",")
        event.firstDay = firstDay
        event.firstWeek = firstWeek
        event.firstMonth = firstMonth
        event.resourceSlugs = resources.sorted().joined(separator: "\n")
        event.narrativeSlugs = narratives.sorted().joined(separator: "\n")
        event.caseStudySlugs = caseStudies.sorted().joined(separator: "\n")
    }
}
