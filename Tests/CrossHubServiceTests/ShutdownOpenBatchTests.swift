import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// A termination signal to `crosshub run` in exactly-once mode while a batch is open.
@Suite struct ShutdownOpenBatchTests {
    /// Returns the value of `key` in the first logfmt line whose message is `message`.
    private func field(_ key: String, of message: String, in log: String) -> String? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("msg=\"\(message)\"") }) else { return nil }
        for pair in line.split(separator: " ") where pair.hasPrefix("\(key)=") {
            return String(pair.dropFirst(key.count + 1))
        }
        return nil
    }

    /// The commit interval of 60 s and the batch cap of 100000 records keep
    /// every event in one open batch until the signal. A stall timeout of
    /// 1 s makes `/readyz` report the open batch, so the test signals only
    /// once the batch contains records.
    @Test(arguments: ["SIGTERM", "SIGINT"])
    func signalCommitsOpenBatch(signalName: String) throws {
        let signalNumber = signalName == "SIGTERM" ? SIGTERM : SIGINT
        let group = "open-batch-\(signalName.lowercased())"
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try ServiceTestCluster.orderedEvents(contacts: 4)
        try environment.produce(events)

        let port = try freeLoopbackPort()
        let child = try ChildProcess(ChildProcess.crosshub, [
            "run", "--brokers", environment.bootstrapServers, "--group-id", group, "--instance-id", "\(group)-1",
            "--guarantee", "exactly-once", "--commit-interval-ms", "60000",
            "--batch-max-events", "100000", "--backlog-batch-max-events", "100000",
            "--http-port", String(port), "--http-address", "127.0.0.1", "--stall-timeout-seconds", "1",
            "--kafka", "session.timeout.ms=6000", "--kafka", "heartbeat.interval.ms=500", "--log-level", "trace",
        ])
        try waitUntil("/readyz to report records waiting in the open batch", timeout: .seconds(30), interval: .milliseconds(100)) {
            guard let response = try? httpRequest("GET", "/readyz", port: port) else { return false }
            return response.status == 503 && response.body.contains("records have waited")
        }

        child.signal(signalNumber)
        let status = try child.waitForExit(timeout: .seconds(20))
        let log = child.standardError
        #expect(status == 0, "\(log.suffix(3000))")
        #expect(log.contains("received \(signalName)"), "\(log.suffix(3000))")

        let count = String(events.count)
        let stoppingMessage = "stopping: committing the open batch and leaving the group"
        #expect(field("batch.records", of: stoppingMessage, in: log) == count, "\(log.suffix(3000))")
        #expect(field("batch.records", of: "batch committed", in: log) == count, "\(log.suffix(3000))")
        #expect(log.contains("consumer closing: leaving group \(group)"), "\(log.suffix(3000))")
        #expect(field("events.consumed", of: "crosshub run stopped", in: log) == count, "\(log.suffix(3000))")
        #expect(field("events.folded", of: "crosshub run stopped", in: log) == count, "\(log.suffix(3000))")
        #expect(field("batches.committed", of: "crosshub run stopped", in: log) == "1", "\(log.suffix(3000))")
        #expect(field("batches.retried", of: "crosshub run stopped", in: log) == "0", "\(log.suffix(3000))")
        #expect(!log.contains("level=error"), "\(log.suffix(3000))")
        #expect(!log.contains("level=critical"), "\(log.suffix(3000))")
        #expect(try environment.readAll(environment.topics.changelog).count > 0)
        #expect(try !environment.allOutputs().isEmpty)

        // The embedded broker drops offsets sent in a transaction, so the
        // next instance reads every event again. The snapshots restored
        // from the committed batch make it skip each of them by offset.
        let next = try environment.startService(environment.configuration(group: group, instance: "\(group)-2"))
        defer {
            next.requestStop()
            _ = next.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the next instance to read every event", timeout: .seconds(30)) {
            next.metrics.snapshot().totalConsumed == UInt64(events.count)
        }
        let metrics = next.metrics.snapshot()
        #expect(metrics.restoredRecords > 0)
        #expect(metrics.total(.folded) == 0)
        #expect(metrics.total(.duplicate) == UInt64(events.count))
        #expect(metrics.total(.deadLettered) == 0)
    }
}
