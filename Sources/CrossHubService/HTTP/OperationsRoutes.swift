import Qualification

/// Whether the instance should receive traffic, as `/readyz` reports it.
public enum Readiness: Sendable, Equatable {
    case ready
    /// Not ready; `reason` names what is missing, for example
    /// `restoring partitions 3, 7 from crosshub.contact-state`.
    case notReady(reason: String)
}

/// The outcome of looking up one contact in this instance's state.
public enum ContactLookupResult: Sendable, Equatable {
    /// The contact is in this instance's state; `json` is one JSON object with
    /// its state, features and qualification with factors, as
    /// `ContactDocument.json(state:partition:features:qualification:)` renders it.
    case found(json: String)
    /// The contact's partition is assigned to another instance of the group.
    case ownedElsewhere(partition: Int32)
    /// The contact's partition is assigned here, but no event for it was folded.
    case notFound
    /// This instance cannot tell yet, because it has no assignment or the
    /// contact's partition is still being restored. `reason` names the cause.
    case unavailable(partition: Int32?, reason: String)
}

/// The operations endpoint: `/healthz`, `/readyz`, `/metrics` and
/// `/contacts/{id}`, served from providers that the service supplies.
///
/// Every provider runs on an HTTP server thread, possibly on several at once,
/// so it must read a thread-safe snapshot (a lock-protected copy, an atomic)
/// and never wait for the processing loop.
public struct OperationsRoutes: Sendable {
    /// The maximum contact id length in Unicode scalars, the same as in the event schema.
    public static let maxContactIDLength = 128
    /// The content type of the Prometheus text exposition format 0.0.4.
    public static let metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

    public let readiness: @Sendable () -> Readiness
    public let metrics: @Sendable () throws -> [PrometheusMetricFamily]
    public let contactLookup: @Sendable (String) -> ContactLookupResult

    /// - Parameters:
    ///   - readiness: returns `.ready` only when every assigned partition is
    ///     restored and the consumer is not stalled.
    ///   - metrics: returns the metric families to expose, for example
    ///     `snapshot.metricFamilies()` of a `CrossHubMetricsSnapshot`; an error
    ///     becomes a 500 response that names it.
    ///   - contactLookup: looks up a percent-decoded contact id of at most 128 scalars.
    public init(readiness: @escaping @Sendable () -> Readiness,
                metrics: @escaping @Sendable () throws -> [PrometheusMetricFamily],
                contactLookup: @escaping @Sendable (String) -> ContactLookupResult) {
        self.readiness = readiness
        self.metrics = metrics
        self.contactLookup = contactLookup
    }

    /// A router with the four routes, for `HTTPServer(configuration:logger:handler: routes.router.handler)`.
    public var router: HTTPRouter {
        var router = HTTPRouter()
        router.get("/healthz") { _ in .text("ok") }
        router.get("/readyz") { _ in respondToReadiness() }
        router.get("/metrics") { _ in respondToMetrics() }
        router.get("/contacts/{id}") { request in respondToContact(request.parameters["id"] ?? "") }
        return router
    }

    func respondToReadiness() -> HTTPResponse {
        switch readiness() {
        case .ready:
            .text("ready")
        case .notReady(let reason):
            .text("not ready: \(reason)", status: 503)
        }
    }

    func respondToMetrics() -> HTTPResponse {
        do {
            let text = try PrometheusTextWriter.render(metrics())
            return HTTPResponse(status: 200, contentType: Self.metricsContentType, body: Array(text.utf8))
        } catch {
            return .error("metrics could not be rendered: \(error)", status: 500)
        }
    }

    func respondToContact(_ contactID: String) -> HTTPResponse {
        let length = contactID.unicodeScalars.count
        guard length <= Self.maxContactIDLength else {
            return .error("contact id is \(length) characters long; the maximum is \(Self.maxContactIDLength)", status: 400)
        }

        switch contactLookup(contactID) {
        case .found(let json):
            return .json(json)
        case .ownedElsewhere(let partition):
            return .error("contact is owned by the instance assigned partition \(partition); ask that instance", status: 404) {
                $0.field("contact_id", contactID)
                $0.field("partition", Int(partition))
            }
        case .notFound:
            return .error("contact not found in this instance's state", status: 404) { $0.field("contact_id", contactID) }
        case .unavailable(let partition, let reason):
            return .error(reason, status: 503, headers: [HTTPHeader("Retry-After", "5")]) {
                $0.field("contact_id", contactID)
                $0.field("partition", partition.map(Int.init))
            }
        }
    }
}
