import Foundation
import Plot

/// `/peer-support/skills`: what members offer to do for each other, and the form to offer a skill.
enum SkillOffersPage {
    struct Model: Sendable {
        let page: PageContext
        /// Newest first, with the people offering.
        let offers: Paged<SkillOffer>
        /// The offers the viewer may withdraw: their own, or any for the national team.
        let withdrawable: Set<UUID>
        var draft = SkillOfferForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let draft = model.draft
        let errors = model.errors
        return Layout(title: "Skills members offer", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.peerSupport.path), .plainText("Peer support"))),
            .h1(.plainText("Skills members offer")),
            .p(
                .class("lead"),
                .plainText(
                    "Things alliance members are glad to do for each other: run a session, share a method, look over a plan."
                )),
            .if(model.offers.items.isEmpty, .p(.plainText("No offers yet. Be the first."))),
            .ul(
                .class("result-list"),
                .forEach(model.offers.items) { offer in
                    offerItem(offer, model: model)
                }),
            Pagination.nav(model.offers, path: SiteURL.skillOffers.path, singular: "offer", plural: "offers"),
            .form(
                .method(.post), .action(SiteURL.skillOffers.path),
                Forms.csrfField(model.page),
                .h2(.plainText("Offer a skill")),
                Forms.input(
                    .init(
                        name: "skill_title", label: "What you offer", value: draft.title,
                        hint: "For example: I can run a session on facilitating difficult conversations"),
                    errors: errors),
                Forms.textarea(
                    name: "skill_description", label: "Details (optional)", value: draft.description,
                    hint: "When you are free, where, and how people should get in touch.", rows: 3, errors: errors),
                Forms.checkboxes(
                    name: "skill_methods", legend: "Methods (optional)", options: CuratedViews.options(.method),
                    checked: draft.methods, errors: errors),
                Forms.submit("Offer it", secondary: true)
            )
        )
    }

    private static func offerItem(_ offer: SkillOffer, model: Model) -> Node<HTML.ListContext> {
        let methodLabels = Dictionary(
            Vocabulary.method.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let methods = offer.methods.split(separator: ",").map { methodLabels[String($0)] ?? String($0) }
        return .li(
            .class("result"),
            .h2(.class("result__title"), .plainText(offer.title)),
            .p(
                .class("result__meta"), .plainText("Offered by \(offer.user.name)"),
                .plainText(methods.isEmpty ? "" : " · " + methods.joined(separator: ", "))),
            .if(
                !offer.description.isEmpty,
                .div(.class("prose"), .forEach(Project.lines(offer.description)) { .p(.plainText($0)) })),
            .if(
                model.withdrawable.contains(offer.id!),
                .form(
                    .method(.post), .action(SiteURL.deleteSkillOffer(offer.id!).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    .button(
                        .class("button button--secondary button--small"), .type(.submit),
                        .plainText("Withdraw this offer"),
                        .attribute(named: "aria-label", value: "Withdraw the offer: \(offer.title)".attributeEscaped))))
        )
    }
}
