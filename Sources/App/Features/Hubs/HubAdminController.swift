import Fluent
import Vapor

/// `/hubs/new` and `/hubs/{slug}/edit`: the national team creates hubs and changes any hub's
/// details, areas and stewards. The route's policy check has already loaded the hub being edited.
struct HubAdminController {
    func newForm(req: Request) async throws -> Response {
        page(req, form: HubForm(), hub: nil, stewards: [], errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = req.form(HubForm.self)
        let errors = try await HubStore.check(form, editing: nil, on: req.db)
        guard errors.isEmpty else {
            return page(req, form: form, hub: nil, stewards: [], errors: errors)
        }
        let saved = try await HubStore.create(form, on: req.db)
        try await req.audit(
            .hubCreated, subjectType: "hub", subjectID: saved.hub.id,
            detail: "\(saved.hub.slug): \(form.areas.count) areas, \(saved.newStewards.count) stewards")
        try await tell(saved, req: req)
        return req.redirect(to: SiteURL.hub(saved.hub.slug).with(notice: HubNotice.hubCreated))
    }

    func editForm(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let hubID = try hub.requireID()
        let areas = try await HubArea.query(on: req.db).filter(\.$hub.$id == hubID).all().map(\.areaCode)
        let stewards = try await HubStore.stewards(of: hubID, on: req.db)
        let form = HubForm(hub: hub, areaCodes: areas, stewardIDs: stewards.compactMap(\.id))
        return page(req, form: form, hub: hub, stewards: stewards, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let stewards = try await HubStore.stewards(of: try hub.requireID(), on: req.db)
        let form = req.form(HubForm.self)
        let errors = try await HubStore.check(form, editing: hub, on: req.db)
        guard errors.isEmpty else {
            return page(req, form: form, hub: hub, stewards: stewards, errors: errors)
        }
        let saved = try await HubStore.update(hub, with: form, on: req.db)
        try await req.audit(
            .hubUpdated, subjectType: "hub", subjectID: hub.id,
            detail:
                "\(hub.slug): \(form.areas.count) areas; stewards added \(saved.newStewards.count), stood down \(saved.formerStewards.count)"
        )
        try await tell(saved, req: req)
        return req.redirect(to: SiteURL.hub(hub.slug).with(notice: HubNotice.hubUpdated))
    }

    private func page(_ req: Request, form: HubForm, hub: Hub?, stewards: [User], errors: FormErrors) -> Response {
        let model = HubFormPage.Model(
            page: req.page, title: hub.map { "Edit the \($0.name) hub" } ?? "Add a hub",
            action: hub.map { SiteURL.editHub($0.slug).path } ?? SiteURL.newHub.path, form: form,
            currentStewards: stewards, errors: errors, submit: hub == nil ? "Add the hub" : "Save changes",
            cancel: hub.map { SiteURL.hub($0.slug).path } ?? SiteURL.hubs.path)
        return HubFormPage.view(model).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func tell(_ saved: HubStore.Saved, req: Request) async throws {
        try await HubStore.tellNewStewards(
            saved, mailer: req.mailer, baseURL: req.application.publicBaseURL)
    }
}

extension HubStore {
    /// Tells each new steward by email, with the link to the hub's requests.
    static func tellNewStewards(_ saved: Saved, mailer: Mailer, baseURL: String) async throws {
        for steward in saved.newStewards {
            try await mailer.send(
                to: steward.email, subject: "You are now a steward of the \(saved.hub.name) hub",
                body: """
                    Hello \(steward.name),

                    The alliance's national team has made you a steward of the \(saved.hub.name) hub on Bridgework. Stewards welcome new members and organisations, review stories before they are published, and keep the hub's page up to date.

                    The requests waiting for the hub's stewards are here:
                    \(SiteURL.hubRequests(saved.hub.slug).absolute(base: baseURL))

                    Bridgework
                    """)
        }
    }
}
