import Foundation
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// What `/metrics` reports, in Prometheus's text format: requests by method, route pattern and
/// status, their latency, and how many are being answered now. Kept per application (tests make
/// many); features add gauges of their own (such as the directory picture's age) at scrape time.
final class SiteMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let inFlight: Gauge

    /// From 2 ms to 10 s: a page answered from memory to the slowest export.
    static let latencyBuckets: [Duration] = [
        .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5),
        .seconds(10),
    ]

    init() {
        inFlight = registry.makeGauge(
            descriptor: .init(
                namespace: "bridgework", metricName: "http_requests_in_flight", unitName: "",
                helpText: "Requests being answered now."))
    }

    func started() { inFlight.increment() }

    /// `route` is the route's pattern (`/hubs/:hubSlug`), never an address with its values.
    func finished(method: String, route: String, status: UInt, nanoseconds: UInt64) {
        inFlight.decrement()
        registry.makeCounter(
            descriptor: .init(
                namespace: "bridgework", metricName: "http_requests", unitName: "total",
                helpText: "Requests answered, by method, route pattern and status."),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "bridgework", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer a request, by method and route pattern."),
            labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets
        ).recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Sets a gauge, made on first use.
    func set(_ name: String, help: String, unit: String = "", to value: Double) {
        registry.makeGauge(
            descriptor: .init(namespace: "bridgework", metricName: name, unitName: unit, helpText: help)
        ).set(value)
    }

    /// This process's resident memory, read from Linux's /proc (nil elsewhere).
    static func residentBytes() -> Double? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    func text() -> String { registry.emitToString() }
}

extension Application {
    private struct SiteMetricsKey: StorageKey { typealias Value = SiteMetrics }

    /// Set once in `configure`, before any request.
    var metrics: SiteMetrics {
        get {
            guard let metrics = storage[SiteMetricsKey.self] else { fatalError("configure(_:) sets the metrics") }
            return metrics
        }
        set { storage[SiteMetricsKey.self] = newValue }
    }
}
