import Plot
import Vapor

/// `/people/{id}`: a practitioner's profile, as far as its owner chose to show it.
enum PersonPage {
    struct Model: Sendable {
        let page: PageContext
        let user: User
        /// Nil when the person has not filled in a profile.
        let profile: Profile?
        let terms: [ProfileTerm]
        let organisations: [Organisation]
        let hubs: [Hub]
        /// Whether the person looking is the profile's owner.
        var isOwner = false
    }

    static func view(_ model: Model) -> HTML {
        let user = model.user
        let profile = model.profile
        func labels(_ vocabulary: Vocabulary) -> [String] {
            model.terms.filter { $0.vocabulary == vocabulary.rawValue }.compactMap { vocabulary.label(for: $0.code) }
                .sorted()
        }
        return Layout(title: user.name, page: model.page).render(
            .h1(.plainText(user.name)),
            .unwrap(profile.flatMap { $0.role.isEmpty ? nil : $0.role }) { .p(.class("lead"), .plainText($0)) },
            .if(
                model.isOwner,
                .div(
                    .class("notice notice--info"),
                    .p(
                        .plainText(
                            "This is your profile. "
                                + (profile.map { "Who can see it: " + $0.visibility.label.lowercased() + "." }
                                    ?? "Only you can see it until you fill it in and choose who may see it."))),
                    .p(.a(.href(SiteURL.profile.path), .plainText("Edit your profile")))
                )),
            .unwrap(profile) { profile in
                .group(
                    .forEach(
                        profile.bio.components(separatedBy: "\n\n").filter {
                            !$0.trimmingCharacters(in: .whitespaces).isEmpty
                        }
                    ) { .p(.plainText($0)) },
                    .if(profile.criticalFriend, .p(.class("tag"), .plainText("Open to being a critical friend")))
                )
            },
            .dl(
                .class("summary-list"),
                .if(
                    !model.organisations.isEmpty,
                    row(
                        "Organisations",
                        .ul(
                            .class("plain-list"),
                            .forEach(model.organisations) { organisation in
                                .li(
                                    .a(
                                        .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                        .plainText(organisation.name)))
                            }))),
                .if(
                    !model.hubs.isEmpty,
                    row(
                        "Hubs",
                        .ul(
                            .class("plain-list"),
                            .forEach(model.hubs) { hub in
                                .li(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText(hub.name)))
                            }))),
                .unwrap(profile.flatMap { $0.skills.isEmpty ? nil : $0.skills }) { row("Skills", .plainText($0)) },
                .if(!labels(.method).isEmpty, row("Methods", .plainText(labels(.method).joined(separator: ", ")))),
                .if(!labels(.theme).isEmpty, row("Themes", .plainText(labels(.theme).joined(separator: ", ")))),
                .unwrap(profile.flatMap { $0.languages.isEmpty ? nil : $0.languages }) {
                    row("Languages", .plainText($0))
                }
            )
        )
    }

    private static func row(_ term: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .div(.class("summary-list__row"), .dt(.plainText(term)), .dd(value))
    }
}
