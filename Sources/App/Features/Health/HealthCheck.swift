import Fluent
import SQLKit
import Vapor

/// `/healthz`: `ok` once the database answers. Also the ceiling the benchmarks measure against.
enum HealthCheck {
    static func handler(req: Request) async throws -> Response {
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        do {
            _ = try await sql.raw("SELECT 1").all()
        } catch {
            req.logger.error("Health check could not reach the database: \(error)")
            let response = Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
            response.headers.contentType = .plainText
            return response
        }
        let response = Response(status: .ok, body: .init(string: "ok"))
        response.headers.contentType = .plainText
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// `/readyz`, for a load balancer: JSON saying whether this process can serve, which it can
    /// only while the database answers. 503 otherwise, so traffic goes to another process.
    static func ready(req: Request) async throws -> Response {
        struct Readiness: Content {
            let ready: Bool
            let database: String
        }
        var reachable = false
        if let sql = req.db as? SQLDatabase {
            do {
                _ = try await sql.raw("SELECT 1").all()
                reachable = true
            } catch {
                req.logger.error("Readiness check could not reach the database: \(error)")
            }
        }
        let response = try await Readiness(ready: reachable, database: reachable ? "ok" : "unavailable").encodeResponse(
            status: reachable ? .ok : .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
