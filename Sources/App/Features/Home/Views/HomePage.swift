import Plot

/// The front page: what Bridgework is, and the alliance's hubs.
enum HomePage {
    struct Model: Sendable {
        let page: PageContext
        /// Every hub, by region then name.
        let hubs: [Hub]
        /// Whether to invite the reader to make an account: only visitors are.
        let offersSignUp: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Good relations, made visible", page: model.page).render(
            .h1(.plainText("Bridgework")),
            .p(
                .class("lead"),
                .plainText(
                    "Across England, local groups, volunteers, councils, police teams, faith groups, schools and researchers quietly build trust between communities. Bridgework links them up, so that good practice travels and the positive stories get told."
                )),
            .form(
                .class("home-search"), .method(.get), .action(SiteURL.search.path),
                .attribute(named: "role", value: "search"),
                .attribute(named: "aria-label", value: "Search the directory"),
                .div(
                    .class("form-group"),
                    .label(
                        .class("label"), .for("home-q"),
                        .plainText("Search for organisations and people by name, place or kind of work")),
                    .input(.class("input"), .type(.search), .id("home-q"), .name("q"))
                ),
                .button(.type(.submit), .class("button"), .plainText("Search"))
            ),
            .h2(.plainText("What you can do here")),
            .ul(
                .class("bullet-list"),
                .li(
                    .plainText(
                        "Find people and organisations doing good relations work near you, and join your local hub.")),
                .li(.plainText("Share what works, and learn from others' methods and stories.")),
                .li(.plainText("Find a critical friend to talk a difficult situation through.")),
                .li(.plainText("Measure the difference your work makes, with simple and honest tools."))
            ),
            .h2(.plainText("The hubs")),
            .p(
                .plainText(
                    "The alliance is owned locally. In 2013, 346 people from 235 organisations met at eleven events across England; each event's hosts now anchor a hub."
                )),
            .ul(
                .class("hub-list"),
                .forEach(model.hubs) { hub in
                    .li(.strong(.plainText(hub.name)), .plainText(" – " + hub.region))
                }),
            .if(
                model.offersSignUp,
                .p(.a(.class("button"), .href(SiteURL.signUp.path), .plainText("Create an account"))))
        )
    }
}
