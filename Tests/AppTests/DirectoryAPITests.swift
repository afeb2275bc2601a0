import Fluent
import Vapor
import XCTVapor

@testable import App

final class DirectoryAPITests: XCTestCase {
    private func token(for role: TestPeople.Role, on app: Application) async throws -> HTTPHeaders {
        let userRow = try await User.query(on: app.db).filter(\.$email == role.email).first()
        let user = try XCTUnwrap(userRow)
        let token = Tokens.random()
        try await APIToken(userID: user.requireID(), tokenHash: Tokens.hash(token)).create(on: app.db)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        return headers
    }

    func testTheOrganisationListIsPagedFilteredAndPublicOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await Organisation(
                slug: "hidden-harbour", name: "Hidden Harbour", summary: "Members only.", visibility: .members
            ).create(on: app.db)
            try await OrganisationTerm(organisationID: people.organisation.id!, vocabulary: .method, code: "sport")
                .create(on: app.db)
            let all = try await TestClient(app).get(
                "/api/v1/organisations", headers: try await token(for: .coordinator, on: app))
            XCTAssertEqual(all.status, .ok)
            let list = try JSONDecoder().decode(OrganisationListDTO.self, from: Data(all.text.utf8))
            XCTAssertEqual(list.meta.total, 2)
            XCTAssertFalse(
                all.text.contains("Hidden Harbour"), "members-only listings never reach the API, even with a token")
            let filtered = try await TestClient(app).get("/api/v1/organisations?method=sport")
            let sport = try JSONDecoder().decode(OrganisationListDTO.self, from: Data(filtered.text.utf8))
            XCTAssertEqual(sport.data.map(\.slug), ["bridge-builders"])
            XCTAssertEqual(sport.data.first?.methods, ["sport"])
            // The list reads plain rows and the single answer reads the model: both say the same.
            people.organisation.website = "https://bridge.example"
            people.organisation.contactEmail = "hello@bridge.example"
            try await people.organisation.save(on: app.db)
            let listed = try await TestClient(app).get("/api/v1/organisations?method=sport").text
            let own = try await TestClient(app).get("/api/v1/organisations/bridge-builders").text
            let fromList = try JSONDecoder().decode(OrganisationListDTO.self, from: Data(listed.utf8)).data.first
            let single = try JSONDecoder().decode(OrganisationDTO.self, from: Data(own.utf8))
            XCTAssertEqual(fromList?.website, "https://bridge.example")
            XCTAssertEqual(fromList?.contactEmail, single.contactEmail)
            XCTAssertEqual(
                fromList.map { [$0.slug, $0.name, $0.summary, $0.description, $0.website ?? "", $0.url] },
                [single.slug, single.name, single.summary, single.description, single.website ?? "", single.url])
            XCTAssertEqual(fromList?.methods, single.methods)
            XCTAssertEqual(fromList?.hubs, single.hubs)
            let value1 = try await TestClient(app).get("/api/v1/organisations/hidden-harbour").status
            XCTAssertEqual(value1, .notFound)
            let badPage = try await TestClient(app).get("/api/v1/organisations?page=zero")
            XCTAssertEqual(badPage.status, .unprocessableEntity)
            XCTAssertTrue(badPage.text.contains(#""field":"page""#))
        }
    }

    func testTheOrganisationListRunsTheSameQueriesForAnyPageSize() async throws {
        try await withApp { app, counter in
            _ = try await TestPeople.make(on: app)
            counter.reset()
            _ = try await TestClient(app).get("/api/v1/organisations")
            let two = counter.value
            for number in 1...30 {
                try await Organisation(slug: "group-\(number)", name: "Group \(number)", summary: "A group.").create(
                    on: app.db)
            }
            counter.reset()
            _ = try await TestClient(app).get("/api/v1/organisations")
            XCTAssertEqual(counter.value, two)
        }
    }

    func testAnOrganisationCanBeAddedWithATokenAndItsMistakesAreNamedByField() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let headers = try await token(for: .member, on: app)
            let client = TestClient(app)
            let missing = try await client.send(
                .POST, "/api/v1/organisations", headers: headers,
                body: ByteBuffer(string: #"{"summary": "x", "methods": ["juggling"], "website": "not a site"}"#))
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertEqual(missing.headers.contentType?.description, "application/problem+json")
            let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(missing.text.utf8))
            XCTAssertEqual(Set(problem.errors?.map(\.field) ?? []), ["name", "website", "methods"])

            let broken = try await client.send(
                .POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(string: "{not json"))
            XCTAssertEqual(broken.status, .badRequest)

            let body =
                #"{"name": "Open Doors", "summary": "Welcome suppers for new neighbours.", "methods": ["dialogue"], "hubs": ["\#(people.hub.slug)"], "areas": ["E08000021"]}"#
            let created = try await client.send(
                .POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(created.headers.first(name: .location), "/api/v1/organisations/open-doors")
            let dto = try JSONDecoder().decode(OrganisationDTO.self, from: Data(created.text.utf8))
            XCTAssertEqual(dto.methods, ["dialogue"])
            XCTAssertEqual(dto.areas.map(\.name), ["Newcastle upon Tyne"])
            XCTAssertEqual(dto.hubs, [], "the hub's steward has not approved it yet")
            let value2 = try await TestClient(app).send(
                .POST, "/api/v1/organisations", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: body)
            ).status
            XCTAssertEqual(value2, .unauthorized)
        }
    }

    func testOnlyItsAdminsCanChangeAnOrganisationAndUnsentFieldsStayAsTheyWere() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await OrganisationTerm(organisationID: people.organisation.id!, vocabulary: .method, code: "arts")
                .create(on: app.db)
            let path = "/api/v1/organisations/\(people.organisation.slug)"
            let other = try await TestClient(app).send(
                .PATCH, path, headers: try await token(for: .otherOrganisationAdmin, on: app),
                body: ByteBuffer(string: #"{"name": "Mine now"}"#))
            XCTAssertEqual(other.status, .forbidden)
            let changed = try await TestClient(app).send(
                .PATCH, path, headers: try await token(for: .organisationAdmin, on: app),
                body: ByteBuffer(string: #"{"summary": "A new summary."}"#))
            XCTAssertEqual(changed.status, .ok)
            let dto = try JSONDecoder().decode(OrganisationDTO.self, from: Data(changed.text.utf8))
            XCTAssertEqual(dto.summary, "A new summary.")
            XCTAssertEqual(dto.name, "Bridge Builders")
            XCTAssertEqual(dto.methods, ["arts"])
        }
    }

    func testHubsAreListedWithTheirAreas() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await HubArea(hubID: people.hub.id!, areaCode: "E08000021").create(on: app.db)
            let response = try await TestClient(app).get("/api/v1/hubs")
            let hubs = try JSONDecoder().decode(HubListDTO.self, from: Data(response.text.utf8))
            XCTAssertEqual(hubs.data.map(\.slug), ["hillside", "lakeside", "riverside"])
            XCTAssertEqual(hubs.data.last?.areas.map(\.name), ["Newcastle upon Tyne"])
            let value3 = try await TestClient(app).get("/api/v1/hubs/riverside").status
            XCTAssertEqual(value3, .ok)
            let value4 = try await TestClient(app).get("/api/v1/hubs/nowhere").status
            XCTAssertEqual(value4, .notFound)
        }
    }

    func testEveryAPIRouteIsDescribedInTheOpenAPIDocument() async throws {
        try await withApp { app, _ in
            let response = try await TestClient(app).get("/api/v1/openapi.json")
            XCTAssertEqual(response.status, .ok)
            let document = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            for route in app.routes.all where route.path.first?.description == "api" {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                let operations = paths[path]
                XCTAssertNotNil(operations, "\(path) is missing from the OpenAPI document")
                XCTAssertNotNil(
                    operations?[route.method.rawValue.lowercased()],
                    "\(route.method.rawValue) \(path) is missing from the OpenAPI document")
            }
        }
    }
}

final class HSDSTests: XCTestCase {
    func testTheHSDSFeedCarriesPublicOrganisationsWithTheirTermsAsTaxonomyAttributes() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            people.organisation.charityNumber = "1234567"
            people.organisation.contactPhone = "0191 496 0000"
            try await people.organisation.save(on: app.db)
            try await OrganisationTerm(
                organisationID: people.organisation.id!, vocabulary: .kindOfWork, code: "mediation"
            ).create(on: app.db)
            try await Organisation(
                slug: "hidden-harbour", name: "Hidden Harbour", summary: "Members only.", visibility: .members
            ).create(on: app.db)
            let response = try await TestClient(app).get("/api/hsds/organizations")
            let page = try JSONDecoder().decode(HSDS.Page.self, from: Data(response.text.utf8))
            XCTAssertEqual(page.totalItems, 2)
            for field in [
                "total_items", "total_pages", "page_number", "first_page", "last_page", "organization_identifiers",
                "link_id", "taxonomy_term",
            ] {
                XCTAssertTrue(response.text.contains("\"\(field)\":"), "HSDS names the field \(field)")
            }
            XCTAssertFalse(response.text.contains("Hidden Harbour"))
            let organization = try XCTUnwrap(page.contents.first { $0.id == people.organisation.id })
            XCTAssertEqual(organization.attributes.map(\.taxonomyTerm.code), ["work:mediation"])
            XCTAssertEqual(organization.attributes.first?.taxonomyTerm.taxonomy, "bridgework-kinds-of-work")
            XCTAssertEqual(organization.organizationIdentifiers.first?.identifier, "1234567")
            XCTAssertEqual(organization.phones.first?.number, "0191 496 0000")
            let one = try await TestClient(app).get("/api/hsds/organizations/\(people.organisation.id!.uuidString)")
            XCTAssertEqual(one.status, .ok)
            XCTAssertEqual(
                HSDS.stableID("term:work:mediation"), HSDS.stableID("term:work:mediation"),
                "ids are the same on every export")
        }
    }
}
