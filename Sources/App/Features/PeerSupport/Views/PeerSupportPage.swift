import Foundation
import Plot

/// `/peer-support`: the member's own requests, the people who asked them, and whether they are
/// open to being asked.
enum PeerSupportPage {
    struct Model: Sendable {
        let page: PageContext
        /// The member's own requests, newest first.
        let requests: [PeerRequest]
        /// The invitations sent for those requests, with their invitees.
        let sent: [PeerInvitation]
        /// Invitations the member received, with their requests and askers.
        let invitations: [PeerInvitation]
        /// Whether the member said they are open to being a critical friend.
        let isAvailable: Bool
    }

    static func view(_ model: Model) -> HTML {
        let byRequest = Dictionary(grouping: model.sent, by: { $0.$request.id })
        let available = model.isAvailable
        return Layout(title: "Peer support", page: model.page).render(
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
            .if(model.requests.isEmpty, .p(.plainText("You have not asked for a critical friend yet."))),
            .ul(
                .class("result-list"),
                .forEach(model.requests) { item in
                    let invited = byRequest[item.id!] ?? []
                    return .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(.href(SiteURL.peerRequest(item.id!).path.attributeEscaped), .plainText(item.title))),
                        .p(
                            .class("result__meta"),
                            .plainText((item.isOpen ? "Open" : "Closed") + " · " + invitedSummary(invited))))
                }),
            .h2(.plainText("People who asked you")),
            .if(model.invitations.isEmpty, .p(.plainText("Nobody has asked you yet."))),
            .ul(
                .class("result-list"),
                .forEach(model.invitations) { invitation in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(invitationLink(invitation).path.attributeEscaped),
                                .plainText(invitation.request.title))),
                        .p(
                            .class("result__meta"),
                            .plainText(
                                "From \(invitation.request.asker.name) · "
                                    + PeerSupportViews.statusLabel(invitation.status))))
                })
        )
    }

    private static func invitedSummary(_ invited: [PeerInvitation]) -> String {
        guard !invited.isEmpty else { return "nobody invited yet" }
        return invited.map { "\($0.invitee.name): \(PeerSupportViews.statusLabel($0.status))" }
            .joined(separator: "; ")
    }

    /// An invitation still waiting opens the request; an answered one opens the conversation.
    private static func invitationLink(_ invitation: PeerInvitation) -> SiteURL {
        invitation.status == .invited ? SiteURL.peerRequest(invitation.$request.id) : SiteURL.peerThread(invitation.id!)
    }
}
