import Fluent
import Plot
import Vapor

/// `/admin/people`: coordinators see who has an account and grant or remove roles.
/// Every role change writes an audit entry.
struct PeopleAdminController {
    func list(req: Request) async throws -> Response {
        let paged = try await User.query(on: req.db).filter(\.$deletedAt == nil).sort(\.$name).sort(\.$id).paged(
            PageRequest(req))
        return PeopleListPage.view(.init(page: req.page, people: paged)).response()
    }

    func person(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        return PersonAdminPage.view(try await personModel(req, user: user)).response()
    }

    fileprivate func findPerson(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("personID", as: UUID.self), let user = try await User.find(id, on: req.db),
            user.deletedAt == nil
        else {
            throw Abort(.notFound)
        }
        return user
    }

    fileprivate func personModel(_ req: Request, user: User, errors: FormErrors = .init(), typedReason: String = "")
        async throws -> PersonAdminPage.Model
    {
        let userID = try user.requireID()
        let hubRoles = try await HubMembership.query(on: req.db).filter(\.$user.$id == userID).with(\.$hub).all()
        let organisationRoles = try await OrganisationMembership.query(on: req.db).filter(\.$user.$id == userID).with(
            \.$organisation
        ).all()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        let model = PersonAdminPage.Model(
            page: req.page,
            user: user,
            hubRoles: hubRoles.map {
                .init(hubID: $0.$hub.id, hubName: $0.hub.name, isSteward: $0.role == .steward)
            },
            organisationRoles: organisationRoles.map {
                .init(
                    organisationID: $0.$organisation.id, organisationName: $0.organisation.name,
                    isAdmin: $0.role == .admin)
            },
            hubChoices: hubs.map { ($0.id!.uuidString, $0.name) },
            organisationChoices: organisations.map { ($0.id!.uuidString, $0.name) },
            errors: errors,
            typedReason: typedReason
        )
        return model
    }

    func changeRoles(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        let userID = try user.requireID()
        let form = req.form(RoleChangeForm.self)
        var errors = form.validate()
        switch form.change {
        case .grantCoordinator:
            if !user.isCoordinator {
                user.isCoordinator = true
                try await user.save(on: req.db)
                try await req.audit(
                    .roleGranted, subjectType: "user", subjectID: userID, detail: "national coordinator")
            }
        case .removeCoordinator:
            let coordinators = try await User.query(on: req.db).filter(\.$isCoordinator == true).count()
            if user.isCoordinator && coordinators <= 1 {
                errors.add(
                    "coordinator",
                    "The alliance needs at least one national coordinator. Make someone else a coordinator first.")
            } else if user.isCoordinator {
                user.isCoordinator = false
                try await user.save(on: req.db)
                try await req.audit(
                    .roleRevoked, subjectType: "user", subjectID: userID, detail: "national coordinator")
            }
        case .grantSteward:
            guard let hubID = form.hubID, let hub = try await Hub.find(hubID, on: req.db) else {
                errors.add("hub", "Choose a hub")
                break
            }
            try await RoleChanges.makeSteward(userID: userID, of: hub, on: req.db)
            try await req.audit(
                .roleGranted, subjectType: "user", subjectID: userID, detail: "steward of hub \(hub.slug)")
        case .grantAdmin:
            guard let organisationID = form.organisationID,
                let organisation = try await Organisation.find(organisationID, on: req.db)
            else {
                errors.add("organisation", "Choose an organisation")
                break
            }
            // Nobody becomes an organisation's admin without saying yes: they are invited.
            try await OrganisationInvitation.send(to: user.email, joining: organisation, as: .admin, request: req)
        case .removeHub:
            if let hubID = form.targetID {
                try await HubMembership.query(on: req.db).filter(\.$user.$id == userID).filter(\.$hub.$id == hubID)
                    .delete()
                try await req.audit(
                    .roleRevoked, subjectType: "user", subjectID: userID, detail: "hub role in \(hubID.uuidString)")
            }
        case .removeOrganisation:
            if let organisationID = form.targetID {
                try await OrganisationMembership.query(on: req.db).filter(\.$user.$id == userID).filter(
                    \.$organisation.$id == organisationID
                ).delete()
                try await req.audit(
                    .roleRevoked, subjectType: "user", subjectID: userID,
                    detail: "organisation role in \(organisationID.uuidString)")
            }
        case nil:
            // `validate` has said so.
            break
        }
        guard errors.isEmpty else {
            return PersonAdminPage.view(try await personModel(req, user: user, errors: errors)).response(
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.adminPerson(userID).with(notice: AdminNotice.rolesUpdated))
    }
}

extension PeopleAdminController {
    func deletePerson(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        let form = req.form(DeletePersonForm.self)
        var errors = form.validate()
        if try await AccountDeletion.refusal(for: user, on: req.db) == .lastCoordinator {
            errors.add(
                "reason",
                "This is the only national coordinator, so the account cannot be deleted. Make someone else a coordinator first"
            )
        }
        guard errors.isEmpty else {
            return PersonAdminPage.view(
                try await personModel(req, user: user, errors: errors, typedReason: form.reason)
            ).response(
                status: .unprocessableEntity)
        }
        let deletingSelf = user.id == req.currentUser?.id
        try await AccountDeletion.delete(user, request: req, reason: form.reason)
        if deletingSelf {
            let response = req.redirect(to: SiteURL.home.with(notice: AccountsNotice.accountDeleted))
            response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
            return response
        }
        return req.redirect(to: SiteURL.adminPeople.with(notice: AdminNotice.personDeleted))
    }
}

/// Granting scoped roles, shared by the admin pages, the command line and the demo.
enum RoleChanges {
    static func makeSteward(userID: UUID, of hub: Hub, on db: Database) async throws {
        let hubID = try hub.requireID()
        if let existing = try await HubMembership.query(on: db).filter(\.$user.$id == userID).filter(
            \.$hub.$id == hubID
        ).first() {
            existing.role = .steward
            existing.status = .approved
            try await existing.save(on: db)
        } else {
            try await HubMembership(hubID: hubID, userID: userID, role: .steward).create(on: db)
        }
    }

    static func makeAdmin(userID: UUID, of organisation: Organisation, on db: Database) async throws {
        let organisationID = try organisation.requireID()
        if let existing = try await OrganisationMembership.query(on: db).filter(\.$user.$id == userID).filter(
            \.$organisation.$id == organisationID
        ).first() {
            existing.role = .admin
            try await existing.save(on: db)
        } else {
            try await OrganisationMembership(organisationID: organisationID, userID: userID, role: .admin).create(
                on: db)
        }
    }
}
