import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct ProcessLifecycleTests {
    private func runArguments(_ environment: ServiceTestCluster, group: String, instance: String,
                              sessionTimeoutMilliseconds: Int = 6000, extra: [String] = []) -> [String] {
        ["run", "--brokers", environment.bootstrapServers, "--group-id", group, "--instance-id", instance,
         "--kafka", "session.timeout.ms=\(sessionTimeoutMilliseconds)", "--kafka", "heartbeat.interval.ms=500",
         "--log-level", "debug"] + extra
    }

    private func committedOffsets(_ environment: ServiceTestCluster, group: String) throws -> [Int64] {
        let reader = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: environment.bootstrapServers,
                                                                                 groupID: group))
        defer { try? reader.close() }
        let partitions = environment.topics.inputs.all.flatMap { topic in
            (0..<environment.partitions).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) }
        }
        return try reader.committed(partitions, timeout: .seconds(10)).map { $0.offset ?? -1 }
    }

    @Test func sigtermCommitsAndLeavesGroup() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try ServiceTestCluster.orderedEvents(contacts: 3)
        try environment.produce(events)

        let child = try ChildProcess(ChildProcess.crosshub,
                                     runArguments(environment, group: "sigterm", instance: "sigterm-1",
                                                  extra: ["--guarantee", "at-least-once"]))
        try waitUntil("the child to process and commit every event", timeout: .seconds(60)) {
            try committedOffsets(environment, group: "sigterm").filter { $0 > 0 }.reduce(0, +) == Int64(events.count)
        }

        child.signal(SIGTERM)
        let status = try child.waitForExit()
        #expect(status == 0, "\(child.standardError.split(separator: "\n").filter { $0.contains("level=error") || $0.contains("level=critical") }.suffix(8).joined(separator: "\n"))")
        let log = child.standardError
        #expect(log.contains("received SIGTERM"))
        #expect(log.contains("msg=\"crosshub run stopped\""))
        #expect(log.contains("consumer closing: leaving group sigterm"))
        #expect(try committedOffsets(environment, group: "sigterm").filter { $0 > 0 }.reduce(0, +) == Int64(events.count))

        // NOTE: the handover to another member after the LeaveGroup is not
        // timed here: on the embedded broker a member that joins after the
        // child left did not get its assignment within 40 s in this test, a
        // behaviour of librdkafka 2.0.2's mock coordinator not yet understood.
        // TwoInstanceTests covers the in-process handover.
    }

    @Test func atLeastOnceCrashSkipsRedeliveredEvents() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try ServiceTestCluster.orderedEvents(contacts: 4, seed: 21)
        try environment.produce(events)

        // Every offset commit fails, so each batch stays in the window
        // between acknowledged outputs and the offset commit.
        environment.cluster.pushRequestErrors(.offsetCommit, Array(repeating: KafkaError.Code(rawValue: 30), count: 10_000))
        let child = try ChildProcess(ChildProcess.crosshub,
                                     runArguments(environment, group: "crash", instance: "crash-1",
                                                  extra: ["--guarantee", "at-least-once", "--batch-max-events", "5",
                                                          "--backlog-batch-max-events", "5"]))
        try waitUntil("outputs acknowledged before the kill", timeout: .seconds(60)) {
            try environment.readAll(environment.topics.changelog).count >= 10
        }
        child.signal(SIGKILL)
        #expect(try child.waitForExit() == SIGKILL)
        environment.cluster.clearRequestErrors(.offsetCommit)
        let outputsBeforeRestart = try environment.allOutputs()
        #expect(!outputsBeforeRestart.isEmpty)

        var configuration = environment.configuration(group: "crash", instance: "crash-1", guarantee: .atLeastOnce)
        configuration.batchMaxEvents = 5
        configuration.backlogBatchMaxEvents = 5
        let restarted = try environment.startService(configuration)
        defer {
            restarted.requestStop()
            _ = restarted.waitUntilStopped(timeout: .seconds(30))
        }
        do {
            try waitUntil("every event read again") { restarted.metrics.snapshot().totalConsumed == UInt64(events.count) }
        } catch {
            let metrics = restarted.metrics.snapshot()
            Issue.record("consumed \(metrics.totalConsumed) of \(events.count): \(metrics.eventsConsumed); killed child log: \(child.standardError.suffix(3000))")
            throw error
        }

        let metrics = restarted.metrics.snapshot()
        #expect(metrics.restoredRecords > 0)
        // Events the killed process folded are skipped by offset.
        #expect(metrics.total(.duplicate) > 0)

        var session = FoldSession()
        for event in events {
            event.value.withUnsafeBytes { bytes in _ = try? session.fold(json: bytes) }
        }
        for (contactID, state) in session.contacts {
            let published = try #require(restarted.contacts.lookup(contactID))
            #expect(published.state.foldedEventCount == state.foldedEventCount, "events of \(contactID) folded once")
            #expect(published.state.features() == state.features(), "features of \(contactID)")
        }

        // Outputs published before the crash keep their ids and values.
        let outputs = try environment.allOutputs()
        for (id, value) in outputsBeforeRestart {
            #expect(outputs[id] == value, "output \(id)")
        }
        var seen: [String: String] = [:]
        for kind in OutputKind.allCases {
            for message in try environment.readAll(environment.topics.topic(for: kind)) {
                guard let id = message.header("crosshub.output_id").map({ String(decoding: $0, as: UTF8.self) }) else { continue }
                let value = message.value?.string ?? ""
                #expect(seen[id] == nil || seen[id] == value, "a repeated output id \(id) carries the same value")
                seen[id] = value
            }
        }
    }

    @Test func invalidFlagsNameTheFix() throws {
        let cases: [(arguments: [String], expected: String)] = [
            (["--batch-max-events", "0"], "--batch-max-events: expected an integer from 1 to 100000"),
            (["--guarantee", "twice"], "--guarantee: expected exactly-once or at-least-once"),
            (["--brokers", "localhost"], "--brokers: invalid broker address 'localhost'"),
            (["--kafka", "enable.auto.commit=true"], "--kafka: property enable.auto.commit is set by the service"),
            (["--sales-topic", "marketing.events"], "--sales-topic: topic 'marketing.events' is also the --marketing-topic"),
            (["--qualifications-topic", "crosshub.tasks"], "--tasks-topic: topic 'crosshub.tasks' is also the --qualifications-topic"),
            (["--business-hours", "Mon-Fri 9-17"], "--business-hours"),
        ]
        for (arguments, expected) in cases {
            let child = try ChildProcess(ChildProcess.crosshub, ["run"] + arguments)
            #expect(try child.waitForExit() == 2, "\(arguments)")
            #expect(child.standardError.contains(expected), "\(arguments): \(child.standardError)")
        }
    }

    @Test func startupLogMasksSecrets() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let child = try ChildProcess(ChildProcess.crosshub,
                                     runArguments(environment, group: "secrets", instance: "secrets-1",
                                                  extra: ["--kafka", "sasl.password=hunter2-secret"]))
        try waitUntil("the start-up log") { child.standardError.contains("crosshub run starting") }
        child.signal(SIGTERM)
        #expect(try child.waitForExit() == 0)
        let log = child.standardError
        #expect(log.contains("config.kafka.sasl.password=***"))
        #expect(!log.contains("hunter2-secret"))
    }
}
