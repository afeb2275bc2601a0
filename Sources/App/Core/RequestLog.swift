import Foundation
import Logging
import Vapor

/// One log line and one count in `/metrics` a request, after it is answered: its method, the route it matched (the pattern,
/// such as `/hubs/:hubSlug`, never the address with its values or query, which may carry a token),
/// the status and how long it took. The request id comes with the request's logger.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let metrics = request.application.metrics
        metrics.started()
        func log(_ status: HTTPResponseStatus) {
            let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
            let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
            metrics.finished(
                method: request.method.rawValue, route: route, status: status.code, nanoseconds: nanoseconds)
            request.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue),
                    "route": .string(route),
                    "status": .stringConvertible(status.code),
                    "duration_ms": .string(String(format: "%.1f", Double(nanoseconds) / 1_000_000)),
                ])
        }
        do {
            let response = try await next.respond(to: request)
            log(response.status)
            return response
        } catch {
            log((error as? AbortError)?.status ?? .internalServerError)
            throw error
        }
    }
}

/// Logs as one JSON object a line on standard error: time, level, label, message and metadata
/// (such as `request-id`, `route`, `status`, `duration_ms`). Set with `LOG_FORMAT=json`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, logLevel: Logger.Level, write: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.write = write ?? { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = Self.flatten(value)
        }
        fields["time"] = Self.timestamp()
        fields["level"] = level.rawValue
        fields["label"] = label
        fields["message"] = message.description
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { return }
        write(text)
    }

    private static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(flatten).joined(separator: ",")
        case .dictionary(let values):
            return values.sorted { $0.key < $1.key }.map { "\($0.key)=\(flatten($0.value))" }.joined(separator: ",")
        }
    }

    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func timestamp() -> String {
        timeStyle.format(Date())
    }
}
