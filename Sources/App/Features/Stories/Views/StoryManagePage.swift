import Foundation
import Plot

/// `/stories/{slug}/manage`: a story's workflow page for its author and its hub's stewards:
/// status, consents, photo, review, and every version.
enum StoryManagePage {
    struct Model: Sendable {
        let page: PageContext
        let story: Story
        let hub: Hub
        let terms: [StoryTerm]
        let consents: [StoryConsent]
        /// Newest first.
        let versions: [StoryVersion]
        /// Today in the UK as yyyy-MM-dd, to tell current consents from ended ones.
        let today: String
        let canEdit: Bool
        let canReview: Bool
        var consentForm = ConsentForm()
        var reviewForm = StoryReviewForm()
        /// The photo description as typed, when an upload was sent back.
        var typedAlt = ""
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let story = model.story
        let today = model.today
        let errors = model.errors.renamed("decision", to: "decision-publish").renamed("scope", to: "scope-internal")
            .renamed("consents", to: "submit")
        let allowed = StoryAudience.allowedScope(model.consents, today: today)
        let status = story.status
        return Layout(title: "Your story: \(story.title)", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .span(.class("caption"), .plainText("Story in the \(model.hub.name) hub")),
            .h1(.plainText(story.title)),
            .div(
                .class("status-panel"),
                .h2(.plainText("Status: \(status.label)")),
                .if(
                    status == .submitted && story.publishedVersionID != nil,
                    .p(
                        .plainText(
                            "Readers still see the version published earlier while the stewards review this one."))),
                .unwrap(story.returnReason) { reason in
                    .group(
                        .h3(.plainText(status == .returned ? "What the steward said" : "Earlier note")),
                        .p(.class("reason"), .plainText(reason)))
                },
                .p(.plainText(audienceSentence(allowed, consents: model.consents))),
                .if(
                    StoryAudience.isReadable(story, consents: model.consents, by: .alliance),
                    .p(
                        .a(
                            .href(SiteURL.story(story.slug).path.attributeEscaped),
                            .plainText("See the published story"))))
            ),
            .if(
                model.canEdit,
                .p(
                    .class("button-group"),
                    .a(
                        .class("button button--secondary"), .href(SiteURL.editStory(story.slug).path.attributeEscaped),
                        .plainText("Edit the story")))),
            .if(
                model.canEdit && [.draft, .returned].contains(status),
                .form(
                    .method(.post), .action(SiteURL.submitStory(story.slug).path.attributeEscaped), .id("submit"),
                    Forms.csrfField(model.page),
                    .unwrap(errors["submit"]) {
                        .p(
                            .class("error-message"), .id("submit-error"),
                            .span(.class("visually-hidden"), .plainText("Error: ")), .plainText($0))
                    },
                    Forms.submit("Send to the hub's stewards for review")
                )),
            .if(model.canReview && status == .submitted, reviewForm(model, errors: errors)),

            .h2(.id("consents-heading"), .plainText("Consents")),
            .p(
                .plainText(
                    "Record one consent for each person in the story. The story can be shared only as widely as the narrowest consent allows, and only while every consent stands."
                )),
            .table(
                .class("table"),
                .caption(.class("visually-hidden"), .plainText("Consents for this story")),
                .thead(
                    .tr(
                        .th(.plainText("Person")), .th(.plainText("May be shared with")), .th(.plainText("How given")),
                        .th(.plainText("Given")), .th(.plainText("Ends")), .th(.plainText("Standing")),
                        .th(.plainText("Action")))),
                .tbody(
                    .forEach(model.consents) { consent in
                        .tr(
                            .td(.plainText(consent.person)),
                            .td(.plainText(consent.scope.shortLabel)),
                            .td(.plainText(consent.howGiven)),
                            .td(.plainText(DisplayDate.day(iso: consent.givenOn))),
                            .td(.plainText(consent.expiresOn.map { DisplayDate.day(iso: $0) } ?? "No end date")),
                            .td(
                                .plainText(
                                    consent.withdrawnAt != nil
                                        ? "Withdrawn \(DisplayDate.day(consent.withdrawnAt!))"
                                        : consent.isCurrent(today: today) ? "Current" : "Ended")),
                            .td(.if(consent.withdrawnAt == nil, withdrawForm(consent, story: story, page: model.page)))
                        )
                    })
            ),
            .if(model.consents.isEmpty, .p(.plainText("No consents recorded yet."))),
            .if(model.canEdit, consentForm(model, errors: errors)),

            .if(model.canEdit, photoSection(model, errors: errors)),

            .h2(.plainText("Preview of the latest version")),
            .div(
                .class("preview"),
                .p(.class("lead"), .plainText(story.summary)),
                Markdown.node(story.body)),

            .h2(.plainText("Versions")),
            .ol(
                .class("versions"),
                .forEach(model.versions) { version in
                    .li(
                        .plainText(
                            "Version \(version.number), saved \(DisplayDate.dateTime(version.createdAt))"
                                + (version.savedBy.map { " by \($0.name)" } ?? "")
                                + (version.id == story.publishedVersionID ? " (published)" : "")))
                })
        )
    }

    /// The button that withdraws one person's consent.
    private static func withdrawForm(_ consent: StoryConsent, story: Story, page: PageContext) -> Node<
        HTML.BodyContext
    > {
        let action = SiteURL.withdrawConsent(story.slug, consent.id ?? UUID()).path
        return .form(
            .method(.post),
            .action(action.attributeEscaped),
            Forms.csrfField(page),
            .button(
                .type(.submit), .class("button button--warning button--small"),
                .plainText("Withdraw"),
                .span(.class("visually-hidden"), .plainText(" the consent of \(consent.person)")))
        )
    }

    private static func audienceSentence(_ allowed: ConsentScope?, consents: [StoryConsent]) -> String {
        guard let allowed else {
            return consents.isEmpty
                ? "Nobody can read this story yet: it needs a consent for each person in it."
                : "As the consents stand, this story cannot be published: every consent must be current and allow at least alliance members to read it."
        }
        return "As the consents stand, it may be shared with: \(allowed.label.lowercased())."
    }

    private static func reviewForm(_ model: Model, errors: FormErrors) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.reviewStory(model.story.slug).path.attributeEscaped), .class("review-form"),
            Forms.csrfField(model.page),
            Forms.hidden("version", String(model.versions.first?.number ?? 0)),
            .h2(.plainText("Your review")),
            .p(
                .plainText(
                    "Check that everyone in the story has consented, that nobody can be identified who has not, and that it is fair to the people and groups it describes."
                )),
            Forms.radios(
                name: "decision", legend: "Your decision",
                options: [
                    ("publish", "Publish it", "It goes out to everyone the consents allow, and its author is told."),
                    (
                        "return", "Return it to the author",
                        "They see your note and can change the story and send it again."
                    ),
                ], selected: model.reviewForm.decision?.rawValue ?? "", errors: errors),
            Forms.textarea(
                name: "reason", label: "Note to the author", value: model.reviewForm.reason,
                hint: "Needed when you return the story. Say what to change.", rows: 4, errors: errors),
            Forms.submit("Send your decision")
        )
    }

    private static func consentForm(_ model: Model, errors: FormErrors) -> Node<HTML.BodyContext> {
        let story = model.story
        let form = model.consentForm
        return .form(
            .method(.post), .action(SiteURL.storyConsents(story.slug).path.attributeEscaped), .class("consent-form"),
            .id("consents"),
            Forms.csrfField(model.page),
            .h3(.plainText("Add a consent")),
            Forms.input(
                .init(
                    name: "person", label: "Name or pseudonym", value: form.person, hint: "As the story refers to them."
                ), errors: errors),
            Forms.radios(
                name: "scope", legend: "They agreed it may be shared with",
                options: ConsentScope.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: form.scope, errors: errors),
            Forms.input(
                .init(
                    name: "how_given", label: "How consent was given", value: form.howGiven,
                    hint: "For example: signed form kept by the project; spoken, recorded in the project log."),
                errors: errors),
            Forms.dateInput(name: "given_on", legend: "Date given", value: form.givenOn, errors: errors),
            Forms.dateInput(
                name: "expires_on", legend: "End date (optional)", value: form.expiresOn,
                hint: "If they agreed for a limited time, the story comes down on this date. For example, 27 3 2027.",
                errors: errors),
            Forms.submit("Add consent", secondary: true)
        )
    }

    private static func photoSection(_ model: Model, errors: FormErrors) -> Node<HTML.BodyContext> {
        let story = model.story
        return .section(
            .attribute(named: "aria-labelledby", value: "photo-heading"),
            .h2(.id("photo-heading"), .plainText("Photo (optional)")),
            .unwrap(story.photoType) { _ in
                .group(
                    .element(
                        named: "figure",
                        nodes: [
                            .class("story-photo story-photo--small"),
                            .img(
                                .src(SiteURL.storyPhoto(story.slug).path.attributeEscaped),
                                .alt((story.photoAlt ?? "").attributeEscaped)),
                        ]),
                    .if(
                        !story.photoApproved,
                        .p(
                            .class("hint"),
                            .plainText("Readers will see this photo once a steward has approved the story with it."))),
                    .form(
                        .method(.post), .action(SiteURL.removeStoryPhoto(story.slug).path.attributeEscaped),
                        Forms.csrfField(model.page), Forms.submit("Remove the photo", secondary: true))
                )
            },
            .form(
                .method(.post), .action(SiteURL.storyPhoto(story.slug).path.attributeEscaped), .enctype(.multipartData),
                Forms.csrfField(model.page),
                fileInput(errors: errors),
                Forms.input(
                    .init(
                        name: "photo_alt", label: "Describe the photo", value: model.typedAlt,
                        hint:
                            "For people who cannot see it, for example: Two teams of teenagers shaking hands after a football match."
                    ), errors: errors),
                Forms.submit(story.photoType == nil ? "Upload the photo" : "Replace the photo", secondary: true)
            )
        )
    }

    private static func fileInput(errors: FormErrors) -> Node<HTML.FormContext> {
        let error = errors["photo"]
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for("photo"), .plainText("Photo")),
            .div(
                .id("photo-hint"), .class("hint"),
                .plainText(
                    "A JPEG or PNG up to 5 MB. We remove the location, the camera details and any other hidden information before storing it. Only use photos everyone in them agreed to."
                )),
            .unwrap(error) {
                .p(
                    .id("photo-error"), .class("error-message"),
                    .span(.class("visually-hidden"), .plainText("Error: ")), .plainText($0))
            },
            .input(
                .class("file-upload"), .type(.file), .id("photo"), .name("photo"),
                .attribute(named: "accept", value: "image/jpeg,image/png"),
                .attribute(
                    named: "aria-describedby",
                    value: (error == nil ? "photo-hint" : "photo-hint photo-error").attributeEscaped))
        )
    }
}
