import Fluent
import Vapor

/// `/library`: methods, guides, training, research and toolkits.
struct LibraryController {
    static let pageSize = 20

    struct Filters: Sendable {
        var kind: Resource.Kind? = nil
        var method: String? = nil
        var theme: String? = nil
        var page = 1

        init(kind: Resource.Kind? = nil, method: String? = nil, theme: String? = nil, page: Int = 1) {
            self.kind = kind
            self.method = method
            self.theme = theme
            self.page = page
        }

        init(_ req: Request) {
            kind = req.query[String.self, at: "kind"].flatMap { Resource.Kind(rawValue: $0) }
            method = req.query[String.self, at: "method"].flatMap { Vocabulary.method.isValid($0) ? $0 : nil }
            theme = req.query[String.self, at: "theme"].flatMap { Vocabulary.theme.isValid($0) ? $0 : nil }
            page = CuratedListQuery.pageNumber(req)
        }

        var parameters: [String: String] {
            var result: [String: String] = [:]
            if let kind { result["kind"] = kind.rawValue }
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
        let resources = try await query.sort(\.$title).curatedPage(filters.page, size: Self.pageSize)
        let model = LibraryListPage.Model(
            page: req.page, filters: filters, resources: resources,
            canCurate: Policy.can(req.currentUser, .curateContent))
        return LibraryListPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let id = try resource.requireID()
        let terms = try await ContentTerm.terms(of: .resource, ids: [id], on: req.db)[id] ?? [:]
        let model = ResourcePage.Model(
            page: req.page, resource: resource, terms: terms, canCurate: Policy.can(req.currentUser, .curateContent))
        return ResourcePage.view(model).response()
    }

    func newForm(req: Request) async throws -> Response {
        ResourceFormPage.view(.init(page: req.page, form: ResourceForm(), resource: nil)).response()
    }

    func create(req: Request) async throws -> Response {
        let form = req.form(ResourceForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            let model = ResourceFormPage.Model(page: req.page, form: form, resource: nil, errors: errors)
            return ResourceFormPage.view(model).response(status: .unprocessableEntity)
        }
        let resource = Resource()
        form.apply(to: resource)
        try await ContentTerm.create(
            resource, as: .resource, title: form.title, fallback: "resource", terms: form.terms, on: req.db)
        return req.redirect(to: SiteURL.resource(resource.slug).with(notice: CuratedNotice.contentSaved))
    }

    func editForm(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let id = try resource.requireID()
        let terms = try await ContentTerm.terms(of: .resource, ids: [id], on: req.db)[id] ?? [:]
        let model = ResourceFormPage.Model(
            page: req.page, form: ResourceForm(resource, terms: terms), resource: resource)
        return ResourceFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let resource = try await resource(req)
        let form = req.form(ResourceForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            let model = ResourceFormPage.Model(page: req.page, form: form, resource: resource, errors: errors)
            return ResourceFormPage.view(model).response(status: .unprocessableEntity)
        }
        form.apply(to: resource)
        try await req.db.transaction { db in
            try await resource.save(on: db)
            try await ContentTerm.replace(.resource, id: resource.requireID(), with: form.terms, on: db)
        }
        return req.redirect(to: SiteURL.resource(resource.slug).with(notice: CuratedNotice.contentSaved))
    }

    private func resource(_ req: Request) async throws -> Resource {
        guard let slug = req.parameters.get("resourceSlug"),
            let resource = try await Resource.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return resource
    }
}
