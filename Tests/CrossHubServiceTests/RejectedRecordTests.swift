import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct RejectedRecordTests {
    @Test(arguments: [DeliveryGuarantee.exactlyOnce, .atLeastOnce])
    func recordAboveLimitStopsInstance(guarantee: DeliveryGuarantee) throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.marketing
        let configuration = environment.configuration(group: "rejected-\(guarantee.rawValue)", guarantee: guarantee)
        let logs = MemoryLogSink()
        let service = try environment.startService(configuration, logs: logs)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the instance ready") { service.status.isReady }

        // A broker rejects a record above its max.message.bytes on every attempt.
        // The errors are pushed after the test's record is written, so only the service's produce requests get them.
        try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: Array(
            #"{"event_id":"e-1","contact_id":"c-1","type":"marketing.page_viewed","occurred_at":"2026-02-01T10:00:00Z","data":{"url":"https://example.com"}}"#.utf8),
            partition: 0)
        environment.cluster.pushRequestErrors(.produce, Array(repeating: .messageSizeTooLarge, count: 20))
        try waitUntil("the instance stops", timeout: .seconds(60)) { service.exitResult != nil }

        guard case .failed(let reason)? = service.exitResult else {
            Issue.record("expected a failure, got \(String(describing: service.exitResult))")
            return
        }
        #expect(reason.contains("MSG_SIZE_TOO_LARGE"), "\(reason)")
        #expect(reason.contains("input \(topic) partition 0 offset 0"), "\(reason)")
        #expect(reason.contains("--kafka message.max.bytes="), "\(reason)")
        #expect(reason.contains("3 attempts in a row"), "\(reason)")
        let metrics = service.metrics.snapshot()
        #expect(metrics.totalConsumed == 0)
        #expect(metrics.batchesRetried == UInt64(Pipeline.maxRecordRejections - 1))
        let retries = logs.records.filter { $0.message == "batch undone in memory; reading it again" }
        #expect(retries.map { $0.fields.first { $0.0 == "batch.retry" }?.1 } == ["1", "2"])
        #expect(logs.records.contains { $0.message == "stopping on an error that retrying cannot fix" })
    }
}
