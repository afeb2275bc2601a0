import Plot

/// `/digest/unsubscribe`: stopping the weekly email from the link in it, without signing in.
enum DigestUnsubscribePage {
    enum State: Sendable, Equatable {
        /// The link is good: ask before stopping, since mail scanners follow links on their own.
        case asking(name: String, link: String)
        case done
        case badLink
    }

    struct Model: Sendable {
        let page: PageContext
        let state: State
    }

    static func view(_ model: Model) -> HTML {
        switch model.state {
        case .asking(let name, let link):
            return Layout(title: "Stop the weekly email", page: model.page).render(
                .h1(.plainText("Stop the weekly email")),
                .p(
                    .plainText(
                        "This stops the weekly email of hub news to \(name). Nothing else changes: you stay a member of your hubs, and messages about your own account still come."
                    )),
                .form(
                    .method(.post), .action(link.attributeEscaped),
                    Forms.submit("Stop the weekly email"))
            )
        case .done:
            return Layout(title: "The weekly email is stopped", page: model.page).render(
                .h1(.plainText("The weekly email is stopped")),
                .p(.plainText("You will not get the weekly email of hub news any more.")),
                .p(
                    .plainText("Changed your mind? Sign in and turn it on again from "),
                    .a(.href(SiteURL.personalHome.path), .plainText("your home page")), .plainText("."))
            )
        case .badLink:
            return Layout(title: "This link does not work", page: model.page).render(
                .h1(.plainText("This link does not work")),
                .p(
                    .plainText(
                        "The link may have been copied only in part. Try the link in the email again, or sign in and turn the weekly email off from "
                    ),
                    .a(.href(SiteURL.personalHome.path), .plainText("your home page")), .plainText("."))
            )
        }
    }
}
