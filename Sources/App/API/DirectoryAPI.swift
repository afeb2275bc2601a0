import Fluent
import SQLKit
import Vapor

// MARK: DTOs (never the Fluent models)

struct AreaDTO: Content, Sendable {
    let code: String
    let name: String
}

struct OrganisationDTO: Content, Sendable {
    let id: UUID
    let slug: String
    let name: String
    let summary: String
    let description: String
    let website: String?
    let charityNumber: String?
    let contactEmail: String?
    let contactPhone: String?
    let sectors: [String]
    let kindsOfWork: [String]
    let themes: [String]
    let methods: [String]
    let areas: [AreaDTO]
    let hubs: [String]
    let url: String
}

struct HubDTO: Content, Sendable {
    struct Host: Content, Sendable {
        let slug: String
        let name: String
    }
    let id: UUID
    let slug: String
    let name: String
    let region: String
    let summary: String
    let membershipPolicy: String
    let hosts: [Host]
    let areas: [AreaDTO]
    let url: String
}

struct ListMeta: Content, Sendable {
    let page: Int
    let perPage: Int
    let total: Int
    let pageCount: Int
}

struct ListLinks: Content, Sendable {
    let `self`: String
    let next: String?
    let prev: String?
}

struct OrganisationListDTO: Content, Sendable {
    let data: [OrganisationDTO]
    let meta: ListMeta
    let links: ListLinks
}

struct HubListDTO: Content, Sendable {
    let data: [HubDTO]
}

/// What a client sends to create an organisation, or to change one (only the fields it sends).
struct OrganisationInputDTO: Content, Sendable {
    var name: String?
    var summary: String?
    var description: String?
    var website: String?
    var charityNumber: String?
    var contactEmail: String?
    var contactPhone: String?
    var visibility: String?
    var sectors: [String]?
    var kindsOfWork: [String]?
    var themes: [String]?
    var methods: [String]?
    var areas: [String]?
    var hubs: [String]?

    /// Lays the sent fields over `form`.
    func applied(to form: OrganisationForm) -> OrganisationForm {
        var form = form
        func clean(_ value: String) -> String { value.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let name { form.name = clean(name) }
        if let summary { form.summary = clean(summary) }
        if let description { form.description = clean(description) }
        if let website { form.website = clean(website) }
        if let charityNumber { form.charityNumber = clean(charityNumber) }
        if let contactEmail { form.contactEmail = clean(contactEmail) }
        if let contactPhone { form.contactPhone = clean(contactPhone) }
        if let visibility { form.visibility = clean(visibility) }
        if let sectors { form.terms[.sector] = Set(sectors) }
        if let kindsOfWork { form.terms[.kindOfWork] = Set(kindsOfWork) }
        if let themes { form.terms[.theme] = Set(themes) }
        if let methods { form.terms[.method] = Set(methods) }
        if let areas { form.areas = Set(areas) }
        if let hubs { form.hubs = Set(hubs) }
        return form
    }

    /// The form's problems named by this DTO's JSON fields.
    static func problems(_ errors: FormErrors) -> [FieldProblem] {
        errors.items.map { item in
            let field: String
            switch item.field {
            case "charity_number": field = "charityNumber"
            case "contact_email": field = "contactEmail"
            case "contact_phone": field = "contactPhone"
            case let key where key.hasPrefix("visibility"): field = "visibility"
            case let key where key.hasPrefix("sector-"): field = "sectors"
            case let key where key.hasPrefix("work-"): field = "kindsOfWork"
            case let key where key.hasPrefix("theme-"): field = "themes"
            case let key where key.hasPrefix("method-"): field = "methods"
            default: field = item.field
            }
            return FieldProblem(field: field, message: item.message)
        }
    }
}

// MARK: Handlers

/// `/api/v1/hubs` and `/api/v1/organisations`. Only public listings ever appear here, whoever asks.
struct DirectoryAPI {
    func hubs(req: Request) async throws -> HubListDTO {
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let hosts = try await Hub.hosts(of: hubs.compactMap(\.id), on: req.db)
        let areas = try await HubArea.query(on: req.db).all()
        return HubListDTO(
            data: hubs.map { hub in
                hubDTO(
                    hub, hosts: hub.id.flatMap { hosts[$0] } ?? [], areas: areas, base: req.application.publicBaseURL)
            })
    }

    func hub(req: Request) async throws -> HubDTO {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.find(slug: slug, on: req.db)
        else { throw Abort(.notFound, reason: "There is no hub with that slug.") }
        let hubID = try hub.requireID()
        let hosts = try await Hub.hosts(of: [hubID], on: req.db)[hubID] ?? []
        let areas = try await HubArea.query(on: req.db).filter(\.$hub.$id == hubID).all()
        return hubDTO(hub, hosts: hosts, areas: areas, base: req.application.publicBaseURL)
    }

    private func hubDTO(_ hub: Hub, hosts: [Organisation], areas: [HubArea], base: String) -> HubDTO {
        HubDTO(
            id: hub.id!, slug: hub.slug, name: hub.name, region: hub.region, summary: hub.summary,
            membershipPolicy: hub.membershipPolicy.rawValue,
            hosts: hosts.filter(\.isPublic).sorted { $0.name < $1.name }.map {
                .init(slug: $0.slug, name: $0.name)
            },
            areas: areas.filter { $0.$hub.id == hub.id }.compactMap { area in
                LocalAuthorities.name(for: area.areaCode).map { AreaDTO(code: area.areaCode, name: $0) }
            }.sorted { $0.name < $1.name },
            url: base + SiteURL.hub(hub.slug).path
        )
    }

    func organisations(req: Request) async throws -> OrganisationListDTO {
        _ = try APIPaging.requestedPage(req)
        let query = DirectoryQuery(req)
        let results = try await DirectorySearch.run(
            query, signedIn: false, on: req.db, index: req.application.directoryIndex)
        let listed = try await Listing.rows(ids: results.ids, on: req.db)
        let byID = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let data = try await Self.dtos(
            for: results.ids.compactMap { byID[$0] }, on: req.db, base: req.application.publicBaseURL)
        let (meta, links) = APIPaging.meta(page: query.page, size: DirectoryQuery.pageSize, total: results.total) {
            req.application.publicBaseURL
                + SiteURL.apiOrganisations.with(query: query.parameters(changing: "page", to: String($0)))
        }
        return OrganisationListDTO(data: data, meta: meta, links: links)
    }

    func organisation(req: Request) async throws -> OrganisationDTO {
        let organisation = try await publicOrganisation(req)
        return try await Self.dtos(for: [organisation], on: req.db, base: req.application.publicBaseURL)[0]
    }

    private func publicOrganisation(_ req: Request) async throws -> Organisation {
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first(),
            organisation.isPublic
        else { throw Abort(.notFound, reason: "There is no public organisation with that slug.") }
        return organisation
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let input = try req.content.decode(OrganisationInputDTO.self)
        let hubs = try await Hub.query(on: req.db).all()
        let form = input.applied(to: OrganisationForm())
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else { throw ValidationProblem(problems: OrganisationInputDTO.problems(errors)) }
        let saved = try await OrganisationStore.create(form, by: user.id, hubs: hubs, on: req.db)
        let organisation = saved.organisation
        try await req.tellStewards(organisation: organisation, askedToJoin: saved.askedToJoin)
        try await req.audit(
            .organisationCreated, subjectType: "organisation", subjectID: organisation.id,
            detail: "\(organisation.slug), through the API")
        let dto = try await Self.dtos(for: [organisation], on: req.db, base: req.application.publicBaseURL)[0]
        let response = try await dto.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteURL.apiOrganisation(organisation.slug).path)
        return response
    }

    func update(req: Request) async throws -> OrganisationDTO {
        let organisation = try req.subject(Organisation.self)
        let input = try req.content.decode(OrganisationInputDTO.self)
        let hubs = try await Hub.query(on: req.db).all()
        let form = input.applied(to: try await OrganisationStore.currentForm(of: organisation, hubs: hubs, on: req.db))
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else { throw ValidationProblem(problems: OrganisationInputDTO.problems(errors)) }
        let asked = try await OrganisationStore.update(organisation, with: form, hubs: hubs, on: req.db)
        try await req.tellStewards(organisation: organisation, askedToJoin: asked)
        try await req.audit(
            .organisationUpdated, subjectType: "organisation", subjectID: organisation.id,
            detail: "\(organisation.slug), through the API")
        return try await Self.dtos(for: [organisation], on: req.db, base: req.application.publicBaseURL)[0]
    }

    /// The columns an organisation's JSON shows, read as plain rows for a list: forty whole
    /// models cost the list more than their tags did.
    struct Listing: Sendable {
        let id: UUID
        let slug: String
        let name: String
        let summary: String
        let description: String
        let website: String?
        let charityNumber: String?
        let contactEmail: String?
        let contactPhone: String?

        init(_ organisation: Organisation) throws {
            id = try organisation.requireID()
            slug = organisation.slug
            name = organisation.name
            summary = organisation.summary
            description = organisation.description
            website = organisation.website
            charityNumber = organisation.charityNumber
            contactEmail = organisation.contactEmail
            contactPhone = organisation.contactPhone
        }

        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            slug = try row.decode(column: "slug", as: String.self)
            name = try row.decode(column: "name", as: String.self)
            summary = try row.decode(column: "summary", as: String.self)
            description = try row.decode(column: "description", as: String.self)
            website = try row.decode(column: "website", as: String?.self)
            charityNumber = try row.decode(column: "charity_number", as: String?.self)
            contactEmail = try row.decode(column: "contact_email", as: String?.self)
            contactPhone = try row.decode(column: "contact_phone", as: String?.self)
        }

        /// These organisations, in no particular order; one query.
        static func rows(ids: [UUID], on db: Database) async throws -> [Listing] {
            guard !ids.isEmpty else { return [] }
            guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
            return try await sql.select()
                .columns(
                    "id", "slug", "name", "summary", "description", "website", "charity_number", "contact_email",
                    "contact_phone"
                )
                .from(Organisation.schema).where("id", .in, ids).all().map(Listing.init(row:))
        }
    }

    static func dtos(for organisations: [Organisation], on db: Database, base: String) async throws -> [OrganisationDTO]
    {
        try await dtos(for: organisations.map(Listing.init), on: db, base: base)
    }

    /// DTOs for a page of organisations: one query for their tags whatever the page size.
    static func dtos(for organisations: [Listing], on db: Database, base: String) async throws -> [OrganisationDTO] {
        let ids = organisations.map(\.id)
        guard !ids.isEmpty else { return [] }
        let tags = try await OrganisationTags.load(for: ids, on: db)
        return organisations.map { organisation in
            let own = tags[organisation.id] ?? OrganisationTags()
            return OrganisationDTO(
                id: organisation.id, slug: organisation.slug, name: organisation.name, summary: organisation.summary,
                description: organisation.description, website: organisation.website,
                charityNumber: organisation.charityNumber,
                contactEmail: organisation.contactEmail, contactPhone: organisation.contactPhone,
                sectors: own.codes(.sector), kindsOfWork: own.codes(.kindOfWork), themes: own.codes(.theme),
                methods: own.codes(.method),
                areas: own.areaCodes.compactMap { code in
                    LocalAuthorities.name(for: code).map { AreaDTO(code: code, name: $0) }
                }.sorted { $0.name < $1.name },
                hubs: own.hubSlugs,
                url: base + SiteURL.organisation(organisation.slug).path
            )
        }
    }
}

extension SubjectLoader {
    /// The organisation an API call names, public or not (its admins may change a members-only listing).
    static let apiOrganisationBySlug = SubjectLoader { req in
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound, reason: "There is no organisation with that slug.") }
        return organisation
    }
}
