import CoreMetrics
import Foundation
import GazetteStorage
import Prometheus
import Synchronization

/// What `/metrics` reports, in Prometheus' text format: requests by route class and status with latency
/// histograms, database calls (latency, waits for a connection or the writer, errors), the page cache, the
/// comment queue and the process's memory.
///
/// Measured with swift-metrics' types over a registry of this server's own (`factory:`) rather than the
/// process-wide `MetricsSystem`, so each server (and each test's) counts only its own requests.
public final class ServerMetrics: Sendable, DatabaseObserver {
    public let factory: PrometheusMetricsFactory
    private let registry: PrometheusCollectorRegistry
    private let requests = Mutex<[String: CoreMetrics.Counter]>([:])
    private let latencies = Mutex<[RouteClass: CoreMetrics.Timer]>([:])
    private let databaseCalls: [DatabaseCall.Kind: CoreMetrics.Timer]
    private let databaseWaits: [DatabaseCall.Kind: CoreMetrics.Timer]
    private let databaseErrors: [DatabaseCall.Kind: CoreMetrics.Counter]
    /// Read when scraped, for figures kept elsewhere (the page cache's counters, queue depths).
    private let samplers = Mutex<[@Sendable () async -> [Sample]]>([])
    private let mirrors = Mutex<[String: (counter: CoreMetrics.Counter, last: Int64)]>([:])

    /// One figure read at scrape time: a gauge is set, a counter only ever goes up.
    public struct Sample: Sendable {
        public enum Kind: Sendable { case gauge, counter }
        public var name: String
        public var kind: Kind
        public var value: Double
        public var labels: [(String, String)]

        public init(_ name: String, _ kind: Kind, _ value: Double, labels: [(String, String)] = []) {
            self.name = name
            self.kind = kind
            self.value = value
            self.labels = labels
        }
    }

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // From a cached page (well under a millisecond) to a database call at its deadline.
        factory.defaultDurationHistogramBuckets = [
            1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
        ]
        .map { Duration.microseconds(Int64($0 * 1_000)) }
        self.registry = registry
        self.factory = factory
        var calls: [DatabaseCall.Kind: CoreMetrics.Timer] = [:]
        var waits: [DatabaseCall.Kind: CoreMetrics.Timer] = [:]
        var errors: [DatabaseCall.Kind: CoreMetrics.Counter] = [:]
        for kind in DatabaseCall.Kind.allCases {
            let dimensions = [("kind", kind.rawValue)]
            calls[kind] = Timer(label: "gazette_database_call_seconds", dimensions: dimensions, factory: factory)
            waits[kind] = Timer(label: "gazette_database_wait_seconds", dimensions: dimensions, factory: factory)
            errors[kind] = Counter(label: "gazette_database_errors_total", dimensions: dimensions, factory: factory)
        }
        databaseCalls = calls
        databaseWaits = waits
        databaseErrors = errors
    }

    /// Counts one answered request and its time.
    package func recordRequest(_ route: RouteClass, status: Int, duration: Duration) {
        let statusLabel = RouteClass.status(status)
        let key = route.rawValue + " " + statusLabel
        let counter = requests.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "gazette_http_requests_total", dimensions: [("route", route.rawValue), ("status", statusLabel)],
                factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
        let timer = latencies.withLock { timers in
            if let timer = timers[route] { return timer }
            let timer = Timer(
                label: "gazette_http_request_seconds", dimensions: [("route", route.rawValue)], factory: factory)
            timers[route] = timer
            return timer
        }
        timer.recordNanoseconds(Self.nanoseconds(duration))
    }

    public func observe(_ call: DatabaseCall) {
        databaseCalls[call.kind]?.recordNanoseconds(Self.nanoseconds(call.total))
        databaseWaits[call.kind]?.recordNanoseconds(Self.nanoseconds(call.waited))
        if call.failed { databaseErrors[call.kind]?.increment() }
    }

    /// Adds figures to read at every scrape.
    public func sample(_ sampler: @escaping @Sendable () async -> [Sample]) {
        samplers.withLock { $0.append(sampler) }
    }

    /// The text Prometheus reads.
    public func scrape() async -> String {
        let samplers = samplers.withLock { $0 }
        for sampler in samplers {
            for sample in await sampler() { apply(sample) }
        }
        return registry.emitToString()
    }

    private func apply(_ sample: Sample) {
        switch sample.kind {
        case .gauge:
            Gauge(label: sample.name, dimensions: sample.labels, factory: factory).record(sample.value)
        case .counter:
            // Counters kept elsewhere are mirrored by adding what they grew since the last scrape.
            let key = sample.name + sample.labels.map { "|\($0.0)=\($0.1)" }.joined()
            let now = Int64(sample.value)
            let (counter, grown) = mirrors.withLock { mirrors in
                let entry =
                    mirrors[key]
                    ?? (Counter(label: sample.name, dimensions: sample.labels, factory: factory), 0)
                mirrors[key] = (entry.counter, max(entry.last, now))
                return (entry.counter, max(0, now - entry.last))
            }
            if grown > 0 { counter.increment(by: grown) }
        }
    }

    package static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
