import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// librdkafka's log routing and the rate limit on repeated service errors.
@Suite struct ServiceLogTests {
    private func lines(_ logs: MemoryLogSink, _ message: String) -> [LogRecord] {
        logs.records.filter { $0.message == message }
    }

    private func field(_ record: LogRecord, _ name: String) -> String? {
        record.fields.last { $0.0 == name }?.1
    }

    /// Returns the occurrences of `message` that the log accounts for: each
    /// written line, plus the repeats that `log.suppressed` counts on any line.
    /// A summary line (`log.summary=true`) counts only the repeats it reports.
    private func occurrencesLogged(_ logs: MemoryLogSink, _ message: String) -> Int {
        lines(logs, message).reduce(0) { total, record in
            let written = field(record, "log.summary") == "true" ? 0 : 1
            return total + written + (Int(field(record, "log.suppressed") ?? "0") ?? 0)
        }
    }

    @Test func librdkafkaLogsKeepTheirLevel() throws {
        // A port that was free a moment ago, so that librdkafka's connection is refused.
        let probe = try startTestServer { _ in .text("probe") }
        let port = probe.port
        probe.stop()

        let logs = MemoryLogSink()
        var configuration = ServiceConfiguration(bootstrapServers: "127.0.0.1:\(port)", instanceID: "log-1")
        configuration.groupID = "logs"
        let pipeline = Pipeline(configuration: configuration, scorer: .default, decider: QualificationOnlyDecider(),
                                logger: Logger(level: .debug, sink: logs), metrics: ServiceMetrics(), status: ServiceStatus(),
                                directory: ContactDirectory(), stop: StopRequest(), version: "test")
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: "127.0.0.1:\(port)", groupID: "logs"),
                                         handlers: pipeline.clientHandlers(statistics: false))
        defer { try? consumer.close() }
        try consumer.subscribe(topics: ["marketing.events"])

        try waitUntil("librdkafka to report the refused connection", timeout: .seconds(20)) {
            _ = try consumer.poll(timeout: .milliseconds(100))
            return logs.records.contains { $0.message.contains("Connection refused") && field($0, "kafka.facility") == "FAIL" }
        }
        let refused = try #require(logs.records.first { $0.message.contains("Connection refused") && field($0, "kafka.facility") == "FAIL" })
        #expect(refused.level == .error, "librdkafka logs a failed connection at syslog level 3")
        #expect(field(refused, "kafka.client")?.hasPrefix("rdkafka#consumer-") == true, "\(refused.fields)")
        #expect(refused.message.contains("127.0.0.1:\(port)"))
        #expect(logs.records.contains { $0.level == .warning && $0.message == "Kafka client error; librdkafka retries on its own" })
    }

    @Test func deadLetterLinesAreRateLimited() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.marketing
        for index in 0..<6 {
            try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: Array(#"{"event_id": "e-\#(index)", "#.utf8))
        }
        for index in 0..<2 {
            let unknown = #"{"event_id":"u-\#(index)","contact_id":"c-1","type":"marketing.page_liked","occurred_at":"2026-02-01T10:00:00Z","data":{}}"#
            try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: Array(unknown.utf8))
        }

        let logs = MemoryLogSink()
        let service = try environment.startService(environment.configuration(group: "dead-letter-logs"), logs: logs)
        try waitUntil("every record dead-lettered") { service.metrics.snapshot().total(.deadLettered) == 8 }
        let whileRunning = lines(logs, "dead-lettered an input record")
        service.requestStop()
        #expect(service.waitUntilStopped(timeout: .seconds(30)) == .stopped)

        // The eight records arrive within one window, so one line per reason is written at once.
        #expect(whileRunning.count == 2, "\(whileRunning.map(\.fields))")
        #expect(Set(whileRunning.compactMap { field($0, "error.code") }) == ["invalid_json", "unknown_type"])

        let summaries = lines(logs, "dead-lettered an input record").filter { field($0, "log.summary") == "true" }
        let invalid = try #require(summaries.first { field($0, "error.code") == "invalid_json" }, "a summary when the service stops")
        #expect(field(invalid, "log.suppressed") == "5")
        #expect(invalid.level == .warning)
        let unknown = try #require(summaries.first { field($0, "error.code") == "unknown_type" })
        #expect(field(unknown, "log.suppressed") == "1")
        #expect(occurrencesLogged(logs, "dead-lettered an input record") == 8)
    }

    @Test func offsetCommitFailuresAreRateLimited() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try ServiceTestCluster.orderedEvents(contacts: 2, seed: 3)
        try environment.produce(events)
        // INVALID_COMMIT_OFFSET_SIZE: not retriable, so every batch's commit fails once.
        environment.cluster.pushRequestErrors(.offsetCommit, Array(repeating: KafkaError.Code(rawValue: 28), count: 1000))

        var configuration = environment.configuration(group: "commit-logs", guarantee: .atLeastOnce)
        configuration.batchMaxEvents = 1
        configuration.backlogBatchMaxEvents = 1
        let logs = MemoryLogSink()
        let service = try environment.startService(configuration, logs: logs)
        try waitUntil("every record processed") { service.metrics.snapshot().totalConsumed == UInt64(events.count) }
        service.requestStop()
        #expect(service.waitUntilStopped(timeout: .seconds(30)) == .stopped)
        environment.cluster.clearRequestErrors(.offsetCommit)

        let message = "committing input offsets failed; the records will be read again and skipped as duplicates"
        let failures = Int(service.metrics.snapshot().offsetCommitFailures)
        #expect(failures >= events.count)
        let written = lines(logs, message).filter { field($0, "log.summary") == nil }
        #expect(written.count < failures, "\(written.count) lines for \(failures) failures")
        #expect(written.allSatisfy { $0.level == .error })
        #expect(occurrencesLogged(logs, message) == failures)
    }
}
