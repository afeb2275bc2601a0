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

    /// `/metrics`, in Prometheus's text format, for a collector on the same machine: answered only
    /// to a request from this machine that no proxy forwarded (the sample nginx config also refuses
    /// it), since route counts and latencies are for operators, not the public.
    static func metrics(req: Request) async throws -> Response {
        let address = req.remoteAddress?.ipAddress ?? ""
        let fromThisMachine = address.hasPrefix("127.") || address == "::1"
        guard fromThisMachine, !req.headers.contains(name: "X-Forwarded-For"), !req.headers.contains(name: .forwarded)
        else { throw Abort(.notFound) }
        let metrics = req.application.metrics
        if let age = req.application.directoryIndex.age() {
            metrics.set(
                "directory_index_age",
                help: "Seconds since this process last confirmed its directory picture matches the database.",
                unit: "seconds", to: age)
        }
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let started = DispatchTime.now().uptimeNanoseconds
        var databaseAnswers = true
        do {
            _ = try await sql.raw("SELECT 1").all()
        } catch {
            databaseAnswers = false
        }
        metrics.set(
            "database_up", help: "1 when the database answered this scrape's SELECT 1, else 0.",
            to: databaseAnswers ? 1 : 0)
        // Borrowing a connection waits when the pool is busy, so this time rises with pool use.
        metrics.set(
            "database_connection_wait",
            help: "Time to borrow a database connection and run SELECT 1 at this scrape; it rises as the pool fills.",
            unit: "seconds", to: Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
        if let resident = SiteMetrics.residentBytes() {
            metrics.set("process_resident_memory", help: "This process's resident memory.", unit: "bytes", to: resident)
        }
        let response = Response(status: .ok, body: .init(string: metrics.text()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
