import Plot

/// `/accessibility`: the accessibility statement. It says how the site is checked and what is known
/// not to work yet; keep it as true as the checks that stand behind it.
enum AccessibilityPage {
    /// The day this statement was last reviewed.
    static let reviewedOn = "2026-12-04"

    struct Model: Sendable {
        let page: PageContext
    }

    static func view(_ model: Model) -> HTML {
        let contact = model.page.contactEmail
        return Layout(
            title: "Accessibility statement", page: model.page,
            description: "How Bridgework is built and checked so that everyone can use it."
        ).render(
            .h1(.plainText("Accessibility statement")),
            .p(
                .class("lead"),
                .plainText(
                    "Bridgework is for everyone who does good relations work, so it has to work for everyone. We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA."
                )),
            .h2(.plainText("What you should be able to do")),
            .ul(
                .class("bullet-list"),
                .li(.plainText("use every page with a keyboard alone, and see where you are on the page")),
                .li(.plainText("read every page at the width of a small phone without scrolling sideways")),
                .li(.plainText("use every page without JavaScript, on a phone or a desktop")),
                .li(
                    .plainText(
                        "use the site with a screen reader: every chart has a table with the same figures, and every map a list"
                    )),
                .li(
                    .plainText(
                        "read dates in words, like 27 November 2026, and forms that say what went wrong and keep what you typed"
                    ))
            ),
            .h2(.plainText("How we check")),
            .p(
                .plainText(
                    "Before any change is released, an automated browser opens every page as each kind of user sees it (a visitor, a member, a steward, an organisation's admin and the national team), on desktop and phone sizes, and checks it with axe (for accessibility) and the Nu HTML Checker (for valid HTML). A change that fails either check is not released. Automated checks find only some problems, so please tell us about any you meet."
                )),
            .h2(.plainText("What we know is not right yet")),
            .ul(
                .class("bullet-list"),
                .li(
                    .plainText(
                        "Surveys translated into other languages show some newer wording in English until it is translated too."
                    )),
                .li(
                    .plainText(
                        "The map of hubs shows council areas as dots, which are small to point at; the list beside it has the same facts."
                    ))
            ),
            .h2(.plainText("Tell us about a problem")),
            .p(
                .plainText("If something does not work for you, write to "),
                .a(.href("mailto:" + contact.attributeEscaped), .plainText(contact)),
                .plainText(
                    ". Tell us the page and what happened. We will reply within 5 working days. If you are not happy with our reply, contact the Equality Advisory and Support Service (EASS)."
                )),
            .p(
                .class("hint"), .plainText("This statement was last reviewed on \(DisplayDate.day(iso: reviewedOn)).")
            )
        )
    }
}
