import Plot
import Vapor

/// `/hubs/{slug}/requests`: the stewards' page of people and organisations waiting to join, and
/// the form to add a steward.
enum HubRequestsPage {
    /// Who is waiting, oldest first.
    struct Requests: Sendable {
        let people: [(HubMembership, User)]
        let organisations: [(OrganisationHub, Organisation)]
        /// The organisations each asking person belongs to, by user id.
        var organisationsOfPeople: [UUID: [String]] = [:]
    }

    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let requests: Requests
        var errors = FormErrors()
        /// What a steward typed as a reason, by the reason box's field name.
        var typedReasons: [String: String] = [:]
        var typedSteward = ""
    }

    static func view(_ model: Model) -> HTML {
        let hub = model.hub
        let title = "Requests to join \(hub.name)"
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .p(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText("Back to the hub"))),
            .h1(.plainText(title)),
            .h2(.plainText("People")),
            .if(model.requests.people.isEmpty, .p(.plainText("No one is waiting."))),
            .forEach(model.requests.people) { membership, user in
                let organisations = model.requests.organisationsOfPeople[user.id ?? UUID()] ?? []
                let about = [
                    organisations.isEmpty
                        ? "Belongs to no organisation on Bridgework" : "With " + organisations.joined(separator: ", "),
                    "asked on " + DisplayDate.dateTime(membership.createdAt),
                ].joined(separator: "; ")
                return decisionCard(
                    model, title: user.name, detail: about, wrote: membership.message,
                    action: SiteURL.hubPersonDecision(hub.slug, membership.id!).path, id: membership.id!)
            },
            .h2(.plainText("Organisations")),
            .if(model.requests.organisations.isEmpty, .p(.plainText("No organisation is waiting."))),
            .forEach(model.requests.organisations) { membership, organisation in
                decisionCard(
                    model, title: organisation.name, detail: organisation.summary, wrote: nil,
                    action: SiteURL.hubOrganisationDecision(hub.slug, membership.id!).path, id: membership.id!)
            },
            .h2(.plainText("Add a steward")),
            .p(
                .plainText(
                    "Stewards welcome new members and organisations, and look after the hub. Any member of the hub can become one."
                )),
            .form(
                .method(.post), .action(SiteURL.hubStewards(hub.slug).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "steward-email", label: "Email address of the member", type: .email,
                        value: model.typedSteward, spellcheck: false), errors: model.errors),
                Forms.submit("Make steward", secondary: true)
            )
        )
    }

    private static func decisionCard(
        _ model: Model, title: String, detail: String, wrote: String? = nil, action: String, id: UUID
    ) -> Node<HTML.BodyContext> {
        let field = "reason-\(id.uuidString)"
        return .article(
            .class("message"),
            .h3(.class("message__subject"), .plainText(title)),
            .p(.plainText(detail)),
            .unwrap(wrote) { text in
                .group(
                    .p(.class("message__label"), .plainText("They wrote:")),
                    .blockquote(.class("message__body"), .plainText(text)))
            },
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.textarea(
                    name: "reason", id: field, label: "Reason, if you decline (sent to them)",
                    value: model.typedReasons[field] ?? "", rows: 3, errors: model.errors),
                .div(
                    .class("button-group"),
                    .button(
                        .type(.submit), .class("button"), .attribute(named: "name", value: "decision"),
                        .attribute(named: "value", value: "approve"),
                        .plainText("Approve"), .span(.class("visually-hidden"), .plainText(" " + title))),
                    .button(
                        .type(.submit), .class("button button--warning"), .attribute(named: "name", value: "decision"),
                        .attribute(named: "value", value: "decline"),
                        .plainText("Decline"), .span(.class("visually-hidden"), .plainText(" " + title)))
                )
            )
        )
    }
}
