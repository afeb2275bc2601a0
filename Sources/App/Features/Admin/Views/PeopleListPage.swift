import Plot

/// `/admin/people`: everyone with an account, a page at a time.
enum PeopleListPage {
    struct Model: Sendable {
        let page: PageContext
        let people: Paged<User>
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "People", page: model.page).render(
            .h1(.plainText("People")),
            .p(.class("lead"), .plainText("Everyone with an account. Choose a person to change their roles.")),
            .table(
                .class("table"),
                .caption(.class("visually-hidden"), .plainText("People with an account")),
                .thead(
                    .tr(
                        .th(.plainText("Name")), .th(.plainText("Email address")), .th(.plainText("Email confirmed")),
                        .th(.plainText("National coordinator")))),
                .tbody(
                    .forEach(model.people.items) { user in
                        .tr(
                            .td(.a(.href(SiteURL.adminPerson(user.id!).path.attributeEscaped), .plainText(user.name))),
                            .td(.plainText(user.email)),
                            .td(.plainText(user.emailConfirmedAt == nil ? "No" : "Yes")),
                            .td(.plainText(user.isCoordinator ? "Yes" : "No"))
                        )
                    })
            ),
            Pagination.nav(model.people, path: SiteURL.adminPeople.path, singular: "person", plural: "people")
        )
    }
}
