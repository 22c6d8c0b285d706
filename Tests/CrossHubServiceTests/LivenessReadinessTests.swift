import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// `/readyz` turns false while the instance makes no progress and returns
/// to ready by itself, on the embedded broker with injected faults.
@Suite struct LivenessReadinessTests {
    private func reason(_ service: QualificationService) -> String {
        if case .notReady(let reason) = service.status.readiness() { return reason }
        return "ready"
    }

    /// Starts an instance with one record per batch, waits until it is
    /// ready, produces `events` and then makes every Produce request fail.
    private func startFailingProduce(_ environment: ServiceTestCluster, _ configuration: ServiceConfiguration,
                                     events: [GeneratedEvent], logs: MemoryLogSink = MemoryLogSink()) throws -> QualificationService {
        var configuration = configuration
        configuration.batchMaxEvents = 1
        configuration.backlogBatchMaxEvents = 1
        let service = try environment.startService(configuration, logs: logs)
        try waitUntil("the instance ready") { service.status.isReady }
        try environment.produce(events)
        // POLICY_VIOLATION fails every record for good, so the transaction is abortable and every batch is
        // undone and read again. Record rejections such as MSG_SIZE_TOO_LARGE would stop the instance instead.
        environment.cluster.pushRequestErrors(.produce, Array(repeating: KafkaError.Code(rawValue: 44), count: 10_000))
        return service
    }

    /// Waits until the instance is ready again after the faults are cleared,
    /// and records the reason and the recent log when it is not.
    private func waitUntilReady(_ service: QualificationService, logs: MemoryLogSink) throws {
        do {
            // The batch that was aborted last may wait out its backoff (up to 10 s) and an abort first.
            try waitUntil("the instance ready again", timeout: .seconds(60)) { service.status.isReady }
        } catch {
            let metrics = service.metrics.snapshot()
            let recent = logs.records.filter { $0.level >= .info }.suffix(15).map { "\($0.message) \($0.fields)" }
            Issue.record("still not ready: \(reason(service)); \(metrics.batchesCommitted) batches committed, \(metrics.batchesRetried) retried; recent log:\n\(recent.joined(separator: "\n"))")
            throw error
        }
    }

    @Test func retriedBatchTurnsNotReady() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try ServiceTestCluster.orderedEvents(contacts: 3, seed: 5)
        var configuration = environment.configuration(group: "retries")
        configuration.stallRetries = 3
        let logs = MemoryLogSink()
        let service = try startFailingProduce(environment, configuration, events: events, logs: logs)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }

        try waitUntil("/readyz to report the retries") { reason(service).contains("undone") }
        #expect(reason(service).hasPrefix("the open batch was undone "), "\(reason(service))")
        #expect(reason(service).hasSuffix("times in a row without a commit; the log names the Kafka error (limit 3, --stall-retries)"))

        environment.cluster.clearRequestErrors(.produce)
        try waitUntilReady(service, logs: logs)
        try waitUntil("every event folded") { service.metrics.snapshot().total(.folded) == UInt64(events.count) }
        #expect(service.status.snapshot().consecutiveRetries == 0)
    }

    @Test func uncommittedRecordsTurnNotReady() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try ServiceTestCluster.orderedEvents(contacts: 3, seed: 6)
        var configuration = environment.configuration(group: "stalled")
        configuration.stallTimeout = .seconds(2)
        configuration.stallRetries = 1000
        let logs = MemoryLogSink()
        let service = try startFailingProduce(environment, configuration, events: events, logs: logs)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }

        try waitUntil("/readyz to report the stall") { reason(service).contains("without a committed batch") }
        #expect(reason(service).hasPrefix("the consumer is stalled: records have waited "), "\(reason(service))")
        // The loop still polls between retries, so only the commit condition applies.
        #expect(service.status.snapshot().lastPollAt.map { ContinuousClock.now - $0 < .seconds(2) } == true)

        environment.cluster.clearRequestErrors(.produce)
        try waitUntilReady(service, logs: logs)
        try waitUntil("every event folded") { service.metrics.snapshot().total(.folded) == UInt64(events.count) }
    }

    @Test func brokersDownTurnNotReady() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let service = try environment.startService(environment.configuration(group: "outage"))
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the instance ready") { service.status.isReady }

        try environment.cluster.setBrokerDown(nil)
        try waitUntil("/readyz to report the outage", timeout: .seconds(20)) {
            reason(service) == "no Kafka broker is reachable; check the brokers and the network"
        }
        // With no coordinator the session (6 s here) expires and librdkafka declares the assignment lost.
        try waitUntil("/readyz to report the lost assignment", timeout: .seconds(30)) {
            reason(service).hasPrefix("the partition assignment was lost")
        }

        try environment.cluster.setBrokerUp(nil)
        try waitUntil("the instance ready again", timeout: .seconds(60)) { service.status.isReady }
        #expect(service.status.snapshot().brokersDown == false)
        #expect(service.status.snapshot().assignmentLost == false)

        // Progress after the outage: new events are folded and committed.
        let events = try ServiceTestCluster.orderedEvents(contacts: 1, seed: 7)
        try environment.produce(events)
        try waitUntil("the new events folded") { service.metrics.snapshot().total(.folded) == UInt64(events.count) }
    }
}
