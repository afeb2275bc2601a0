import Foundation
import Plot

/// `/library`: every resource, filtered by kind, method and theme.
enum LibraryListPage {
    struct Model: Sendable {
        let page: PageContext
        let filters: LibraryController.Filters
        let resources: Paged<Resource>
        let canCurate: Bool
    }

    static func view(_ model: Model) -> HTML {
        let filters = model.filters
        let total = model.resources.total
        let results = FilteredResults(
            address: .library, formLabel: "Filter the library",
            filters: [
                .init(
                    name: "kind", label: "Kind", options: Resource.Kind.allCases.map { ($0.rawValue, $0.label) },
                    selected: filters.kind?.rawValue),
                .init(
                    name: "method", label: "Method", options: CuratedViews.options(.method), selected: filters.method),
                .init(name: "theme", label: "Theme", options: CuratedViews.options(.theme), selected: filters.theme),
            ],
            parameters: filters.parameters, showAllText: "Show everything",
            countText: total == 1 ? "1 resource" : "\(total) resources",
            emptyText: "Nothing matches. Try another kind, method or theme.", paginationLabel: "Pages of the library")
        return Layout(
            title: "Library", page: model.page,
            description: "Methods, guides, training and research for good relations work."
        ).render(
            .h1(.plainText("Library")),
            .p(
                .class("lead"),
                .plainText(
                    "Methods, guides, training, research and toolkits for dialogue, mediation and bringing people together."
                )),
            .p(
                .plainText("Measuring what your work changes? See the "),
                .a(.href(SiteURL.indicators.path), .plainText("indicators")),
                .plainText(", with national figures for England.")),
            .if(
                model.canCurate,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newResource.path),
                        .plainText("Add to the library")))),
            results.node(model.resources, results: resourceList(model.resources.items))
        )
    }

    private static func resourceList(_ resources: [Resource]) -> Node<HTML.BodyContext> {
        .ol(
            .class("result-list"),
            .forEach(resources) { resource in
                .li(
                    .class("result"),
                    .h3(
                        .class("result__title"),
                        .a(.href(SiteURL.resource(resource.slug).path.attributeEscaped), .plainText(resource.title))),
                    .p(.class("result__summary"), .plainText(resource.summary)),
                    .p(.class("result__meta"), .plainText(resource.kindLabel)))
            })
    }
}

/// `/library/{slug}`: one resource, its text or its link, and its terms.
enum ResourcePage {
    struct Model: Sendable {
        let page: PageContext
        let resource: Resource
        let terms: [Vocabulary: [String]]
        let canCurate: Bool
    }

    static func view(_ model: Model) -> HTML {
        let resource = model.resource
        return Layout(title: resource.title, page: model.page, description: resource.summary).render(
            .p(.a(.href(SiteURL.library.path), .plainText("Library"))),
            .article(
                .span(.class("caption"), .plainText(resource.kindLabel)),
                .h1(.plainText(resource.title)),
                .p(.class("lead"), .plainText(resource.summary)),
                .if(!resource.body.isEmpty, Markdown.node(resource.body)),
                .unwrap(resource.link) { link in
                    // Checked to be an http or https address when saved.
                    .p(
                        .a(
                            .href(link.attributeEscaped), .attribute(named: "rel", value: "noopener"),
                            .plainText("Go to the resource")), .plainText(" (on another website)"))
                },
                .unwrap(resource.doi) { doi in
                    .p(.plainText("DOI: "), .a(.href("https://doi.org/\(doi)".attributeEscaped), .plainText(doi)))
                },
                CuratedViews.termSummary(model.terms, vocabularies: [.method, .theme])
            ),
            .if(
                model.canCurate,
                .p(
                    .a(
                        .href(SiteURL.editResource(resource.slug).path.attributeEscaped),
                        .plainText("Edit this resource"))))
        )
    }
}

/// `/library/new` and `/library/{slug}/edit`: a curator writes or changes a resource.
enum ResourceFormPage {
    struct Model: Sendable {
        let page: PageContext
        let form: ResourceForm
        /// The resource being changed, or nil for a new one.
        let resource: Resource?
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        let title = model.resource == nil ? "Add to the library" : "Edit a library resource"
        let action = model.resource.map { SiteURL.editResource($0.slug) } ?? .newResource
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Forms.radios(
                    name: "kind", legend: "Kind", options: Resource.Kind.allCases.map { ($0.rawValue, $0.label, nil) },
                    selected: form.kind, errors: errors),
                Forms.textarea(name: "summary", label: "Summary", value: form.summary, rows: 3, errors: errors),
                Forms.textarea(
                    name: "body", label: "Text", value: form.body,
                    hint: "Markdown. Leave empty if the resource lives elsewhere and you give its link.", rows: 12,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "link", label: "Link (optional)", type: .url, value: form.link,
                        hint: "A web address starting with https://"), errors: errors),
                Forms.input(
                    .init(
                        name: "doi", label: "DOI (optional)", value: form.doi,
                        hint: "For research, for example 10.1037/0022-3514.90.5.751."), errors: errors),
                Forms.checkboxes(
                    name: "methods", legend: "Methods (optional)", options: CuratedViews.options(.method),
                    checked: form.methods, errors: errors, groupID: "methods"),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)", options: CuratedViews.options(.theme),
                    checked: form.themes, errors: errors, groupID: "themes"),
                Forms.submit("Save")
            )
        )
    }
}
