import Foundation
import Vapor

/// `/api/v1/openapi.json`: the API's description, kept beside the code in Resources/openapi.json.
/// A test fails if a route under /api/ is missing from it.
enum OpenAPIDocument {
    static let json: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return Data("{}".utf8) }
        return data
    }()

    static func handler(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: json))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        return response
    }
}
