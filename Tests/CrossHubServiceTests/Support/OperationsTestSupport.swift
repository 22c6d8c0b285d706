import Foundation
import Kafka
import Qualification
@testable import CrossHubService

/// Starts the operations routes of `service` on an ephemeral loopback port.
func serveOperations(_ service: QualificationService) throws -> HTTPServer {
    try startTestServer(handler: service.operationsRoutes.router.handler)
}

/// A started service instance with its operations routes on an ephemeral loopback port.
struct ServedInstance {
    let service: QualificationService
    let server: HTTPServer

    init(_ environment: ServiceTestCluster, _ configuration: ServiceConfiguration,
         decider: any OutputDecider = QualificationOnlyDecider(), logs: MemoryLogSink = MemoryLogSink()) throws {
        service = try environment.startService(configuration, decider: decider, logs: logs)
        server = try serveOperations(service)
    }

    var port: UInt16 { server.port }

    /// Waits until the instance has consumed `count` input records.
    func waitUntilConsumed(_ count: Int) throws {
        try waitUntil("\(count) records processed") { service.metrics.snapshot().totalConsumed == UInt64(count) }
    }

    /// Stops the pipeline, then the HTTP server.
    func stop() {
        service.requestStop()
        _ = service.waitUntilStopped(timeout: .seconds(30))
        server.stop()
    }
}

/// Sends `GET path` and parses the body as a JSON object.
func getJSON(_ path: String, port: UInt16) throws -> (status: Int, object: [String: Any]) {
    let response = try httpRequest("GET", path, port: port)
    let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
    guard let object else {
        throw HTTPTestClientError(description: "GET \(path) returned \(response.status) without a JSON object: \(response.body)")
    }
    return (response.status, object)
}

/// Scrapes `/metrics` and parses it with Python's `prometheus_client`.
func scrapeMetrics(port: UInt16) throws -> ParsedExposition {
    let response = try httpRequest("GET", "/metrics", port: port)
    guard response.status == 200 else {
        throw HTTPTestClientError(description: "GET /metrics returned \(response.status): \(response.body)")
    }
    return try parseWithPrometheusClient(response.body)
}

extension ParsedExposition {
    /// Returns the sum of every sample named `name`, whatever its labels.
    func sum(_ name: String) -> Double {
        samples.filter { $0.name == name }.reduce(0) { $0 + $1.value }
    }
}

/// Counts the outcome that each generated line must get (folded, duplicate or dead-lettered) per topic.
func expectedOutcomes(_ events: [GeneratedEvent]) -> [String: [EventOutcome: Int]] {
    var counts: [String: [EventOutcome: Int]] = [:]
    for event in events {
        let outcome: EventOutcome = switch event.origin {
        case .journey: .folded
        case .duplicate: .duplicate
        case .invalid: .deadLettered
        }
        counts[event.topic, default: [:]][outcome, default: 0] += 1
    }
    return counts
}

/// Writes `states` as changelog snapshots to the partition that owns each
/// contact among `partitions`, and waits for every acknowledgement.
func writeChangelog(_ states: [ContactState], topic: String, partitions: Int, bootstrapServers: String) throws {
    let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrapServers))
    defer { producer.close(timeout: .seconds(5)) }
    for state in states {
        let key = Array(state.contactID.utf8)
        let partition = KafkaPartitioner.partition(forKey: key, partitionCount: partitions)
        try producer.send(KafkaProducerMessage(topic: topic, partition: partition, key: key, value: state.snapshotBytes()))
    }
    try producer.flush(timeout: .seconds(30))
    let failures = producer.drainDeliveryReports().filter { !$0.isSuccess }
    if let failure = failures.first {
        throw DeadlineExceeded(description: "\(failures.count) changelog records failed: \(failure.error.map { "\($0)" } ?? "")")
    }
}
