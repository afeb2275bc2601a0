import Foundation
import Plot

/// `/peer-support/conversations/{id}`: the private conversation between the person who asked and
/// their critical friend.
enum PeerThreadPage {
    struct Model: Sendable {
        let page: PageContext
        let invitation: PeerInvitation
        let request: PeerRequest
        /// The other person in the conversation, as the viewer sees it.
        let other: User
        /// Oldest first, with their authors.
        let messages: [PeerMessage]
        /// What the viewer wrote, shown again after a problem.
        var draft = ""
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let invitation = model.invitation
        let errors = model.errors
        let draft = model.draft
        let open = invitation.status == .accepted
        return Layout(title: "Conversation with \(model.other.name)", page: model.page, hasErrors: !errors.isEmpty)
            .render(
                Forms.errorSummary(errors),
                .p(
                    .a(
                        .href(SiteURL.peerRequest(model.request.id!).path.attributeEscaped),
                        .plainText(model.request.title))),
                .h1(.plainText("Conversation with \(model.other.name)")),
                .p(.class("hint"), .plainText("Only the two of you can read this conversation.")),
                .if(
                    model.messages.isEmpty,
                    .p(.plainText("No messages yet. Say hello, and suggest when you could talk."))),
                .ol(
                    .class("plain-list thread"),
                    .forEach(model.messages) { message in
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
                        Forms.csrfField(model.page),
                        Forms.textarea(name: "body", label: "Your message", value: draft, rows: 5, errors: errors),
                        Forms.submit("Send")
                    )),
                .if(
                    open,
                    .form(
                        .method(.post), .action(SiteURL.closePeerThread(invitation.id!).path.attributeEscaped),
                        Forms.csrfField(model.page),
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
}
