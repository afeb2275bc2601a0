import Foundation
import Plot

/// `/peer-support/requests/{id}`: a request for a critical friend, as the person who asked sees it
/// (with the people invited and suggestions) or as someone invited sees it (with their answer).
enum PeerRequestPage {
    struct Model: Sendable {
        let page: PageContext
        let request: PeerRequest
        let asker: User
        /// Whether the viewer asked, and so may invite people and close the request.
        let canManage: Bool
        /// Everyone invited, with their invitees.
        let invitations: [PeerInvitation]
        /// The viewer's own invitation, when they were invited.
        let mine: PeerInvitation?
        /// People the asker could invite, best fit first; empty for anyone else.
        let suggestions: [PeerMatching.Suggestion]
    }

    static func view(_ model: Model) -> HTML {
        let peer = model.request
        let methodLabels = Dictionary(
            Vocabulary.method.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let themeLabels = Dictionary(
            Vocabulary.theme.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let caption =
            model.canManage ? "Your request" + (peer.isOpen ? "" : " (closed)") : "From \(model.asker.name)"
        return Layout(title: peer.title, page: model.page).render(
            .p(.a(.href(SiteURL.peerSupport.path), .plainText("Peer support"))),
            .span(.class("caption"), .plainText(caption)),
            .h1(.plainText(peer.title)),
            .p(.class("hint"), .plainText(PeerSupportViews.privacy)),
            .div(.class("prose"), .forEach(Project.lines(peer.challenge)) { .p(.plainText($0)) }),
            .if(
                !peer.methodCodes.isEmpty || !peer.themeCodes.isEmpty,
                .p(
                    .class("result__meta"),
                    .plainText(
                        (peer.methodCodes.sorted().map { methodLabels[$0] ?? $0 }
                            + peer.themeCodes.sorted().map { themeLabels[$0] ?? $0 }).joined(separator: " · ")))),
            .if(
                peer.preferOutsideHub,
                .p(.class("result__meta"), .plainText("Would rather talk to someone outside their own hubs."))),
            .unwrap(model.mine) { invitation in
                answer(invitation, model: model)
            },
            .if(model.canManage, askersPart(model))
        )
    }

    /// What someone invited sees: the question, or the way to the conversation once they answered.
    private static func answer(_ invitation: PeerInvitation, model: Model) -> Node<HTML.BodyContext> {
        let id = model.request.id!
        return .div(
            .class("inset"),
            .if(
                invitation.status == .invited,
                .group(
                    .h2(.plainText("Will you be their critical friend?")),
                    .p(.plainText("Why you were suggested: \(invitation.reasons).")),
                    .form(
                        .method(.post), .action(SiteURL.respondToPeer(id).path.attributeEscaped),
                        .class("inline-form"), Forms.csrfField(model.page),
                        Forms.hidden("decision", "accept"), Forms.submit("Accept")),
                    .form(
                        .method(.post), .action(SiteURL.respondToPeer(id).path.attributeEscaped),
                        .class("inline-form"), Forms.csrfField(model.page),
                        Forms.hidden("decision", "decline"), Forms.submit("Decline", secondary: true)))),
            .if(
                invitation.status == .accepted || invitation.status == .closed,
                .p(
                    .a(
                        .href(SiteURL.peerThread(invitation.id!).path.attributeEscaped),
                        .plainText("Go to your conversation")))))
    }

    /// What the person who asked sees: who they invited, and whom they could invite next.
    private static func askersPart(_ model: Model) -> Node<HTML.BodyContext> {
        let id = model.request.id!
        return .group(
            .h2(.plainText("People you invited")),
            .if(model.invitations.isEmpty, .p(.plainText("Nobody yet. Choose from the suggestions below."))),
            .ul(
                .class("bullet-list"),
                .forEach(model.invitations) { invitation in
                    .li(
                        .plainText("\(invitation.invitee.name): \(PeerSupportViews.statusLabel(invitation.status))"),
                        .if(
                            invitation.status == .accepted || invitation.status == .closed,
                            .group(
                                .plainText(" · "),
                                .a(
                                    .href(SiteURL.peerThread(invitation.id!).path.attributeEscaped),
                                    .plainText("Conversation with \(invitation.invitee.name)")))))
                }),
            .if(
                model.request.isOpen,
                .group(
                    .h2(.plainText("Suggested critical friends")),
                    .p(
                        .plainText(
                            "People who said they are open to being a critical friend, best fit first, with why each is suggested. Inviting someone shows them this request."
                        )),
                    .if(
                        model.suggestions.isEmpty,
                        .p(.plainText("Nobody else is available just now. More people may offer; look again later."))),
                    .ol(
                        .class("result-list"),
                        .forEach(model.suggestions) { suggestion in
                            .li(
                                .class("result"),
                                // Suggestions are drawn from profiles members may read, so the link opens.
                                .h3(
                                    .class("result__title"),
                                    .a(
                                        .href(SiteURL.person(suggestion.userID).path.attributeEscaped),
                                        .plainText(suggestion.name))),
                                .if(!suggestion.role.isEmpty, .p(.class("result__meta"), .plainText(suggestion.role))),
                                .ul(.class("bullet-list"), .forEach(suggestion.reasons) { .li(.plainText($0)) }),
                                .form(
                                    .method(.post), .action(SiteURL.invitePeer(id).path.attributeEscaped),
                                    Forms.csrfField(model.page),
                                    Forms.hidden("invitee", suggestion.userID.uuidString),
                                    .button(
                                        .class("button button--secondary"), .type(.submit),
                                        .plainText("Invite \(suggestion.name)"))))
                        }),
                    .form(
                        .method(.post), .action(SiteURL.closePeerRequest(id).path.attributeEscaped),
                        Forms.csrfField(model.page),
                        Forms.submit("Close this request", secondary: true))
                ))
        )
    }
}
