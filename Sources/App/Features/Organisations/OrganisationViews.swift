import Plot
import Vapor

/// The directory's organisation pages: search and list, one organisation, and the form.
enum OrganisationViews {
    // MARK: Search

    struct SearchPage {
        let query: DirectoryQuery
        let results: DirectoryResults
        /// The rendered `filterForm`, which the controller may have remembered for this search.
        let filterForm: String
    }

    static func search(_ request: Request, page: SearchPage) -> HTML {
        let query = page.query
        let results = page.results
        let heading = query.isEmpty ? "Organisations" : "Organisations matching your search"
        return Layout(title: heading, request: request).render(
            .h1(.plainText(heading)),
            .p(
                .class("lead"),
                .plainText(
                    "Groups, charities, councils, faith bodies, schools and researchers doing good relations work across England."
                )),
            .if(
                request.currentUser != nil,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newOrganisation.path),
                        .plainText("Add an organisation")))),
            .div(
                .class("search-layout"),
                .raw(page.filterForm),
                .div(
                    .class("search-results"),
                    resultList(query: query, results: results, base: .organisations, heading: nil))
            )
        )
    }

    /// The count, the page of organisations and links to other pages; `base` is the page the
    /// search lives on. `heading` names the list where a page shows more than organisations.
    static func resultList(query: DirectoryQuery, results: DirectoryResults, base: SiteURL, heading: String?) -> Node<
        HTML.BodyContext
    > {
        let pageCount = max(1, (results.total + DirectoryQuery.pageSize - 1) / DirectoryQuery.pageSize)
        let count = results.total == 1 ? "1 organisation" : "\(results.total) organisations"
        return .group(
            .h2(
                .class("results-count"), .attribute(named: "id", value: "results"),
                .plainText(heading.map { "\($0) (\(results.total))" } ?? count)),
            .if(results.listings.isEmpty, noResults(query, base: base)),
            .ol(
                .class("result-list"),
                .forEach(results.listings) { organisation in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                .plainText(organisation.name))),
                        .p(.class("result__summary"), .plainText(organisation.summary)),
                        .unwrap(workLabels(organisation).isEmpty ? nil : workLabels(organisation)) { labels in
                            .p(.class("result__meta"), .plainText(labels))
                        },
                        .if(!organisation.isPublic, .p(.class("tag"), .plainText("Visible to alliance members only")))
                    )
                }
            ),
            .if(
                pageCount > 1,
                Pagination.links(page: query.page, pageCount: pageCount, label: "Pages of organisations") { number in
                    base.with(query: query.parameters(changing: "page", to: number == 1 ? nil : String(number)))
                })
        )
    }

    /// The words and filters, with how many organisations each choice would find. Depends only on
    /// the search and the counts, so it can be rendered once per search and state of the directory.
    static func filterForm(query: DirectoryQuery, results: DirectoryResults, action: SiteURL, label: String) -> String {
        let form: Node<HTML.BodyContext> =
            .form(
                .class("search-form"), .method(.get), .action(action.path.attributeEscaped),
                .attribute(named: "role", value: "search"),
                .attribute(named: "aria-label", value: label.attributeEscaped),
                .div(
                    .class("form-group"),
                    .label(.class("label"), .for("q"), .plainText("Search by name or description")),
                    .input(.class("input"), .type(.search), .id("q"), .name("q"), .value(query.text.attributeEscaped))
                ),
                filterSelect(
                    name: "hub", label: "Hub", selected: query.hub,
                    options: results.hubs.map { hub in
                        (hub.slug, hub.name, results.hubCounts[hub.id] ?? 0)
                    }),
                .forEach(Vocabulary.allCases) { vocabulary in
                    filterSelect(
                        name: vocabulary.rawValue, label: vocabulary.title, selected: query.terms[vocabulary],
                        options: vocabulary.terms.map { term in
                            (term.code, term.label, results.termCounts[vocabulary]?[term.code] ?? 0)
                        })
                },
                filterSelect(
                    name: "area", label: "Area served", selected: query.area,
                    options: LocalAuthorities.all.compactMap { area in
                        let count = results.areaCounts[area.code] ?? 0
                        return count > 0 || query.area == area.code ? (area.code, area.name, count) : nil
                    }),
                .button(.type(.submit), .class("button"), .plainText("Search")),
                .if(!query.isEmpty, .p(.a(.href(action.path.attributeEscaped), .plainText("Clear the search"))))
            )
        return form.render()
    }

    private static func workLabels(_ organisation: DirectoryListing) -> String {
        organisation.methodCodes.compactMap { Vocabulary.method.label(for: $0) }.sorted().joined(separator: " · ")
    }

    private static func filterSelect(name: String, label: String, selected: String?, options: [(String, String, Int)])
        -> Node<HTML.FormContext>
    {
        Forms.select(
            name: name, label: label, empty: "Any", options: options.map { ($0.0, "\($0.1) (\($0.2))") },
            selected: selected)
    }

    private static func noResults(_ query: DirectoryQuery, base: SiteURL) -> Node<HTML.BodyContext> {
        .div(
            .class("no-results"),
            .p(.strong(.plainText("No organisations match this search."))),
            .p(.plainText("You could:")),
            .ul(
                .class("bullet-list"),
                .li(.plainText("check the spelling, or use fewer or more general words")),
                .if(
                    query.terms.count + (query.hub == nil ? 0 : 1) + (query.area == nil ? 0 : 1) > 0,
                    .li(
                        .plainText(
                            "remove a filter: the numbers beside each choice show how many organisations it would find")
                    )),
                .li(.a(.href(base.path.attributeEscaped), .plainText("start again with every organisation"))),
                .li(.plainText("ask your hub's stewards: not every group is listed yet"))
            )
        )
    }

    // MARK: One organisation

    struct Detail {
        let organisation: Organisation
        let terms: [OrganisationTerm]
        let areas: [OrganisationArea]
        let hubs: [Hub]
        let canEdit: Bool
    }

    static func show(_ request: Request, detail: Detail) -> HTML {
        let organisation = detail.organisation
        func termList(_ vocabulary: Vocabulary) -> [String] {
            detail.terms.filter { $0.vocabulary == vocabulary.rawValue }.compactMap { vocabulary.label(for: $0.code) }
                .sorted()
        }
        let areaNames = detail.areas.compactMap { LocalAuthorities.name(for: $0.areaCode) }.sorted()
        return Layout(title: organisation.name, request: request).render(
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
                detail.canEdit,
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
                    !detail.hubs.isEmpty,
                    .div(
                        .class("summary-list__row"), .dt(.plainText("Hubs")),
                        .dd(
                            .ul(
                                .class("plain-list"),
                                .forEach(detail.hubs) { hub in
                                    .li(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText(hub.name)))
                                }))))
            ),
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
                .raw(jsonLD(organisation, areaNames: areaNames, publicURL: request.application.publicBaseURL)))
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

    // MARK: The form

    static func form(
        _ request: Request, title: String, action: String, form: OrganisationForm, hubs: [Hub],
        errors: FormErrors = .init(), submit: String
    ) -> HTML {
        let regions = LocalAuthorities.regions
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.attributeEscaped), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(name: "name", label: "Name", value: form.name, autocomplete: "organization"), errors: errors),
                Forms.textarea(
                    name: "summary", label: "Summary", value: form.summary,
                    hint:
                        "One or two sentences, shown in search results. Up to \(OrganisationForm.maximumSummary) characters.",
                    rows: 3, errors: errors),
                Forms.textarea(
                    name: "description", label: "Description (optional)", value: form.description,
                    hint: "What you do, who with, and how. Leave a blank line between paragraphs.", rows: 8,
                    errors: errors),
                .forEach(Vocabulary.allCases) { vocabulary in
                    Forms.checkboxes(
                        name: vocabulary.rawValue, legend: vocabulary.pluralTitle + " (optional)",
                        hint: "Select all that apply.",
                        options: vocabulary.terms.map { ($0.code, $0.label) }, checked: form.terms[vocabulary] ?? [],
                        errors: errors)
                },
                .div(
                    .class(errors["areas"] == nil ? "form-group" : "form-group form-group--error"), .id("areas"),
                    .fieldset(
                        .class("fieldset"),
                        .element(
                            named: "legend", nodes: [.class("fieldset__legend"), .plainText("Areas served (optional)")]),
                        .div(.class("hint"), .plainText("Open a region to choose its council areas.")),
                        .unwrap(errors["areas"]) {
                            .p(
                                .class("error-message"), .span(.class("visually-hidden"), .plainText("Error: ")),
                                .plainText($0))
                        },
                        .forEach(regions) { region in
                            let areas = LocalAuthorities.all.filter { $0.region == region }
                            let chosen = areas.filter { form.areas.contains($0.code) }.count
                            return .details(
                                .class("details"),
                                .if(chosen > 0, .attribute(named: "open", value: "open")),
                                .summary(
                                    .class("details__summary"),
                                    .plainText(chosen > 0 ? "\(region) (\(chosen) chosen)" : region)),
                                .div(
                                    .class("checkboxes checkboxes--small"),
                                    .forEach(areas) { area in
                                        .div(
                                            .class("checkboxes__item"),
                                            .input(
                                                .class("checkboxes__input"), .type(.checkbox),
                                                .id("area-\(area.code)".attributeEscaped), .name("area[]"),
                                                .value(area.code.attributeEscaped),
                                                .unwrap(form.areas.contains(area.code) ? true : nil) { _ in
                                                    .checked(true)
                                                }),
                                            .label(
                                                .class("checkboxes__label"), .for("area-\(area.code)".attributeEscaped),
                                                .plainText(area.name))
                                        )
                                    })
                            )
                        }
                    )
                ),
                Forms.checkboxes(
                    name: "hub", legend: "Hubs (optional)",
                    hint:
                        "Ask to join a hub. Some hubs let organisations join at once; others ask a steward to approve.",
                    options: hubs.map { ($0.slug, $0.name) }, checked: form.hubs, errors: errors, groupID: "hubs"),
                Forms.input(
                    .init(
                        name: "website", label: "Website (optional)", type: .url, value: form.website,
                        autocomplete: "url", spellcheck: false), errors: errors),
                Forms.input(
                    .init(
                        name: "charity_number", label: "Registered charity number (optional)",
                        value: form.charityNumber, width: "input--width-10"), errors: errors),
                Forms.input(
                    .init(
                        name: "contact_email", label: "Public contact email (optional)", type: .email,
                        value: form.contactEmail,
                        hint: "Shown on the listing. Use a shared address, not a personal one.", autocomplete: "email",
                        spellcheck: false), errors: errors),
                Forms.input(
                    .init(
                        name: "contact_phone", label: "Public telephone number (optional)", type: .tel,
                        value: form.contactPhone, autocomplete: "tel", width: "input--width-20"), errors: errors),
                Forms.radios(
                    name: "visibility", legend: "Who can see this listing?",
                    options: [
                        (
                            Organisation.Visibility.public.rawValue, "Everyone",
                            "It appears in public search, on the map and in open data."
                        ),
                        (
                            Organisation.Visibility.members.rawValue, "Alliance members only",
                            "Only people a hub has approved into the alliance can find it."
                        ),
                    ], selected: form.visibility, errors: errors),
                Forms.submit(submit)
            )
        )
    }
}
