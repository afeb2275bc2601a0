import Plot

/// `/hubs/{slug}/tension/observations/{id}`: one observation for the hub's members; stewards
/// acknowledge it and record the follow-up.
enum ObservationPage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let observation: TensionObservation
        let scale: TensionScale
        let narrative: (slug: String, title: String)?
        let canSteward: Bool
        var followUpForm = FollowUpForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let observation = model.observation
        let area = LocalAuthorities.name(for: observation.areaCode) ?? observation.areaCode
        let title = "\(observation.kind.label) in \(area)"
        let themes = observation.themeCodes.compactMap { Vocabulary.theme.label(for: $0) }
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            TensionViews.backToPicture(model.hub),
            .span(.class("caption"), .plainText("Observation, \(model.hub.name)")),
            .h1(.plainText(title)),
            TensionViews.privacyLine(model.hub),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Seen on")), .dd(.plainText(DisplayDate.day(iso: observation.observedOn)))),
                .div(.dt(.plainText("Level")), .dd(TensionViews.levelTag(observation.level, scale: model.scale))),
                .div(.dt(.plainText("How it is known")), .dd(.plainText(observation.grading.label))),
                .div(.dt(.plainText("Source")), .dd(.plainText(observation.sourceType.label))),
                .div(
                    .dt(.plainText("Themes")),
                    .dd(.plainText(themes.isEmpty ? "None given" : Wording.list(themes)))),
                .unwrap(model.narrative) { narrative in
                    .div(
                        .dt(.plainText("Echoes the narrative")),
                        .dd(
                            .a(
                                .href(SiteURL.narrative(narrative.slug).path.attributeEscaped),
                                .plainText(narrative.title))))
                },
                .div(
                    .dt(.plainText("Acknowledged")),
                    .dd(
                        .plainText(
                            observation.acknowledgedAt.map { "On \(DisplayDate.dateTime($0)) by a steward" }
                                ?? (TensionScale.needsAcknowledging(observation.level)
                                    ? "Not yet: a steward needs to acknowledge it" : "Not needed at this level")))),
                .div(.dt(.plainText("Follow-up")), .dd(.plainText(observation.followUpStatus.label)))
            ),
            .h2(.plainText("What was seen or heard")),
            .p(.class("preserve-lines"), .plainText(observation.whatSeen)),
            .h2(.plainText("What has been done")),
            .p(
                .class("preserve-lines"),
                .plainText(observation.response.isEmpty ? "Nothing recorded." : observation.response)),
            .unwrap(observation.followUp) { note in
                .group(.h2(.plainText("The stewards' follow-up")), .p(.class("preserve-lines"), .plainText(note)))
            },
            .if(model.canSteward, followUpForm(model))
        )
    }

    private static func followUpForm(_ model: Model) -> Node<HTML.BodyContext> {
        let observation = model.observation
        return .form(
            .method(.post),
            .action(SiteURL.observationFollowUp(model.hub.slug, observation.id!).path.attributeEscaped),
            .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrfField(model.page),
            .h2(.plainText(observation.acknowledgedAt == nil ? "Acknowledge it" : "Update the follow-up")),
            Forms.radios(
                name: "follow_up_status", legend: "Is a follow-up needed?",
                options: TensionObservation.FollowUpStatus.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: model.followUpForm.status, errors: model.errors),
            Forms.textarea(
                name: "follow_up", label: "What the follow-up is",
                value: model.followUpForm.note,
                hint: "Who is doing what, and by when. Needed unless no follow-up is needed.", rows: 4,
                errors: model.errors),
            Forms.submit(observation.acknowledgedAt == nil ? "Acknowledge" : "Save the follow-up")
        )
    }
}
