import Vapor

extension Request {
    /// API requests answer in JSON and authenticate by bearer token, never by cookie.
    var isAPIRequest: Bool {
        url.path == "/api" || url.path.hasPrefix("/api/")
    }
}
