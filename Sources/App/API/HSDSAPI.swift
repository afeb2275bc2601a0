import Fluent
import Vapor

struct HSDSAPI {
    static let pageSize = 50

    func organizations(req: Request) async throws -> HSDS.Page {
        let page = min(try APIPaging.requestedPage(req), 100_000)
        let query = Organisation.query(on: req.db).filter(\.$visibility == .public)
        let total = try await query.copy().count()
        let rows = try await query.copy().sort(\.$name).sort(\.$id)
            .range(((page - 1) * Self.pageSize)..<(page * Self.pageSize)).all()
        let terms = try await OrganisationTags.terms(for: rows.compactMap(\.id), on: req.db)
        let pages = Paged<Never>.pageCount(total: total, size: Self.pageSize)
        let base = req.application.publicBaseURL
        return HSDS.Page(
            totalItems: total, totalPages: pages, pageNumber: page, size: rows.count,
            firstPage: page == 1, lastPage: page >= pages, empty: rows.isEmpty,
            contents: rows.map { HSDS.organization($0, terms: $0.id.flatMap { terms[$0] } ?? [:], base: base) })
    }

    func organization(req: Request) async throws -> HSDS.Organization {
        guard let id = req.parameters.get("organizationID", as: UUID.self),
            let organisation = try await Organisation.query(on: req.db).filter(\.$id == id)
                .filter(\.$visibility == .public).first()
        else { throw Abort(.notFound, reason: "There is no public organization with that id.") }
        let terms = try await OrganisationTags.terms(for: [id], on: req.db)[id] ?? [:]
        return HSDS.organization(organisation, terms: terms, base: req.application.publicBaseURL)
    }
}
