import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// The start-up topic check of `crosshub run`, as a child process against an
/// embedded broker whose topics each test lays out.
///
/// The check lists all topics, which creates none, and nothing in the
/// child names a topic before the check. So a topic the test leaves out
/// stays missing although the embedded broker creates any topic that a
/// metadata request names.
@Suite struct TopicCheckTests {
    /// Starts an embedded cluster with every default topic except `missing`,
    /// at `partitions` partitions unless `counts` sets another count.
    private func cluster(partitions: Int, counts: [String: Int] = [:],
                         missing: Set<String> = []) throws -> EmbeddedKafkaCluster {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        for topic in ServiceTopics.defaults.all where !missing.contains(topic) {
            try cluster.createTopic(topic, partitions: counts[topic] ?? partitions)
        }
        return cluster
    }

    /// Runs `crosshub run` until it exits and returns the status and its standard error.
    private func runUntilExit(_ cluster: EmbeddedKafkaCluster, group: String) throws -> (status: Int32, log: String) {
        let child = try ChildProcess(ChildProcess.crosshub,
                                     ["run", "--brokers", cluster.bootstrapServers, "--group-id", group,
                                      "--instance-id", "\(group)-1"])
        let status = try child.waitForExit(timeout: .seconds(20))
        return (status, child.standardError)
    }

    /// Checks the common end of a failed start-up: exit status 1, a critical
    /// line, the failure line, and no consumer group joined.
    private func expectStartupFailure(_ result: (status: Int32, log: String)) {
        #expect(result.status == 1, "\(result.log.suffix(2000))")
        #expect(result.log.contains("level=critical"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("msg=\"crosshub run failed\""), "\(result.log.suffix(2000))")
        #expect(!result.log.contains("joining consumer group"), "\(result.log.suffix(2000))")
        #expect(!result.log.contains("topics checked"), "\(result.log.suffix(2000))")
    }

    @Test func missingInputTopicStopsRun() throws {
        let cluster = try cluster(partitions: 2, missing: ["sales.events"])
        let result = try runUntilExit(cluster, group: "missing-input")

        expectStartupFailure(result)
        #expect(result.log.contains("missing topics: sales.events;"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("create them with 2 partitions"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("--create-topics"), "\(result.log.suffix(2000))")
    }

    @Test func missingOutputTopicStopsRun() throws {
        let cluster = try cluster(partitions: 3, missing: ["crosshub.tasks", "crosshub.notes"])
        let result = try runUntilExit(cluster, group: "missing-output")

        expectStartupFailure(result)
        #expect(result.log.contains("missing topics: crosshub.tasks, crosshub.notes;"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("create them with 3 partitions"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("--create-topics"), "\(result.log.suffix(2000))")
    }

    @Test func unequalInputPartitionsStopRun() throws {
        let cluster = try cluster(partitions: 2, counts: ["sales.events": 3])
        let result = try runUntilExit(cluster, group: "unequal-inputs")

        expectStartupFailure(result)
        #expect(result.log.contains("the input topics have different partition counts"), "\(result.log.suffix(2000))")
        #expect(result.log.contains("marketing.events has 2, sales.events has 3, service.events has 2"),
                "\(result.log.suffix(2000))")
        #expect(result.log.contains("give them equal counts"), "\(result.log.suffix(2000))")
    }

    @Test func changelogPartitionMismatchStopsRun() throws {
        let cluster = try cluster(partitions: 2, counts: ["crosshub.contact-state": 3])
        let result = try runUntilExit(cluster, group: "changelog-count")

        expectStartupFailure(result)
        #expect(result.log.contains("the changelog topic crosshub.contact-state has 3 partitions but the inputs have 2"),
                "\(result.log.suffix(2000))")
        #expect(result.log.contains("recreate it with 2 partitions and cleanup.policy=compact"), "\(result.log.suffix(2000))")
    }

    @Test func matchingTopicsPassCheck() throws {
        let cluster = try cluster(partitions: 2)
        let child = try ChildProcess(ChildProcess.crosshub,
                                     ["run", "--brokers", cluster.bootstrapServers, "--group-id", "matching",
                                      "--instance-id", "matching-1"])
        try waitUntil("the topic check to pass", timeout: .seconds(20)) {
            child.standardError.contains("msg=\"topics checked\"") || !child.process.isRunning
        }
        child.signal(SIGTERM)
        let status = try child.waitForExit(timeout: .seconds(20))

        let log = child.standardError
        #expect(status == 0, "\(log.suffix(2000))")
        #expect(log.contains("kafka.partitions=2"), "\(log.suffix(2000))")
        #expect(!log.contains("level=critical"), "\(log.suffix(2000))")
    }
}
