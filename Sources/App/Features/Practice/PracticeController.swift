import Fluent
import SQLKit
import Vapor

/// `/practice`: the bank of good practice. Everyone reads it; members keep their own list;
/// the national team writes and edits the case studies.
struct PracticeController {
    static let pageSize = 12

    struct Filters: Sendable {
        var work: String? = nil
        var method: String? = nil
        var page = 1

        init(work: String? = nil, method: String? = nil, page: Int = 1) {
            self.work = work
            self.method = method
            self.page = page
        }

        init(_ req: Request) {
            work = req.query[String.self, at: "work"].flatMap { Vocabulary.kindOfWork.isValid($0) ? $0 : nil }
            method = req.query[String.self, at: "method"].flatMap { Vocabulary.method.isValid($0) ? $0 : nil }
            page = CuratedListQuery.pageNumber(req)
        }

        var parameters: [String: String] {
            var result: [String: String] = [:]
            if let work { result["work"] = work }
            if let method { result["method"] = method }
            return result
        }
    }

    func list(req: Request) async throws -> Response {
        let filters = Filters(req)
        var query = CaseStudy.query(on: req.db)
        if let work = filters.work {
            query = query.filter(
                .sql(ContentTerm.hasTerm(.caseStudy, table: CaseStudy.schema, vocabulary: .kindOfWork, code: work)))
        }
        if let method = filters.method {
            query = query.filter(
                .sql(ContentTerm.hasTerm(.caseStudy, table: CaseStudy.schema, vocabulary: .method, code: method)))
        }
        let studies = try await query.sort(\.$title).curatedPage(filters.page, size: Self.pageSize)
        let terms = try await ContentTerm.terms(of: .caseStudy, ids: studies.items.compactMap(\.id), on: req.db)
        let model = PracticeListPage.Model(
            page: req.page, filters: filters, studies: studies, terms: terms,
            canKeepList: Policy.can(req.currentUser, .manageOwnAccount),
            canCurate: Policy.can(req.currentUser, .curateContent))
        return PracticeListPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        let study = try await caseStudy(req)
        let id = try study.requireID()
        let terms = try await ContentTerm.terms(of: .caseStudy, ids: [id], on: req.db)[id] ?? [:]
        var organisation = try await study.$organisation.get(on: req.db)
        if let listed = organisation, !listed.isPublic, !Policy.can(req.currentUser, .readMembersOnly) {
            organisation = nil
        }
        var saved = false
        if let user = req.currentUser {
            saved =
                try await CaseStudySave.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$caseStudy.$id == id)
                .first() != nil
        }
        let model = CaseStudyPage.Model(
            page: req.page, study: study, organisation: organisation, terms: terms, saved: saved,
            canKeepList: Policy.can(req.currentUser, .manageOwnAccount),
            canCurate: Policy.can(req.currentUser, .curateContent))
        return CaseStudyPage.view(model).response()
    }

    /// Adds the case study to the member's list, or takes it off.
    func toggleSave(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let study = try await caseStudy(req)
        let id = try study.requireID()
        let existing = try await CaseStudySave.query(on: req.db).filter(\.$user.$id == user.id)
            .filter(\.$caseStudy.$id == id).first()
        if let existing {
            try await existing.delete(on: req.db)
            return req.redirect(to: SiteURL.caseStudy(study.slug).with(notice: PracticeNotice.caseStudyUnsaved))
        }
        try await CaseStudySave(userID: user.id, caseStudyID: id).create(on: req.db)
        return req.redirect(to: SiteURL.caseStudy(study.slug).with(notice: PracticeNotice.caseStudySaved))
    }

    func saved(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let saves = try await CaseStudySave.query(on: req.db).filter(\.$user.$id == user.id).with(\.$caseStudy)
            .sort(\.$createdAt, .descending).all()
        return SavedCaseStudiesPage.view(.init(page: req.page, studies: saves.map(\.caseStudy))).response()
    }

    // MARK: Curating

    func newForm(req: Request) async throws -> Response {
        CaseStudyFormPage.view(.init(page: req.page, form: CaseStudyForm(), study: nil)).response()
    }

    func create(req: Request) async throws -> Response {
        let form = req.form(CaseStudyForm.self)
        let organisations = try await organisations(req, slug: form.organisation)
        let errors = form.validate(knownOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty else {
            let model = CaseStudyFormPage.Model(page: req.page, form: form, study: nil, errors: errors)
            return CaseStudyFormPage.view(model).response(status: .unprocessableEntity)
        }
        let study = CaseStudy()
        form.apply(to: study, organisationID: organisations.first?.id)
        try await ContentTerm.create(
            study, as: .caseStudy, title: form.title, fallback: "case-study", terms: form.terms, on: req.db)
        return req.redirect(to: SiteURL.caseStudy(study.slug).with(notice: CuratedNotice.contentSaved))
    }

    func editForm(req: Request) async throws -> Response {
        let study = try await caseStudy(req)
        let id = try study.requireID()
        let terms = try await ContentTerm.terms(of: .caseStudy, ids: [id], on: req.db)[id] ?? [:]
        let organisation = try await study.$organisation.get(on: req.db)
        let form = CaseStudyForm(study, organisationSlug: organisation?.slug, terms: terms)
        return CaseStudyFormPage.view(.init(page: req.page, form: form, study: study)).response()
    }

    func update(req: Request) async throws -> Response {
        let study = try await caseStudy(req)
        let form = req.form(CaseStudyForm.self)
        let organisations = try await organisations(req, slug: form.organisation)
        let errors = form.validate(knownOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty else {
            let model = CaseStudyFormPage.Model(page: req.page, form: form, study: study, errors: errors)
            return CaseStudyFormPage.view(model).response(status: .unprocessableEntity)
        }
        form.apply(to: study, organisationID: organisations.first?.id)
        try await req.db.transaction { db in
            try await study.save(on: db)
            try await ContentTerm.replace(.caseStudy, id: study.requireID(), with: form.terms, on: db)
        }
        return req.redirect(to: SiteURL.caseStudy(study.slug).with(notice: CuratedNotice.contentSaved))
    }

    private func organisations(_ req: Request, slug: String) async throws -> [Organisation] {
        slug.isEmpty ? [] : try await Organisation.query(on: req.db).filter(\.$slug == slug).all()
    }

    private func caseStudy(_ req: Request) async throws -> CaseStudy {
        guard let slug = req.parameters.get("caseStudySlug"),
            let study = try await CaseStudy.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return study
    }
}
