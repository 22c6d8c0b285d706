import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// An instance without input partitions logs every 10 s why it waits.
@Suite struct AssignmentWaitLogTests {
    private func notices(_ logs: MemoryLogSink, starting prefix: String) -> [LogRecord] {
        logs.records.filter { $0.level == .notice && $0.message.hasPrefix(prefix) }
    }

    private func field(_ record: LogRecord, _ name: String) -> String? {
        record.fields.first { $0.0 == name }?.1
    }

    @Test func idleMemberLogsWhyItWaits() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let firstLogs = MemoryLogSink()
        let first = try environment.startService(environment.configuration(group: "idle", instance: "idle-1"), logs: firstLogs)
        defer {
            first.requestStop()
            _ = first.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the first instance owns the partition") { first.status.snapshot().assignedPartitions == [0] }

        let secondLogs = MemoryLogSink()
        let second = try environment.startService(environment.configuration(group: "idle", instance: "idle-2"), logs: secondLogs)
        defer {
            second.requestStop()
            _ = second.waitUntilStopped(timeout: .seconds(30))
        }
        // The range assignor orders members by member id, so either instance may end up without the partition.
        try waitUntil("one instance with the partition and one without", timeout: .seconds(60)) {
            let owners = [first, second].map { $0.status.snapshot().assignedPartitions }
            return owners.contains([0]) && owners.contains([])
        }
        // A loaded machine may miss heartbeats and move the partition between the
        // instances, so the notice may come from either of them.
        let prefix = "still no input partition assigned"
        try waitUntil("the idle notice", timeout: .seconds(60)) {
            !notices(firstLogs, starting: prefix).isEmpty || !notices(secondLogs, starting: prefix).isEmpty
        }

        let notice = try #require((notices(firstLogs, starting: prefix) + notices(secondLogs, starting: prefix)).first)
        #expect(notice.message.contains("more members than the input topics have partitions"), "\(notice.message)")
        #expect(field(notice, "kafka.group") == "idle")
        let waited = try #require(field(notice, "waited_ms").flatMap(Int.init))
        #expect(waited >= 10_000, "waited_ms \(waited)")
    }

    @Test func restartAfterKillLogsSessionHint() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        // The killed member's session outlives one report interval, so the restarted instance must wait for it.
        let child = try ChildProcess(ChildProcess.crosshub, [
            "run", "--brokers", environment.bootstrapServers, "--group-id", "killed", "--instance-id", "killed-1",
            "--kafka", "session.timeout.ms=25000", "--kafka", "heartbeat.interval.ms=500",
        ])
        try waitUntil("the child owns the partition", timeout: .seconds(60)) {
            child.standardError.contains("msg=\"partitions assigned\"")
        }
        child.signal(SIGKILL)
        #expect(try child.waitForExit() == SIGKILL)

        var configuration = environment.configuration(group: "killed", instance: "killed-1")
        configuration.kafkaProperties = ["session.timeout.ms": "25000", "heartbeat.interval.ms": "500"]
        let logs = MemoryLogSink()
        let restarted = try environment.startService(configuration, logs: logs)
        defer {
            restarted.requestStop()
            _ = restarted.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the session hint", timeout: .seconds(20)) {
            !notices(logs, starting: "still waiting for a partition assignment").isEmpty
        }

        let notice = try #require(notices(logs, starting: "still waiting for a partition assignment").first)
        #expect(notice.message.contains("session.timeout.ms (25000 ms on this instance)"), "\(notice.message)")
        #expect(notice.message.contains("--kafka session.timeout.ms="), "\(notice.message)")
        #expect(notice.message.contains("--kafka group.instance.id="), "\(notice.message)")
        #expect(field(notice, "kafka.session_timeout_ms") == "25000")
        #expect(restarted.status.snapshot().assignedPartitions.isEmpty)

        try waitUntil("the partition after the session expired", timeout: .seconds(60)) {
            restarted.status.snapshot().assignedPartitions == [0]
        }
    }
}
