import Plot
import Vapor

/// `/invitations/respond`: the invited person accepts or declines.
enum InvitationPage {
    struct Model: Sendable {
        let page: PageContext
        /// With its organisation loaded.
        let invitation: OrganisationInvitation
        let token: String
        let isSignedIn: Bool
        /// Whether the person signed in is the one the invitation was sent to.
        let isInvitee: Bool
    }

    static func view(_ model: Model) -> HTML {
        let invitation = model.invitation
        let token = model.token
        let organisation = invitation.organisation
        let role = invitation.role == .admin ? "an admin" : "a member"
        let title = "Join \(organisation.name)"
        let here = SiteURL.respondToInvitation.with(query: ["token": token])
        let answer: Node<HTML.BodyContext>
        if model.isSignedIn {
            if model.isInvitee {
                answer = .group(
                    .p(
                        .plainText(
                            "As \(role), you will appear among its people on Bridgework"
                                + (invitation.role == .admin
                                    ? " and be able to edit its listing, manage its members, projects, surveys and events."
                                    : "."))),
                    .div(
                        .class("button-group"),
                        .form(
                            .method(.post), .action(SiteURL.respondToInvitation.path), Forms.csrfField(model.page),
                            Forms.hidden("token", token),
                            Forms.hidden("decision", "accept"), Forms.submit("Accept the invitation")),
                        .form(
                            .method(.post), .action(SiteURL.respondToInvitation.path), Forms.csrfField(model.page),
                            Forms.hidden("token", token),
                            Forms.hidden("decision", "decline"), Forms.submit("Decline", secondary: true))
                    )
                )
            } else {
                answer = .p(
                    .plainText(
                        "This invitation was sent to a different email address from the one you are signed in with. Sign out, then sign in with the address the invitation was sent to, and open the link again."
                    ))
            }
        } else {
            answer = .group(
                .p(
                    .plainText(
                        "Sign in with the email address this invitation was sent to, or create an account with it, then answer."
                    )),
                .p(
                    .a(
                        .class("button"), .href(SiteURL.signIn.with(query: ["next": here]).attributeEscaped),
                        .plainText("Sign in to answer"))),
                .p(.a(.href(SiteURL.signUp.path), .plainText("Create an account")))
            )
        }
        return Layout(title: title, page: model.page).render(
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "You have been invited to join \(organisation.name) as \(role). You decide: nothing changes unless you accept."
                )),
            answer
        )
    }
}
