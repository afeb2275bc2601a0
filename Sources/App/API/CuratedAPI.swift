import Fluent
import Vapor

struct CaseStudyDTO: Content, Sendable {
    let slug: String
    let title: String
    let summary: String
    let organisation: String?
    let context: String
    let challenge: String
    let approach: String
    let outcome: String
    let evidence: String
    let contact: String
    let kindsOfWork: [String]
    let methods: [String]
    let themes: [String]
    let url: String
}

struct NarrativeDTO: Content, Sendable {
    let slug: String
    let title: String
    let hotTopic: String
    let claim: String
    let setsAgainst: String
    let facts: String
    let answers: String
    let resources: [String]
    let url: String
}

struct ResourceDTO: Content, Sendable {
    let slug: String
    let title: String
    let kind: String
    let summary: String
    let body: String
    let link: String?
    let doi: String?
    let methods: [String]
    let themes: [String]
    let url: String
}

struct CuratedListDTO<Item: Content & Sendable>: Content, Sendable {
    let data: [Item]
    let meta: ListMeta
    let links: ListLinks
}

/// Read access to the practice bank, narratives and library. Organisations only appear when public.
struct CuratedAPI {
    static let pageSize = 50

    private func page(_ req: Request) throws -> Int {
        try APIPaging.requestedPage(req, maximum: 10_000)
    }

    private func meta(_ req: Request, url: SiteURL, page: Int, total: Int) -> (ListMeta, ListLinks) {
        let base = req.application.publicBaseURL
        return APIPaging.meta(page: page, size: Self.pageSize, total: total) {
            base + url.with(query: ["page": String($0)])
        }
    }

    func caseStudies(req: Request) async throws -> CuratedListDTO<CaseStudyDTO> {
        let page = try page(req)
        let total = try await CaseStudy.query(on: req.db).count()
        let studies = try await CaseStudy.query(on: req.db).sort(\.$title).range(
            ((page - 1) * Self.pageSize)..<(page * Self.pageSize)
        ).with(\.$organisation).all()
        let (meta, links) = meta(req, url: .apiCaseStudies, page: page, total: total)
        return CuratedListDTO(data: try await caseStudyDTOs(studies, req: req), meta: meta, links: links)
    }

    func caseStudy(req: Request) async throws -> CaseStudyDTO {
        guard let slug = req.parameters.get("caseStudySlug"),
            let study = try await CaseStudy.query(on: req.db).filter(\.$slug == slug).with(\.$organisation).first()
        else { throw Abort(.notFound, reason: "There is no case study with that slug.") }
        return try await caseStudyDTOs([study], req: req)[0]
    }

    private func caseStudyDTOs(_ studies: [CaseStudy], req: Request) async throws -> [CaseStudyDTO] {
        let terms = try await ContentTerm.terms(of: .caseStudy, ids: studies.compactMap(\.id), on: req.db)
        let base = req.application.publicBaseURL
        return studies.map { study in
            let own = study.id.flatMap { terms[$0] } ?? [:]
            let organisation = study.organisation.flatMap { $0.isPublic ? $0.slug : nil }
            return CaseStudyDTO(
                slug: study.slug, title: study.title, summary: study.summary, organisation: organisation,
                context: study.context, challenge: study.challenge, approach: study.approach, outcome: study.outcome,
                evidence: study.evidence, contact: study.contact, kindsOfWork: own[.kindOfWork] ?? [],
                methods: own[.method] ?? [],
                themes: own[.theme] ?? [], url: base + SiteURL.caseStudy(study.slug).path)
        }
    }

    func narratives(req: Request) async throws -> CuratedListDTO<NarrativeDTO> {
        let page = try page(req)
        let total = try await Narrative.query(on: req.db).count()
        let narratives = try await Narrative.query(on: req.db).sort(\.$title).range(
            ((page - 1) * Self.pageSize)..<(page * Self.pageSize)
        ).all()
        let (meta, links) = meta(req, url: .apiNarratives, page: page, total: total)
        return CuratedListDTO(data: narratives.map { narrativeDTO($0, req: req) }, meta: meta, links: links)
    }

    func narrative(req: Request) async throws -> NarrativeDTO {
        guard let slug = req.parameters.get("narrativeSlug"),
            let narrative = try await Narrative.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound, reason: "There is no narrative with that slug.") }
        return narrativeDTO(narrative, req: req)
    }

    /// Sightings are for alliance members only, so the API never carries them.
    private func narrativeDTO(_ narrative: Narrative, req: Request) -> NarrativeDTO {
        NarrativeDTO(
            slug: narrative.slug, title: narrative.title, hotTopic: narrative.hotTopic.rawValue, claim: narrative.claim,
            setsAgainst: narrative.setsAgainst, facts: narrative.facts, answers: narrative.answers,
            resources: narrative.resources,
            url: req.application.publicBaseURL + SiteURL.narrative(narrative.slug).path)
    }

    func resources(req: Request) async throws -> CuratedListDTO<ResourceDTO> {
        let page = try page(req)
        let total = try await Resource.query(on: req.db).count()
        let resources = try await Resource.query(on: req.db).sort(\.$title).range(
            ((page - 1) * Self.pageSize)..<(page * Self.pageSize)
        ).all()
        let (meta, links) = meta(req, url: .apiResources, page: page, total: total)
        return CuratedListDTO(data: try await resourceDTOs(resources, req: req), meta: meta, links: links)
    }

    func resource(req: Request) async throws -> ResourceDTO {
        guard let slug = req.parameters.get("resourceSlug"),
            let resource = try await Resource.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound, reason: "There is no resource with that slug.") }
        return try await resourceDTOs([resource], req: req)[0]
    }

    private func resourceDTOs(_ resources: [Resource], req: Request) async throws -> [ResourceDTO] {
        let terms = try await ContentTerm.terms(of: .resource, ids: resources.compactMap(\.id), on: req.db)
        let base = req.application.publicBaseURL
        return resources.map { resource in
            let own = resource.id.flatMap { terms[$0] } ?? [:]
            return ResourceDTO(
                slug: resource.slug, title: resource.title, kind: resource.kind.rawValue, summary: resource.summary,
                body: resource.body,
                link: resource.link, doi: resource.doi, methods: own[.method] ?? [], themes: own[.theme] ?? [],
                url: base + SiteURL.resource(resource.slug).path)
        }
    }
}
