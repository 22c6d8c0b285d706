import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// Checks of `crosshub run`'s settings: topic collisions, librdkafka property errors and the ranges in `--help`.
@Suite struct RunConfigurationCheckTests {
    private func issues(_ configuration: ServiceConfiguration) -> [ServiceConfigurationError.Issue] {
        do {
            try configuration.validate()
            return []
        } catch {
            return error.issues
        }
    }

    @Test func sharedOutputTopicRejected() {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "outputs")
        configuration.topics.outputs[.qualification] = "crosshub.tasks"

        let found = issues(configuration)
        #expect(found.count == 1, "\(found)")
        let issue = found.first
        #expect(issue?.setting == "tasks-topic")
        #expect(issue?.message.contains("topic 'crosshub.tasks' is also the --qualifications-topic") == true, "\(found)")
        #expect(issue?.message.contains("each output kind") == true, "\(found)")
    }

    @Test func everyOutputPairRejected() {
        let flags = OutputKindFlag.all
        for (index, first) in flags.enumerated() {
            for second in flags[(index + 1)...] {
                var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "outputs")
                configuration.topics.outputs[second.kind] = configuration.topics.topic(for: first.kind)
                let found = issues(configuration)
                #expect(found.map(\.setting) == [second.flag], "--\(first.flag) and --\(second.flag): \(found)")
                #expect(found.first?.message.contains("--\(first.flag)") == true, "\(found)")
            }
        }
    }

    /// librdkafka's text for sasl.jaas.config ends with a period of its own.
    @Test func unsupportedPropertyMessageReadsOnce() throws {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "kafka")
        configuration.kafkaProperties = ["sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required;"]

        let found = issues(configuration)
        #expect(found.count == 1, "\(found)")
        let message = try #require(found.first?.message)
        #expect(message.hasPrefix("invalid configuration property 'sasl.jaas.config' = '***': "), "\(message)")
        #expect(message.contains("JAAS"), "\(message)")
        #expect(!message.contains(".;"), "\(message)")
        #expect(!message.contains(".."), "\(message)")
        #expect(!message.contains("CONFIGURATION.md"), "\(message)")
        #expect(message.hasSuffix(". Remove it, because librdkafka does not support this property."), "\(message)")
    }

    @Test func unknownPropertyHintOnce() throws {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "kafka")
        configuration.kafkaProperties = ["fetch.min.byte": "1"]

        let message = try #require(issues(configuration).first?.message)
        #expect(message.hasPrefix("invalid configuration property 'fetch.min.byte' = '1': No such configuration property"), "\(message)")
        #expect(message.components(separatedBy: "CONFIGURATION.md").count == 2, "\(message)")
        #expect(message.hasSuffix(". Remove it or check its spelling against librdkafka's CONFIGURATION.md."), "\(message)")
    }

    @Test func invalidValueHintOnce() throws {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "kafka")
        configuration.kafkaProperties = ["session.timeout.ms": "soon"]

        let message = try #require(issues(configuration).first?.message)
        #expect(message.hasPrefix("invalid configuration property 'session.timeout.ms' = 'soon': "), "\(message)")
        #expect(message.components(separatedBy: "CONFIGURATION.md").count == 2, "\(message)")
        #expect(message.hasSuffix(". Use a value that librdkafka's CONFIGURATION.md lists for it."), "\(message)")
    }

    /// Every numeric option of `run` states in `--help` the range that its parser enforces.
    @Test func runHelpStatesRanges() throws {
        let cases: [(option: String, range: String, outside: String)] = [
            ("batch-max-events", "1 to 100000", "100001"),
            ("backlog-batch-max-events", "1 to 100000", "0"),
            ("commit-interval-ms", "1 to 60000", "60001"),
            ("max-event-bytes", "64 to 16777216", "63"),
            ("topic-partitions", "1 to 10000", "10001"),
            ("replication-factor", "1 to 32", "33"),
            ("restore-timeout-seconds", "1 to 86400", "86401"),
            ("statistics-interval-ms", "0 to 86400000", "86400001"),
            ("http-port", "0 to 65535", "65536"),
            ("stall-timeout-seconds", "1 to 86400", "0"),
            ("stall-retries", "1 to 1000", "1001"),
        ]
        let help = try DeployRunHelpTests.runHelp()
        for (option, range, outside) in cases {
            let block = help.components(separatedBy: "\n  --\(option) ").dropFirst().first?
                .components(separatedBy: "\n  --").first ?? ""
            #expect(block.contains(range), "--\(option) help: \(block)")

            let run = try runProcess(ChildProcess.crosshub.path, ["run", "--\(option)", outside])
            #expect(run.status == 2, "--\(option) \(outside): \(run.output)")
            #expect(run.output.contains(range), "--\(option) \(outside): \(run.output)")
        }
    }
}
