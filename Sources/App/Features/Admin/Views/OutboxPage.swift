import Plot

/// `/admin/outbox`: the messages the site has sent or is holding, for coordinators.
enum OutboxPage {
    struct Model: Sendable {
        let page: PageContext
        let messages: Paged<OutboxMessage>
        /// Whether a mail program is set, so messages are handed to it rather than written as files.
        let hasMailProgram: Bool
    }

    static func view(_ model: Model) -> HTML {
        let paged = model.messages
        let transport =
            model.hasMailProgram
            ? "Messages are handed to the mail program as they are written; each shows whether that worked."
            : "No mail program is set, so messages are written as files to the server's mail folder rather than sent. Set BRIDGEWORK_SENDMAIL to deliver them."
        return Layout(title: "Outbox", page: model.page).render(
            .h1(.plainText("Outbox")),
            .p(.class("lead"), .plainText("Every message the site writes to people, newest first.")),
            .p(.plainText(transport)),
            .p(
                .plainText(
                    "Links that sign someone in, confirm an address, reset a password or change an email are hidden here: only the person each message was sent to can use them."
                )),
            .if(paged.items.isEmpty, .p(.plainText("There are no messages yet."))),
            .forEach(paged.items) { message in
                .article(
                    .class("message"),
                    .h2(.class("message__subject"), .plainText(message.subject)),
                    .dl(
                        .class("summary-list"),
                        .div(.class("summary-list__row"), .dt(.plainText("To")), .dd(.plainText(message.recipient))),
                        .div(
                            .class("summary-list__row"), .dt(.plainText("Written")),
                            .dd(.plainText(DisplayDate.dateTime(message.createdAt)))),
                        .div(
                            .class("summary-list__row"), .dt(.plainText("Delivery")),
                            .dd(.plainText(deliveryText(message))))
                    ),
                    .pre(.class("message__body"), .plainText(message.body))
                )
            },
            Pagination.nav(paged, path: SiteURL.adminOutbox.path, singular: "message", plural: "messages")
        )
    }

    static func deliveryText(_ message: OutboxMessage) -> String {
        if let failure = message.failure { return "Not delivered. " + failure }
        if let sent = message.sentAt { return "Handed over for delivery at " + DisplayDate.dateTime(sent) }
        return "Being delivered"
    }
}
