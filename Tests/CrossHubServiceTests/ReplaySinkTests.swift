import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// Replays into output topics of the embedded broker.
@Suite struct ReplaySinkTests {
    @Test func prefixedTopicsGetBackfill() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try ServiceTestCluster.orderedEvents(contacts: 20)
        try environment.produce(events)
        for kind in [OutputKind.qualification, .propertyUpdate] {
            try environment.cluster.createTopic("backfill." + environment.topics.topic(for: kind), partitions: 2)
        }

        let kafka = ReplayTestSupport.kafkaSettings(environment)
        var settings = ReplaySettings(input: .topics(kafka, .defaults, pollSize: 100), scorer: .default)
        settings.outputTopics = Dictionary(uniqueKeysWithValues: OutputKind.allCases.map { ($0, "backfill." + environment.topics.topic(for: $0)) })
        #expect(settings.writtenTopics == ["backfill.crosshub.qualifications", "backfill.crosshub.property-updates"])
        var sink = try KafkaReplaySink(settings: kafka, topics: settings.writtenTopics)
        let summary = try Replay.run(settings, sink: &sink)
        #expect(sink.sent == 40)
        #expect(sink.acknowledged == 40)
        #expect(summary.outputs[.qualification] == 20)

        let records = try environment.readAll("backfill.crosshub.qualifications")
        #expect(records.count == 20)
        #expect(records.allSatisfy { $0.header("crosshub.backfill") == Array("true".utf8) })
        #expect(Set(records.compactMap { $0.key?.string }).count == 20)
        #expect(try environment.readAll(environment.topics.topic(for: .qualification)).isEmpty, "the live output topic was written")
    }

    @Test func missingTopicRejected() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let kafka = ReplayTestSupport.kafkaSettings(environment)
        #expect(throws: ReplayError.self) {
            _ = try KafkaReplaySink(settings: kafka, topics: ["backfill.crosshub.qualifications"])
        }
        let topics = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: environment.bootstrapServers))
            .listTopics(timeout: .seconds(10)).map(\.name)
        #expect(!topics.contains("backfill.crosshub.qualifications"), "the check created the topic")
    }
}
