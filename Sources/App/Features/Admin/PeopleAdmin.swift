import Fluent
import Plot
import Vapor

/// `/admin/people`: coordinators see who has an account and grant or remove roles.
/// Every role change writes an audit entry.
struct PeopleAdminController {
    func list(req: Request) async throws -> Response {
        let paged = try await User.query(on: req.db).filter(\.$deletedAt == nil).sort(\.$name).sort(\.$id).paged(
            PageRequest(req))
        return Layout(title: "People", request: req).render(
            .h1(.plainText("People")),
            .p(.class("lead"), .plainText("Everyone with an account. Choose a person to change their roles.")),
            .table(
                .class("table"),
                .caption(.class("visually-hidden"), .plainText("People with an account")),
                .thead(
                    .tr(
                        .th(.plainText("Name")), .th(.plainText("Email address")), .th(.plainText("Email confirmed")),
                        .th(.plainText("National coordinator")))),
                .tbody(
                    .forEach(paged.items) { user in
                        .tr(
                            .td(.a(.href(SiteURL.adminPerson(user.id!).path.attributeEscaped), .plainText(user.name))),
                            .td(.plainText(user.email)),
                            .td(.plainText(user.emailConfirmedAt == nil ? "No" : "Yes")),
                            .td(.plainText(user.isCoordinator ? "Yes" : "No"))
                        )
                    })
            ),
            Pagination.nav(paged, path: SiteURL.adminPeople.path, singular: "person", plural: "people")
        ).response()
    }

    func person(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        return try await personView(req, user: user).response()
    }

    fileprivate func findPerson(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("personID", as: UUID.self), let user = try await User.find(id, on: req.db),
            user.deletedAt == nil
        else {
            throw Abort(.notFound)
        }
        return user
    }

    fileprivate func personView(_ req: Request, user: User, errors: FormErrors = .init(), typedReason: String = "")
        async throws -> HTML
    {
        let userID = try user.requireID()
        let hubRoles = try await HubMembership.query(on: req.db).filter(\.$user.$id == userID).with(\.$hub).all()
        let organisationRoles = try await OrganisationMembership.query(on: req.db).filter(\.$user.$id == userID).with(
            \.$organisation
        ).all()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        let action = SiteURL.adminPersonRoles(userID).path

        func removeButton(_ kind: String, _ id: UUID, label: String) -> Node<HTML.BodyContext> {
            .form(
                .class("inline-form"), .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(req),
                Forms.hidden("change", "remove-\(kind)"),
                Forms.hidden("target", id.uuidString),
                .button(
                    .type(.submit), .class("link-button"), .plainText("Remove"),
                    .span(.class("visually-hidden"), .plainText(" " + label)))
            )
        }

        return Layout(title: user.name, request: req, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.adminPeople.path), .plainText("Back to people"))),
            .h1(.plainText(user.name)),
            .p(.plainText(user.email)),
            .h2(.id("coordinator"), .attribute(named: "tabindex", value: "-1"), .plainText("National coordinator")),
            .p(
                .plainText(
                    user.isCoordinator
                        ? "This person is a national coordinator." : "This person is not a national coordinator.")),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(req),
                Forms.hidden("change", user.isCoordinator ? "remove-coordinator" : "grant-coordinator"),
                Forms.submit(
                    user.isCoordinator ? "Remove coordinator role" : "Make national coordinator", secondary: true)
            ),
            .h2(.plainText("Hubs")),
            .if(hubRoles.isEmpty, .p(.plainText("No hub roles."))),
            .ul(
                .class("plain-list"),
                .forEach(hubRoles) { membership in
                    .li(
                        .plainText("\(membership.role == "steward" ? "Steward" : "Member") of \(membership.hub.name) "),
                        removeButton("hub", membership.$hub.id, label: "from \(membership.hub.name)"))
                }),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(req),
                Forms.hidden("change", "grant-steward"),
                selectField(
                    name: "hub", label: "Make steward of a hub", options: hubs.map { ($0.id!.uuidString, $0.name) },
                    errors: errors),
                Forms.submit("Make steward", secondary: true)
            ),
            .h2(.plainText("Organisations")),
            .if(organisationRoles.isEmpty, .p(.plainText("No organisation roles."))),
            .ul(
                .class("plain-list"),
                .forEach(organisationRoles) { membership in
                    .li(
                        .plainText(
                            "\(membership.role == "admin" ? "Admin" : "Member") of \(membership.organisation.name) "),
                        removeButton(
                            "organisation", membership.$organisation.id, label: "from \(membership.organisation.name)"))
                }),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(req),
                Forms.hidden("change", "grant-admin"),
                selectField(
                    name: "organisation", label: "Invite to be admin of an organisation",
                    options: organisations.map { ($0.id!.uuidString, $0.name) }, errors: errors),
                .p(.class("hint"), .plainText("They get an email and become an admin only if they accept.")),
                Forms.submit("Send invitation", secondary: true)
            ),
            .h2(.id("delete"), .plainText("Delete this account")),
            .p(
                .plainText(
                    "Removes the account as if its owner had deleted it: "
                        + AccountDeletionViews.whatHappens.prefix(3).joined(separator: " "))),
            .form(
                .method(.post), .action(SiteURL.adminDeletePerson(userID).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(req),
                Forms.textarea(
                    name: "reason", label: "Why the account is being deleted", value: typedReason,
                    hint: "Kept in the activity log.", rows: 3, errors: errors),
                .button(.type(.submit), .class("button button--warning"), .plainText("Delete this account"))
            )
        )
    }

    private func selectField(name: String, label: String, options: [(String, String)], errors: FormErrors) -> Node<
        HTML.FormContext
    > {
        Forms.select(
            name: name, label: label, empty: "Choose one", options: options, selected: nil, error: errors[name])
    }

    struct RoleChangeForm: Content {
        var change: String?
        var hub: String?
        var organisation: String?
        var target: String?
    }

    func changeRoles(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        let userID = try user.requireID()
        let form = (try? req.content.decode(RoleChangeForm.self)) ?? RoleChangeForm()
        var errors = FormErrors()
        switch form.change ?? "" {
        case "grant-coordinator":
            if !user.isCoordinator {
                user.isCoordinator = true
                try await user.save(on: req.db)
                try await req.audit(
                    .roleGranted, subjectType: "user", subjectID: userID, detail: "national coordinator")
            }
        case "remove-coordinator":
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
        case "grant-steward":
            guard let hubID = form.hub.flatMap({ UUID(uuidString: $0) }),
                let hub = try await Hub.find(hubID, on: req.db)
            else {
                errors.add("hub", "Choose a hub")
                break
            }
            try await RoleChanges.makeSteward(userID: userID, of: hub, on: req.db)
            try await req.audit(
                .roleGranted, subjectType: "user", subjectID: userID, detail: "steward of hub \(hub.slug)")
        case "grant-admin":
            guard let organisationID = form.organisation.flatMap({ UUID(uuidString: $0) }),
                let organisation = try await Organisation.find(organisationID, on: req.db)
            else {
                errors.add("organisation", "Choose an organisation")
                break
            }
            // Nobody becomes an organisation's admin without saying yes: they are invited.
            try await OrganisationInvitation.send(to: user.email, joining: organisation, as: .admin, request: req)
        case "remove-hub":
            if let hubID = form.target.flatMap({ UUID(uuidString: $0) }) {
                try await HubMembership.query(on: req.db).filter(\.$user.$id == userID).filter(\.$hub.$id == hubID)
                    .delete()
                try await req.audit(
                    .roleRevoked, subjectType: "user", subjectID: userID, detail: "hub role in \(hubID.uuidString)")
            }
        case "remove-organisation":
            if let organisationID = form.target.flatMap({ UUID(uuidString: $0) }) {
                try await OrganisationMembership.query(on: req.db).filter(\.$user.$id == userID).filter(
                    \.$organisation.$id == organisationID
                ).delete()
                try await req.audit(
                    .roleRevoked, subjectType: "user", subjectID: userID,
                    detail: "organisation role in \(organisationID.uuidString)")
            }
        default:
            errors.add("coordinator", "Choose a change to make")
        }
        guard errors.isEmpty else {
            return try await personView(req, user: user, errors: errors).response(status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.adminPerson(userID).with(query: ["notice": Notice.rolesUpdated.rawValue]))
    }
}

extension PeopleAdminController {
    func deletePerson(req: Request) async throws -> Response {
        let user = try await findPerson(req)
        let reason = req.formText("reason", keepNewlines: true)
        var errors = FormErrors()
        if reason.isEmpty { errors.add("reason", "Say why the account is being deleted") }
        if reason.count > 1_000 { errors.add("reason", "Keep the reason to 1,000 characters or fewer") }
        if try await AccountDeletion.refusal(for: user, on: req.db) == .lastCoordinator {
            errors.add(
                "reason",
                "This is the only national coordinator, so the account cannot be deleted. Make someone else a coordinator first"
            )
        }
        guard errors.isEmpty else {
            return try await personView(req, user: user, errors: errors, typedReason: reason).response(
                status: .unprocessableEntity)
        }
        let deletingSelf = user.id == req.currentUser?.id
        try await AccountDeletion.delete(user, request: req, reason: reason)
        if deletingSelf {
            let response = req.redirect(to: SiteURL.home.with(query: ["notice": Notice.accountDeleted.rawValue]))
            response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
            return response
        }
        return req.redirect(to: SiteURL.adminPeople.with(query: ["notice": Notice.personDeleted.rawValue]))
    }
}

/// Granting scoped roles, shared by the admin pages, the command line and the demo.
enum RoleChanges {
    static func makeSteward(userID: UUID, of hub: Hub, on db: Database) async throws {
        let hubID = try hub.requireID()
        if let existing = try await HubMembership.query(on: db).filter(\.$user.$id == userID).filter(
            \.$hub.$id == hubID
        ).first() {
            existing.role = HubMembership.Role.steward.rawValue
            existing.status = MembershipStatus.approved.rawValue
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
            existing.role = OrganisationMembership.Role.admin.rawValue
            try await existing.save(on: db)
        } else {
            try await OrganisationMembership(organisationID: organisationID, userID: userID, role: .admin).create(
                on: db)
        }
    }
}
