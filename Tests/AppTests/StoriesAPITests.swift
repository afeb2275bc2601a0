import Fluent
import Vapor
import XCTVapor

@testable import App

final class StoriesAPITests: XCTestCase {
    private func token(for role: TestPeople.Role, on app: Application) async throws -> HTTPHeaders {
        let user = try await User.query(on: app.db).filter(\.$email == role.email).first()!
        let token = Tokens.random()
        try await APIToken(userID: user.requireID(), tokenHash: Tokens.hash(token)).create(on: app.db)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        return headers
    }

    func testADraftStartedThroughTheAPIStaysUnreadUntilItIsPublished() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let headers = try await token(for: .member, on: app)
            let body =
                #"{"title":"A garden shared","summary":"Neighbours grow food together.","body":"It started with one bed.","hub":"riverside","kindOfWork":"common-purpose","themes":["geography"]}"#
            let created = try await TestClient(app).send(
                .POST, "/api/v1/stories", headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(created.status, .created)
            let draft = try JSONDecoder().decode(StoryDraftDTO.self, from: Data(created.text.utf8))
            XCTAssertEqual(draft.status, "draft")
            XCTAssertEqual(created.headers.first(name: .location), "/stories/\(draft.slug)/manage")
            let read = try await TestClient(app).get("/api/v1/stories/\(draft.slug)")
            XCTAssertEqual(read.status, .notFound)
            XCTAssertEqual(read.headers.contentType?.description.hasPrefix("application/problem+json"), true)
            let list = try await TestClient(app).get("/api/v1/stories")
            let stories = try JSONDecoder().decode(StoryListDTO.self, from: Data(list.text.utf8))
            XCTAssertEqual(stories.meta.total, 0)
        }
    }

    func testABadDraftIsRefusedNamingEachField() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let headers = try await token(for: .member, on: app)
            let response = try await TestClient(app).send(
                .POST, "/api/v1/stories", headers: headers,
                body: ByteBuffer(string: #"{"title":"","hub":"nowhere","kindOfWork":"juggling"}"#))
            XCTAssertEqual(response.status, .unprocessableEntity)
            for field in ["title", "summary", "body", "hub", "kindOfWork"] {
                XCTAssertTrue(response.text.contains(#""field":"\#(field)""#), field)
            }
            let anonymous = try await TestClient(app).send(
                .POST, "/api/v1/stories", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: "{}"))
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }
}
