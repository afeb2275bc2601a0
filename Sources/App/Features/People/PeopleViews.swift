import Plot
import Vapor

enum PeopleViews {
    static func show(
        _ request: Request, user: User, profile: Profile?, terms: [ProfileTerm], organisations: [Organisation],
        hubs: [Hub]
    ) -> HTML {
        let isOwner = request.currentUser?.id == user.id
        func labels(_ vocabulary: Vocabulary) -> [String] {
            terms.filter { $0.vocabulary == vocabulary.rawValue }.compactMap { vocabulary.label(for: $0.code) }.sorted()
        }
        return Layout(title: user.name, request: request).render(
            .h1(.plainText(user.name)),
            .unwrap(profile.flatMap { $0.role.isEmpty ? nil : $0.role }) { .p(.class("lead"), .plainText($0)) },
            .if(
                isOwner,
                .div(
                    .class("notice notice--info"),
                    .p(
                        .plainText(
                            "This is your profile. "
                                + (profile.map { "Who can see it: " + $0.profileVisibility.label.lowercased() + "." }
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
                    !organisations.isEmpty,
                    row(
                        "Organisations",
                        .ul(
                            .class("plain-list"),
                            .forEach(organisations) { organisation in
                                .li(
                                    .a(
                                        .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                        .plainText(organisation.name)))
                            }))),
                .if(
                    !hubs.isEmpty,
                    row(
                        "Hubs",
                        .ul(
                            .class("plain-list"),
                            .forEach(hubs) { hub in
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

    static func search(
        _ request: Request, search: PeopleController.Search, profiles: [Profile], total: Int, pageSize: Int, hubs: [Hub]
    ) -> HTML {
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        func link(_ page: Int) -> String {
            var query = search.parameters
            if page > 1 { query["page"] = String(page) }
            return SiteURL.people.with(query: query)
        }
        return Layout(title: "Practitioners", request: request).render(
            .h1(.plainText("Practitioners")),
            .p(
                .class("lead"),
                .plainText(
                    "People who do good relations work and have chosen to be found by alliance members. Look for someone who has faced what you face, or who would be a critical friend."
                )),
            .div(
                .class("search-layout"),
                .form(
                    .class("search-form"), .method(.get), .action(SiteURL.people.path),
                    .attribute(named: "role", value: "search"),
                    .attribute(named: "aria-label", value: "Search practitioners"),
                    .div(
                        .class("form-group"),
                        .label(.class("label"), .for("q"), .plainText("Name, role or skill")),
                        .input(
                            .class("input"), .type(.search), .id("q"), .name("q"), .value(search.text.attributeEscaped))
                    ),
                    Forms.select(
                        name: "hub", label: "Hub", empty: "Any", options: hubs.map { ($0.slug, $0.name) },
                        selected: search.hub),
                    select(name: "method", label: "Method", vocabulary: .method, selected: search.method),
                    select(name: "theme", label: "Theme", vocabulary: .theme, selected: search.theme),
                    Forms.checkbox(
                        name: "critical_friend", label: "Open to being a critical friend",
                        checked: search.criticalFriend),
                    .button(.type(.submit), .class("button"), .plainText("Search"))
                ),
                .div(
                    .class("search-results"),
                    .h2(.class("results-count"), .plainText(total == 1 ? "1 practitioner" : "\(total) practitioners")),
                    .if(
                        profiles.isEmpty, .p(.plainText("No practitioners match. Try fewer words, or remove a filter."))
                    ),
                    resultList(profiles),
                    .if(
                        pageCount > 1,
                        Pagination.links(page: search.page, pageCount: pageCount, label: "Pages of results", link: link)
                    )
                )
            )
        )
    }

    /// Practitioners as a list of results, here and in the directory's combined search.
    static func resultList(_ profiles: [Profile]) -> Node<HTML.BodyContext> {
        .ol(
            .class("result-list"),
            .forEach(profiles) { profile in
                .li(
                    .class("result"),
                    .h3(
                        .class("result__title"),
                        .a(.href(SiteURL.person(profile.$user.id).path.attributeEscaped), .plainText(profile.user.name))
                    ),
                    .if(!profile.role.isEmpty, .p(.class("result__summary"), .plainText(profile.role))),
                    .if(
                        profile.criticalFriend,
                        .p(.class("result__meta"), .plainText("Open to being a critical friend"))))
            })
    }

    private static func select(name: String, label: String, vocabulary: Vocabulary, selected: String?) -> Node<
        HTML.FormContext
    > {
        Forms.select(
            name: name, label: label, empty: "Any", options: vocabulary.terms.map { ($0.code, $0.label) },
            selected: selected)
    }

    static func form(_ request: Request, form: ProfileForm, errors: FormErrors = .init()) -> HTML {
        Layout(title: "Your profile", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Your profile")),
            .p(
                .class("lead"),
                .plainText(
                    "Tell other practitioners about your work. Nothing here is shown to anyone until you choose who may see it, at the end of this page."
                )),
            .form(
                .method(.post), .action(SiteURL.profile.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "role", label: "Your role (optional)", value: form.role,
                        hint: "For example: youth worker, mediator, community development officer, imam, researcher."),
                    errors: errors),
                Forms.textarea(
                    name: "bio", label: "About you (optional)", value: form.bio,
                    hint: "Your work, where, and who with. Leave a blank line between paragraphs.", rows: 6,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "skills", label: "Skills (optional)", value: form.skills,
                        hint: "Separate them with commas, like: facilitation, conflict coaching, Roma community work."),
                    errors: errors),
                Forms.checkboxes(
                    name: "method", legend: "Methods you use (optional)", hint: "Select all that apply.",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: form.methods, errors: errors),
                Forms.checkboxes(
                    name: "theme", legend: "Themes you work on (optional)", hint: "Select all that apply.",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes, errors: errors),
                Forms.input(
                    .init(
                        name: "languages", label: "Languages you work in (optional)", value: form.languages,
                        hint: "For example: English, Urdu, Polish."), errors: errors),
                Forms.checkbox(
                    name: "critical_friend", label: "I am open to being a critical friend to other practitioners",
                    checked: form.criticalFriend),
                Forms.radios(
                    name: "visibility", legend: "Who can see your profile?",
                    options: ProfileVisibility.allCases.map { ($0.rawValue, $0.label, $0.hint) },
                    selected: form.visibility, errors: errors),
                Forms.submit("Save profile")
            )
        )
    }
}
