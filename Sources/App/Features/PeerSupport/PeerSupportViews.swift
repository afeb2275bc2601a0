import Foundation
import Plot
import Vapor

enum PeerSupportViews {
    static let privacy =
        "Only you and the people you invite can read this. Not the national team, not your hub's stewards: nobody else."

    static func index(
        _ request: Request, requests: [PeerRequest], sent: [PeerInvitation], invitations: [PeerInvitation],
        available: Bool
    ) -> HTML {
        let byRequest = Dictionary(grouping: sent, by: { $0.$request.id })
        return Layout(title: "Peer support", request: request).render(
            .h1(.plainText("Peer support")),
            .p(
                .class("lead"),
                .plainText(
                    "A critical friend is a practitioner from elsewhere who listens, asks the awkward questions and helps you think when the work gets hard. Describe a challenge in private, and invite one of the people suggested to talk it through."
                )),
            .p(
                .a(.class("button"), .href(SiteURL.newPeerRequest.path), .plainText("Ask for a critical friend")),
                .plainText(" "),
                .a(.href(SiteURL.skillOffers.path), .plainText("Skills members offer"))),
            .div(
                .class("inset"),
                .p(
                    .plainText(
                        available
                            ? "You are open to being a critical friend, so members may be suggested you. "
                            : "You are not shown as available to be a critical friend. "),
                    .a(
                        .href(SiteURL.profile.path),
                        .plainText(available ? "Change this on your profile" : "Offer to be one on your profile")),
                    .plainText("."))),
            .h2(.plainText("Your requests")),
            .if(requests.isEmpty, .p(.plainText("You have not asked for a critical friend yet."))),
            .ul(
                .class("result-list"),
                .forEach(requests) { item in
                    let invited = byRequest[item.id!] ?? []
                    return .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(.href(SiteURL.peerRequest(item.id!).path.attributeEscaped), .plainText(item.title))),
                        .p(
                            .class("result__meta"),
                            .plainText(
                                (item.isOpen ? "Open" : "Closed") + " · "
                                    + (invited.isEmpty
                                        ? "nobody invited yet"
                                        : invited.map { "\($0.invitee.name): \(statusLabel($0.invitationStatus))" }
                                            .joined(separator: "; ")))))
                }),
            .h2(.plainText("People who asked you")),
            .if(invitations.isEmpty, .p(.plainText("Nobody has asked you yet."))),
            .ul(
                .class("result-list"),
                .forEach(invitations) { invitation in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(
                                    (invitation.invitationStatus == .invited
                                        ? SiteURL.peerRequest(invitation.$request.id)
                                        : SiteURL.peerThread(invitation.id!)).path.attributeEscaped),
                                .plainText(invitation.request.title))),
                        .p(
                            .class("result__meta"),
                            .plainText(
                                "From \(invitation.request.asker.name) · \(statusLabel(invitation.invitationStatus))")))
                })
        )
    }

    static func statusLabel(_ status: PeerInvitation.Status) -> String {
        switch status {
        case .invited: return "invited, waiting for an answer"
        case .accepted: return "accepted, talking"
        case .declined: return "declined"
        case .closed: return "conversation closed"
        }
    }

    static func form(_ request: Request, form: PeerSupportController.RequestForm, errors: FormErrors = .init()) -> HTML
    {
        Layout(title: "Ask for a critical friend", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Ask for a critical friend")),
            .p(.class("lead"), .plainText(privacy)),
            .form(
                .method(.post), .action(SiteURL.newPeerRequest.path),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "title", label: "A short title", value: form.title,
                        hint: "For example: Keeping a dialogue group going after a local incident"), errors: errors),
                Forms.textarea(
                    name: "challenge", label: "The challenge", value: form.challenge,
                    hint:
                        "What is happening, what you have tried, and what you would like to think through. Leave out anything that would identify the people you work with.",
                    rows: 8, errors: errors),
                Forms.checkboxes(
                    name: "methods", legend: "Methods it involves (optional)",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: form.methods, errors: errors),
                Forms.checkboxes(
                    name: "themes", legend: "Themes it touches (optional)",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes, errors: errors),
                Forms.checkboxes(
                    name: "outside_hub", legend: "Who you would rather talk to",
                    options: [("yes", "Someone outside my own hubs")], checked: form.preferOutsideHub ? ["yes"] : [],
                    errors: errors),
                Forms.submit("Save and see suggestions")
            )
        )
    }

    static func show(
        _ request: Request, request peer: PeerRequest, asker: User, isAsker: Bool, invitations: [PeerInvitation],
        mine: PeerInvitation?,
        suggestions: [PeerMatching.Suggestion]
    ) -> HTML {
        let methodLabels = Dictionary(
            Vocabulary.method.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let themeLabels = Dictionary(
            Vocabulary.theme.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let id = peer.id!
        return Layout(title: peer.title, request: request).render(
            .p(.a(.href(SiteURL.peerSupport.path), .plainText("Peer support"))),
            .span(
                .class("caption"),
                .plainText(isAsker ? "Your request" + (peer.isOpen ? "" : " (closed)") : "From \(asker.name)")),
            .h1(.plainText(peer.title)),
            .p(.class("hint"), .plainText(privacy)),
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
            .unwrap(mine) { invitation in
                .div(
                    .class("inset"),
                    .if(
                        invitation.invitationStatus == .invited,
                        .group(
                            .h2(.plainText("Will you be their critical friend?")),
                            .p(.plainText("Why you were suggested: \(invitation.reasons).")),
                            .form(
                                .method(.post), .action(SiteURL.respondToPeer(id).path.attributeEscaped),
                                .class("inline-form"), Forms.csrfField(request),
                                Forms.hidden("decision", "accept"), Forms.submit("Accept")),
                            .form(
                                .method(.post), .action(SiteURL.respondToPeer(id).path.attributeEscaped),
                                .class("inline-form"), Forms.csrfField(request),
                                Forms.hidden("decision", "decline"), Forms.submit("Decline", secondary: true)))),
                    .if(
                        invitation.invitationStatus == .accepted || invitation.invitationStatus == .closed,
                        .p(
                            .a(
                                .href(SiteURL.peerThread(invitation.id!).path.attributeEscaped),
                                .plainText("Go to your conversation")))))
            },
            .if(
                isAsker,
                .group(
                    .h2(.plainText("People you invited")),
                    .if(invitations.isEmpty, .p(.plainText("Nobody yet. Choose from the suggestions below."))),
                    .ul(
                        .class("bullet-list"),
                        .forEach(invitations) { invitation in
                            .li(
                                .plainText("\(invitation.invitee.name): \(statusLabel(invitation.invitationStatus))"),
                                .if(
                                    invitation.invitationStatus == .accepted || invitation.invitationStatus == .closed,
                                    .group(
                                        .plainText(" · "),
                                        .a(
                                            .href(SiteURL.peerThread(invitation.id!).path.attributeEscaped),
                                            .plainText("Conversation with \(invitation.invitee.name)")))))
                        }),
                    .if(
                        peer.isOpen,
                        .group(
                            .h2(.plainText("Suggested critical friends")),
                            .p(
                                .plainText(
                                    "People who said they are open to being a critical friend, best fit first, with why each is suggested. Inviting someone shows them this request."
                                )),
                            .if(
                                suggestions.isEmpty,
                                .p(
                                    .plainText(
                                        "Nobody else is available just now. More people may offer; look again later."))),
                            .ol(
                                .class("result-list"),
                                .forEach(suggestions) { suggestion in
                                    .li(
                                        .class("result"),
                                        .h3(.class("result__title"), .plainText(suggestion.name)),
                                        .if(
                                            !suggestion.role.isEmpty,
                                            .p(.class("result__meta"), .plainText(suggestion.role))),
                                        .ul(
                                            .class("bullet-list"), .forEach(suggestion.reasons) { .li(.plainText($0)) }),
                                        .form(
                                            .method(.post), .action(SiteURL.invitePeer(id).path.attributeEscaped),
                                            Forms.csrfField(request),
                                            Forms.hidden("invitee", suggestion.userID.uuidString),
                                            .button(
                                                .class("button button--secondary"), .type(.submit),
                                                .plainText("Invite \(suggestion.name)"))))
                                }),
                            .form(
                                .method(.post), .action(SiteURL.closePeerRequest(id).path.attributeEscaped),
                                Forms.csrfField(request),
                                Forms.submit("Close this request", secondary: true))
                        ))
                ))
        )
    }

    static func thread(
        _ request: Request, invitation: PeerInvitation, request peer: PeerRequest, asker: User, invitee: User,
        messages: [PeerMessage],
        draft: String, errors: FormErrors
    ) -> HTML {
        let viewerID = request.currentUser?.id
        let other = viewerID == asker.id ? invitee : asker
        let open = invitation.invitationStatus == .accepted
        return Layout(title: "Conversation with \(other.name)", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.peerRequest(peer.id!).path.attributeEscaped), .plainText(peer.title))),
            .h1(.plainText("Conversation with \(other.name)")),
            .p(.class("hint"), .plainText("Only the two of you can read this conversation.")),
            .if(messages.isEmpty, .p(.plainText("No messages yet. Say hello, and suggest when you could talk."))),
            .ol(
                .class("plain-list thread"),
                .forEach(messages) { message in
                    .li(
                        .id("message-\(message.id!.uuidString.lowercased())"), .class("thread__message"),
                        .p(
                            .class("result__meta"),
                            .plainText("\(message.author.name), \(DisplayDate.dateTime(message.createdAt))")),
                        .div(.class("prose"), .forEach(Project.lines(message.body)) { .p(.plainText($0)) }))
                }),
            .if(
                open,
                .form(
                    .method(.post), .action(SiteURL.peerMessages(invitation.id!).path.attributeEscaped),
                    Forms.csrfField(request),
                    Forms.textarea(name: "body", label: "Your message", value: draft, rows: 5, errors: errors),
                    Forms.submit("Send")
                )),
            .if(
                open,
                .form(
                    .method(.post), .action(SiteURL.closePeerThread(invitation.id!).path.attributeEscaped),
                    Forms.csrfField(request),
                    .p(.plainText("Finished? Either of you can close the conversation; it stays here to read.")),
                    Forms.submit("Close the conversation", secondary: true))),
            .if(
                !open,
                .p(
                    .class("inset"),
                    .plainText(
                        "This conversation is closed\(invitation.closedAt.map { " (\(DisplayDate.dateTime($0)))" } ?? "")."
                    ))),
            // A message written as the other person closed the conversation is shown back, not lost.
            .if(
                !open && !draft.isEmpty,
                .div(
                    .id("body"), .class("preview"),
                    .h2(.plainText("Your message was not sent")),
                    .div(.class("prose"), .forEach(Project.lines(draft)) { .p(.plainText($0)) })))
        )
    }

    static func skills(
        _ request: Request, offers: Paged<SkillOffer>,
        draft: (title: String, description: String, methods: Set<String>), errors: FormErrors
    ) -> HTML {
        let methodLabels = Dictionary(
            Vocabulary.method.terms.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        return Layout(title: "Skills members offer", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.peerSupport.path), .plainText("Peer support"))),
            .h1(.plainText("Skills members offer")),
            .p(
                .class("lead"),
                .plainText(
                    "Things alliance members are glad to do for each other: run a session, share a method, look over a plan."
                )),
            .if(offers.items.isEmpty, .p(.plainText("No offers yet. Be the first."))),
            .ul(
                .class("result-list"),
                .forEach(offers.items) { offer in
                    .li(
                        .class("result"),
                        .h2(.class("result__title"), .plainText(offer.title)),
                        .p(
                            .class("result__meta"), .plainText("Offered by \(offer.user.name)"),
                            .plainText(
                                offer.methods.split(separator: ",").isEmpty
                                    ? ""
                                    : " · "
                                        + offer.methods.split(separator: ",").map {
                                            methodLabels[String($0)] ?? String($0)
                                        }.joined(separator: ", "))),
                        .if(
                            !offer.description.isEmpty,
                            .div(.class("prose"), .forEach(Project.lines(offer.description)) { .p(.plainText($0)) })),
                        .if(
                            Policy.can(request.currentUser, .manageSkillOffer, .ownedBy(offer.$user.id)),
                            .form(
                                .method(.post), .action(SiteURL.deleteSkillOffer(offer.id!).path.attributeEscaped),
                                Forms.csrfField(request),
                                .button(
                                    .class("button button--secondary button--small"), .type(.submit),
                                    .plainText("Withdraw this offer"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "Withdraw the offer: \(offer.title)".attributeEscaped)))))
                }),
            Pagination.nav(offers, path: SiteURL.skillOffers.path, singular: "offer", plural: "offers"),
            .form(
                .method(.post), .action(SiteURL.skillOffers.path),
                Forms.csrfField(request),
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
                    name: "skill_methods", legend: "Methods (optional)",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: draft.methods, errors: errors
                ),
                Forms.submit("Offer it", secondary: true)
            )
        )
    }
}
