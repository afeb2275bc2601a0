import Plot
import Vapor

/// `/organisations/{slug}`: one organisation's listing.
enum OrganisationShowPage {
    struct Model: Sendable {
        let page: PageContext
        let organisation: Organisation
        /// How its work is described: term codes by vocabulary.
        let terms: [Vocabulary: [String]]
        let areaCodes: [String]
        /// The hubs that approved it, by name.
        let hubs: [OrganisationProfile.Link]
        /// The site's address, for the structured data a public listing carries.
        let publicBaseURL: String
        var canEdit = false
        /// The organisation's projects, each linking to its public report.
        var projectReports: [ReportLink] = []
    }

    struct ReportLink: Sendable, Equatable {
        let projectName: String
        let path: String
    }

    static func view(_ model: Model) -> HTML {
        let organisation = model.organisation
        func termList(_ vocabulary: Vocabulary) -> [String] {
            (model.terms[vocabulary] ?? []).compactMap { vocabulary.label(for: $0) }
                .sorted()
        }
        let areaNames = model.areaCodes.compactMap { LocalAuthorities.name(for: $0) }.sorted()
        return Layout(title: organisation.name, page: model.page).render(
            .p(.a(.href(SiteURL.organisations.path), .plainText("All organisations"))),
            .h1(.plainText(organisation.name)),
            .if(
                !organisation.isPublic,
                .p(.class("tag"), .plainText("This listing is visible to alliance members only"))),
            .p(.class("lead"), .plainText(organisation.summary)),
            .forEach(
                organisation.description.components(separatedBy: "\n\n").filter {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                }
            ) {
                .p(.plainText($0))
            },
            .if(
                model.canEdit,
                .p(
                    .class("button-group"),
                    .a(
                        .class("button button--secondary"),
                        .href(SiteURL.editOrganisation(organisation.slug).path.attributeEscaped),
                        .plainText("Edit this organisation")),
                    .a(
                        .href(SiteURL.organisationMembers(organisation.slug).path.attributeEscaped),
                        .plainText("Manage members"))
                )),
            .h2(.plainText("About their work")),
            .dl(
                .class("summary-list"),
                .forEach(Vocabulary.allCases) { vocabulary in
                    .if(
                        !termList(vocabulary).isEmpty,
                        .div(
                            .class("summary-list__row"),
                            .dt(.plainText(vocabulary.pluralTitle)),
                            .dd(.ul(.class("plain-list"), .forEach(termList(vocabulary)) { .li(.plainText($0)) }))
                        ))
                },
                .if(
                    !areaNames.isEmpty,
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Areas served")),
                        .dd(.plainText(areaNames.joined(separator: ", "))))),
                .if(
                    !model.hubs.isEmpty,
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Hubs")),
                        .dd(
                            .ul(
                                .class("plain-list"),
                                .forEach(model.hubs) { hub in
                                    .li(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText(hub.name)))
                                }))))
            ),
            .if(
                !model.projectReports.isEmpty,
                .group(
                    .h2(.plainText("What their projects show")),
                    .p(
                        .plainText(
                            "Each project's public report: what changed for the people who took part, under disclosure control."
                        )),
                    .ul(
                        .class("bullet-list"),
                        .forEach(model.projectReports) { report in
                            .li(
                                .a(
                                    .href(report.path.attributeEscaped),
                                    .plainText("\(report.projectName): public report")))
                        }))),
            .h2(.plainText("Contact")),
            .dl(
                .class("summary-list"),
                .unwrap(organisation.website) { website in
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Website")),
                        .dd(
                            .a(
                                .href(website.attributeEscaped), .attribute(named: "rel", value: "nofollow noopener"),
                                .plainText(website))))
                },
                .unwrap(organisation.contactEmail) { email in
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Email")),
                        .dd(.a(.href("mailto:\(email)".attributeEscaped), .plainText(email))))
                },
                .unwrap(organisation.contactPhone) { phone in
                    .div(.class("summary-list__row"), .dt(.plainText("Telephone")), .dd(.plainText(phone)))
                },
                .unwrap(organisation.charityNumber) { number in
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Registered charity number")),
                        .dd(.plainText(number)))
                }
            ),
            .if(
                organisation.website == nil && organisation.contactEmail == nil && organisation.contactPhone == nil,
                .p(
                    .plainText(
                        "This organisation has not given public contact details. Their hub's stewards can put you in touch."
                    ))),
            .if(
                organisation.isPublic,
                .raw(jsonLD(organisation, areaNames: areaNames, publicURL: model.publicBaseURL)))
        )
    }

    /// schema.org Organization as JSON-LD. Public listings only; `<` is escaped so no text can close the script.
    static func jsonLD(_ organisation: Organisation, areaNames: [String], publicURL: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.name,
            "description": organisation.summary,
            "url": publicURL + SiteURL.organisation(organisation.slug).path,
        ]
        if let website = organisation.website { object["sameAs"] = [website] }
        if let email = organisation.contactEmail { object["email"] = email }
        if let phone = organisation.contactPhone { object["telephone"] = phone }
        if !areaNames.isEmpty { object["areaServed"] = areaNames.map { ["@type": "AdministrativeArea", "name": $0] } }
        return JSONLD.script(object)
    }
}
