import Foundation
import Testing

/// Runs deploy/create-topics.sh against a stand-in kafka-topics.sh that records
/// its arguments and remembers the topics it created.
@Suite struct DeployTopicScriptTests {
    /// A kafka-topics.sh stand-in: `--create` stores the topic's partition count,
    /// `--describe` prints it in kafka-topics.sh's format, and every call is logged.
    static let fakeKafkaTopics = #"""
        #!/bin/sh
        state="$FAKE_KAFKA_STATE"
        echo "$*" >> "$state/calls"
        topic=""; partitions=""; mode=""
        while [ $# -gt 0 ]; do
            case "$1" in
                --topic) topic="$2"; shift 2 ;;
                --partitions) partitions="$2"; shift 2 ;;
                --create) mode=create; shift ;;
                --describe) mode=describe; shift ;;
                *) shift ;;
            esac
        done
        if [ "$mode" = create ] && [ ! -f "$state/topic-$topic" ]; then echo "$partitions" > "$state/topic-$topic"; fi
        if [ "$mode" = describe ]; then
            printf 'Topic: %s\tTopicId: x\tPartitionCount: %s\tReplicationFactor: 1\tConfigs: \n' "$topic" "$(cat "$state/topic-$topic")"
        fi
        """#

    struct Setup {
        let state: URL
        let fake: URL
    }

    private func setUp() throws -> Setup {
        let state = try makeTemporaryDirectory("crosshub-topics")
        let fake = state.appendingPathComponent("kafka-topics.sh")
        try Self.fakeKafkaTopics.write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        return Setup(state: state, fake: fake)
    }

    private func runScript(_ setup: Setup, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRun {
        try runProcess("sh", ["deploy/create-topics.sh"] + arguments,
                       environment: environment.merging(["KAFKA_TOPICS": setup.fake.path, "FAKE_KAFKA_STATE": setup.state.path]) { a, _ in a })
    }

    private func calls(_ setup: Setup) throws -> [String] {
        try String(contentsOf: setup.state.appendingPathComponent("calls"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func createsEveryTopicWithPartitions() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.state) }

        let run = try runScript(setup, ["--bootstrap-server", "kafka:9092"])

        #expect(run.status == 0, "\(run.output)")
        let creates = try calls(setup).filter { $0.contains("--create") }
        let topics = creates.compactMap { $0.firstMatch(of: /--topic (\S+)/).map { String($0.1) } }
        #expect(topics == ["marketing.events", "sales.events", "service.events", "crosshub.contact-state",
                           "crosshub.qualifications", "crosshub.property-updates", "crosshub.tasks", "crosshub.notes",
                           "crosshub.notifications", "crosshub.enrollments", "crosshub.dead-letters"])
        for call in creates {
            #expect(call.hasPrefix("--bootstrap-server kafka:9092 --create --if-not-exists"), "\(call)")
            #expect(call.contains("--partitions 12 --replication-factor 3"), "\(call)")
            #expect(call.contains("--config min.insync.replicas=2"), "\(call)")
        }
        let changelog = try #require(creates.first { $0.contains("--topic crosshub.contact-state") })
        #expect(changelog.contains("--config cleanup.policy=compact"))
        #expect(creates.filter { $0.contains("cleanup.policy=compact") }.count == 1)
        // Only the inputs take the broker's append time, the reference of --max-future-skew.
        for call in creates {
            let isInput = ["marketing.events", "sales.events", "service.events"].contains { call.contains("--topic \($0) ") }
            #expect(call.contains("--config message.timestamp.type=LogAppendTime") == isInput, "\(call)")
        }
        #expect(try calls(setup).filter { $0.contains("--describe") }.count == 4)
    }

    @Test func topicNamesFollowVariables() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.state) }

        let run = try runScript(setup, ["--bootstrap-server", "b:9092", "--partitions", "3", "--replication-factor", "1"],
                                environment: ["CROSSHUB_SALES_TOPIC": "crm.sales", "CROSSHUB_CHANGELOG_TOPIC": "qualify.state"])

        #expect(run.status == 0, "\(run.output)")
        let creates = try calls(setup).filter { $0.contains("--create") }
        #expect(creates.contains { $0.contains("--topic crm.sales ") })
        let changelog = try #require(creates.first { $0.contains("--topic qualify.state ") })
        #expect(changelog.contains("cleanup.policy=compact"))
        #expect(!creates.contains { $0.contains("sales.events") })
        #expect(creates.allSatisfy { $0.contains("--partitions 3 --replication-factor 1 --config min.insync.replicas=1") })
    }

    @Test func mismatchedPartitionsFail() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.state) }
        try "6\n".write(to: setup.state.appendingPathComponent("topic-service.events"), atomically: true, encoding: .utf8)

        let run = try runScript(setup, ["--bootstrap-server", "kafka:9092"])

        #expect(run.status == 1)
        #expect(run.output.contains("service.events has 6 partitions but crosshub needs 12"), "\(run.output)")
    }

    @Test func invalidArgumentsAreRejected() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.state) }

        let missing = try runScript(setup, [])
        #expect(missing.status == 2)
        #expect(missing.output.contains("missing --bootstrap-server"), "\(missing.output)")

        let zero = try runScript(setup, ["--bootstrap-server", "k:9092", "--partitions", "0"])
        #expect(zero.status == 2)
        #expect(zero.output.contains("invalid --partitions '0'"), "\(zero.output)")

        let insync = try runScript(setup, ["--bootstrap-server", "k:9092", "--replication-factor", "2", "--min-insync-replicas", "3"])
        #expect(insync.status == 2)
        #expect(insync.output.contains("invalid --min-insync-replicas '3'"), "\(insync.output)")

        let unknown = try runScript(setup, ["--bootstrap-server", "k:9092", "--topics", "x"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("unknown option '--topics'"), "\(unknown.output)")
        #expect(!FileManager.default.fileExists(atPath: setup.state.appendingPathComponent("calls").path))
    }

    @Test func dryRunPrintsCommands() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.state) }

        let run = try runScript(setup, ["--bootstrap-server", "kafka:9092", "--dry-run", "--command-config", "/etc/kafka/client.properties"])

        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\(setup.fake.path) --bootstrap-server kafka:9092 --command-config /etc/kafka/client.properties --create --if-not-exists --topic marketing.events"))
        #expect(!FileManager.default.fileExists(atPath: setup.state.appendingPathComponent("calls").path))
    }
}
