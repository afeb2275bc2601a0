import Fluent
import Plot
import Vapor

/// `/library`: methods, guides, training, research and toolkits.
struct LibraryController {
    static let pageSize = 20

    struct Filters: Sendable {
        var kind: String? = nil
        var method: String? = nil
        var theme: String? = nil
        var page = 1

        init(_ req: Request) {
            kind = req.query[String.self, at: "kind"].flatMap { Resource.Kind(rawValue: $0)?.rawValue }
            method = req.query[String.self, at: "method"].flatMap { Vocabulary.method.isValid($0) ? $0 : nil }
            theme = req.query[String.self, at: "theme"].flatMap { Vocabulary.theme.isValid($0) ? $0 : nil }
            page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
        }

        var parameters: [String: String] {
            var result: [String: String] = [:]
            if let kind { result["kind"] = kind }
            if let method { result["method"] = method }
            if let theme { result["theme"] = theme }
            return result
        }
    }

    func list(req: Request) async throws -> Response {
        let filters = Filters(req)
        var query = Resource.query(on: req.db)
        if let kind = filters.kind { query = query.filter(\.$kind == kind) }
        if let method = filters.method {
            query = query.filter(
                .sql(ContentTerm.hasTerm(.resource, table: Resource.schema, vocabulary: .method, code: method)))
        }
        if let theme = filters.theme {
            query = query.filter(
                .sql(ContentTerm.hasTerm(.resource, table: Resource.schema, vocabulary: .theme, code: theme)))
        }
        let total = try await query.copy().count()
        let resources = try await query.copy().sort(\.$title).range(
            ((filters.page - 1) * Self.pageSize)..<(filters.page * Self.pageSize)
        ).all()
        return LibraryViews.list(req, filters: filters, resources: resources, total: total).response()
    }

    func show(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let id = try resource.requireID()
        let terms = try await ContentTerm.terms(of: .resource, ids: [id], on: req.db)[id] ?? [:]
        return LibraryViews.show(req, resource: resource, terms: terms).response()
    }

    func newForm(req: Request) async throws -> Response {
        LibraryViews.form(req, form: ResourceForm(), resource: nil).response()
    }

    func create(req: Request) async throws -> Response {
        let form = ResourceForm(req)
        let errors = form.validate()
        guard errors.isEmpty else {
            return LibraryViews.form(req, form: form, resource: nil, errors: errors).response(
                status: .unprocessableEntity)
        }
        let resource = Resource()
        form.apply(to: resource)
        resource.slug = try await ContentChecks.uniqueSlug(
            for: form.title, schema: Resource.schema, fallback: "resource", on: req.db)
        try await req.db.transaction { db in
            try await resource.create(on: db)
            try await ContentTerm.replace(.resource, id: resource.requireID(), with: form.terms, on: db)
        }
        return req.redirect(to: SiteURL.resource(resource.slug).with(query: ["notice": Notice.contentSaved.rawValue]))
    }

    func editForm(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let id = try resource.requireID()
        let terms = try await ContentTerm.terms(of: .resource, ids: [id], on: req.db)[id] ?? [:]
        return LibraryViews.form(req, form: ResourceForm(resource, terms: terms), resource: resource).response()
    }

    func update(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let form = ResourceForm(req)
        let errors = form.validate()
        guard errors.isEmpty else {
            return LibraryViews.form(req, form: form, resource: resource, errors: errors).response(
                status: .unprocessableEntity)
        }
        form.apply(to: resource)
        try await req.db.transaction { db in
            try await resource.save(on: db)
            try await ContentTerm.replace(.resource, id: resource.requireID(), with: form.terms, on: db)
        }
        return req.redirect(to: SiteURL.resource(resource.slug).with(query: ["notice": Notice.contentSaved.rawValue]))
    }

    private func resource(_ req: Request) async throws -> Resource {
        guard let slug = req.parameters.get("resourceSlug"),
            let resource = try await Resource.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return resource
    }
}

enum LibraryViews {
    static func list(_ request: Request, filters: LibraryController.Filters, resources: [Resource], total: Int) -> HTML
    {
        let pageCount = max(1, (total + LibraryController.pageSize - 1) / LibraryController.pageSize)
        return Layout(
            title: "Library", request: request,
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
                request.currentUser?.isCoordinator == true,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newResource.path),
                        .plainText("Add to the library")))),
            .div(
                .class("search-layout"),
                .form(
                    .class("search-form"), .method(.get), .action(SiteURL.library.path),
                    .attribute(named: "role", value: "search"),
                    .attribute(named: "aria-label", value: "Filter the library"),
                    Forms.select(
                        name: "kind", label: "Kind", empty: "Any",
                        options: Resource.Kind.allCases.map { ($0.rawValue, $0.label) }, selected: filters.kind),
                    Forms.select(
                        name: "method", label: "Method", empty: "Any",
                        options: Vocabulary.method.terms.map { ($0.code, $0.label) }, selected: filters.method),
                    Forms.select(
                        name: "theme", label: "Theme", empty: "Any",
                        options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, selected: filters.theme),
                    .button(.type(.submit), .class("button"), .plainText("Filter")),
                    .if(!filters.parameters.isEmpty, .p(.a(.href(SiteURL.library.path), .plainText("Show everything"))))
                ),
                .div(
                    .class("search-results"),
                    .h2(.class("results-count"), .plainText(total == 1 ? "1 resource" : "\(total) resources")),
                    .if(resources.isEmpty, .p(.plainText("Nothing matches. Try another kind, method or theme."))),
                    .ol(
                        .class("result-list"),
                        .forEach(resources) { resource in
                            .li(
                                .class("result"),
                                .h3(
                                    .class("result__title"),
                                    .a(
                                        .href(SiteURL.resource(resource.slug).path.attributeEscaped),
                                        .plainText(resource.title))),
                                .p(.class("result__summary"), .plainText(resource.summary)),
                                .p(.class("result__meta"), .plainText(resource.kindLabel)))
                        }),
                    .if(
                        pageCount > 1,
                        Pagination.links(page: filters.page, pageCount: pageCount, label: "Pages of the library") {
                            number in
                            var parameters = filters.parameters
                            if number > 1 { parameters["page"] = String(number) }
                            return SiteURL.library.with(query: parameters)
                        })
                )
            )
        )
    }

    static func show(_ request: Request, resource: Resource, terms: [Vocabulary: [String]]) -> HTML {
        Layout(title: resource.title, request: request, description: resource.summary).render(
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
                CuratedViews.termSummary(terms, vocabularies: [.method, .theme])
            ),
            .if(
                request.currentUser?.isCoordinator == true,
                .p(
                    .a(
                        .href(SiteURL.editResource(resource.slug).path.attributeEscaped),
                        .plainText("Edit this resource"))))
        )
    }

    static func form(_ request: Request, form: ResourceForm, resource: Resource?, errors: FormErrors = .init()) -> HTML
    {
        let title = resource == nil ? "Add to the library" : "Edit a library resource"
        let action = resource.map { SiteURL.editResource($0.slug) } ?? .newResource
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
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
                    name: "methods", legend: "Methods (optional)",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: form.methods, errors: errors,
                    groupID: "methods"),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes, errors: errors,
                    groupID: "themes"),
                Forms.submit("Save")
            )
        )
    }
}
