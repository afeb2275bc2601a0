import Plot

/// `/privacy`: what the platform keeps about people, why, who sees it, and how to take it away.
/// Every sentence here is a promise the code keeps; change them together.
enum PrivacyPage {
    struct Model: Sendable {
        let page: PageContext
    }

    static func view(_ model: Model) -> HTML {
        let contact = model.page.contactEmail
        return Layout(
            title: "Privacy notice", page: model.page,
            description: "What Bridgework keeps about the people who use it, who can see it, and how to remove it."
        ).render(
            .h1(.plainText("Privacy notice")),
            .p(
                .class("lead"),
                .plainText(
                    "Bridgework keeps as little about you as the work needs, shows it only to the people you choose, and lets you take it all away."
                )),
            .h2(.plainText("What we keep, and why")),
            .ul(
                .class("bullet-list"),
                .li(
                    .strong(.plainText("Your account: ")),
                    .plainText(
                        "your name, email address and a scrambled form of your password (bcrypt), so you can sign in and we can write to you."
                    )),
                .li(
                    .strong(.plainText("Your profile, if you fill it in: ")),
                    .plainText(
                        "your role, skills and areas. It is private until you choose to show it to alliance members or to everyone."
                    )),
                .li(
                    .strong(.plainText("Where you belong: ")),
                    .plainText(
                        "the hubs and organisations you join, so their stewards and admins can welcome you and so you see members-only pages."
                    )),
                .li(
                    .strong(.plainText("What you add: ")),
                    .plainText(
                        "stories, the consents of the people in them, events and registrations, peer-support conversations, and narratives you report seeing."
                    )),
                .li(
                    .strong(.plainText("Tension observations: ")),
                    .plainText(
                        "what a hub's members log about tension in their area. Only that hub's members can read them; the national team sees only each hub's weekly level, how many were logged, and by month which narratives hubs met. They must name no one, and are deleted after the hub's retention period, 12 months unless its stewards chose otherwise. If you delete your account, your observations stay with the hub without your name."
                    )),
                .li(
                    .strong(.plainText("Survey answers: ")),
                    .plainText(
                        "these are anonymous. A survey never asks for a name; a code you make up links your before and after answers. Reports never show a count of 1 to 7."
                    )),
                .li(
                    .strong(.plainText("A record of important actions: ")),
                    .plainText(
                        "signing in, changes to roles, and publishing, with the internet address they came from, so the national team can look into misuse."
                    )),
                .li(
                    .strong(.plainText("Emails we send: ")),
                    .plainText(
                        "a copy of each, without the private links in it, so the national team can check that messages arrive."
                    ))
            ),
            .h2(.plainText("Who can see it")),
            .p(
                .plainText(
                    "Personal details are private unless you choose otherwise. ‘Members only’ means people a hub has approved, never just anyone with an account. A story is public only when everyone in it has agreed and a steward of its hub has approved it; withdrawing a consent takes the story down at once, feeds included."
                )),
            .p(.plainText("We do not sell or share your details, and pages load no advertising or tracking scripts.")),
            .h2(.plainText("Cookies")),
            .p(
                .plainText(
                    "We set two cookies, both needed for the site to work: one keeps you signed in, and one protects forms from being sent by another site. There are no analytics or advertising cookies, so there is nothing to accept or refuse."
                )),
            .h2(.plainText("Your rights")),
            .ul(
                .class("bullet-list"),
                .li(
                    .plainText("Download everything we hold about you, as one file, from "),
                    .a(.href(SiteURL.account.path), .plainText("your account")), .plainText(".")),
                .li(
                    .plainText(
                        "Correct your details at any time, and change who can see your profile."
                    )),
                .li(
                    .plainText(
                        "Delete your account from your account page. Your published stories stay only where their consents still allow, with the author shown as ‘a former member’; the other person in a peer conversation keeps it, with you shown the same way."
                    ))
            ),
            .h2(.plainText("Questions and complaints")),
            .p(
                .plainText("Write to the national team at "),
                .a(.href("mailto:" + contact.attributeEscaped), .plainText(contact)),
                .plainText(
                    ". If you are not happy with our answer, you can complain to the Information Commissioner's Office (ico.org.uk)."
                ))
        )
    }
}
