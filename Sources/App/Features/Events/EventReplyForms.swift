import Foundation

/// What someone typed to take a place at an event. A member is known already, so only a visitor
/// gives a name and an email address; only the questions the event asks are kept.
struct EventRegistrationForm: SubmittedForm, Equatable {
    var name = ""
    var email = ""
    var answers = EventBooking.Answers()
    /// Whether the person registering has no account, and so must say who they are.
    var isVisitor = true
    var eventHasEnded = false

    init() {}

    init(_ input: FormInput) {
        name = input.text("name")
        email = input.text("email")
        answers = EventBooking.Answers(
            accessNeeds: input.text("access_needs", keepNewlines: true),
            dietaryNeeds: input.text("dietary_needs"),
            organisation: input.text("organisation_name"))
    }

    /// What was typed for this event: answers to questions it does not ask are dropped.
    init(_ input: FormInput, for event: Event, isVisitor: Bool) {
        self.init(input)
        if !event.askAccessNeeds { answers.accessNeeds = "" }
        if !event.askDietaryNeeds { answers.dietaryNeeds = "" }
        if !event.askOrganisation { answers.organisation = "" }
        self.isVisitor = isVisitor
        eventHasEnded = event.hasEnded()
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if eventHasEnded {
            errors.add("register", "This event has finished, so it takes no more registrations")
        }
        if isVisitor {
            ContentChecks.required(name, field: "name", label: "your name", max: 120, into: &errors)
            if email.isEmpty {
                errors.add("email", "Enter your email address, so we can confirm your place")
            } else if !Self.looksLikeEmail(email) {
                errors.add("email", "Enter an email address in the right format, like name@example.org")
            }
        }
        ContentChecks.optional(
            answers.accessNeeds, field: "access_needs", label: "your access needs", max: 1_000, into: &errors)
        ContentChecks.optional(
            answers.dietaryNeeds, field: "dietary_needs", label: "your dietary needs", max: 300, into: &errors)
        ContentChecks.optional(
            answers.organisation, field: "organisation_name", label: "your organisation", max: 200, into: &errors)
        return errors
    }

    private static func looksLikeEmail(_ text: String) -> Bool {
        text.count <= 254 && text.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
    }
}

/// Feedback from someone who came, through the link sent after the event.
struct EventFeedbackForm: SubmittedForm, Equatable {
    /// The secret from the person's link, carried in the form.
    var token = ""
    /// The rating as sent, so a form sent back with a problem keeps the choice.
    var rating = ""
    var workedWell = ""
    var toChange = ""

    init() {}

    init(token: String) {
        self.token = token
    }

    init(_ input: FormInput) {
        token = input.text("token")
        rating = input.text("rating")
        workedWell = input.text("worked_well", keepNewlines: true)
        toChange = input.text("to_change", keepNewlines: true)
    }

    /// The rating as one of the listed answers, or nil.
    var ratingValue: Int? {
        guard let value = Int(rating), EventFeedback.ratings.contains(where: { $0.value == value }) else {
            return nil
        }
        return value
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if ratingValue == nil {
            errors.add("rating-5", "Choose how useful the event was")
        }
        ContentChecks.optional(workedWell, field: "worked_well", label: "what worked well", max: 2_000, into: &errors)
        ContentChecks.optional(toChange, field: "to_change", label: "what to change", max: 2_000, into: &errors)
        return errors
    }
}

/// An organiser's message to the people coming to their event.
struct EventMessageForm: SubmittedForm, Equatable {
    var subject = ""
    var body = ""
    var includeWaitingList = false

    init() {}

    init(_ input: FormInput) {
        subject = input.text("subject")
        body = input.text("body", keepNewlines: true)
        includeWaitingList = input.set("include").contains("waitlisted")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(subject, field: "subject", label: "a subject", max: 150, into: &errors)
        ContentChecks.required(body, field: "body", label: "a message", max: 5_000, into: &errors)
        return errors
    }
}
