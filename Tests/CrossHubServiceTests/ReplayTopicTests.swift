import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// Replays from the embedded broker: the bytes match a replay of the same
/// events from a file, whatever the partition count and poll size, and the
/// final qualifications match a live run.
@Suite(.serialized) struct ReplayTopicTests {
    static let events: [GeneratedEvent] = {
        // Not shuffled: a duplicate more than 64 events of its contact away from
        // its original is folded twice, and then arrival order would matter.
        let options = generationOptions(contacts: 160, seed: 23, duplicateRate: 0.03, invalidRate: 0.02)
        return (try? JourneyGenerator(options: options).events()) ?? []
    }()

    private func topicSettings(_ environment: ServiceTestCluster, pollSize: Int) -> ReplaySettings {
        var settings = ReplaySettings(input: .topics(ReplayTestSupport.kafkaSettings(environment), .defaults, pollSize: pollSize),
                                      scorer: .default)
        settings.keepsQualifications = true
        return settings
    }

    @Test func topicFileAndPartitionsAgree() throws {
        let events = Self.events
        #expect(events.count > 5000)
        let file = try ReplayTestSupport.writeEventFile(events)
        defer { try? FileManager.default.removeItem(at: file) }

        let fromFile = try ReplayTestSupport.replay(ReplaySettings(input: .files([file.path]), scorer: .default))
        let again = try ReplayTestSupport.replay(ReplaySettings(input: .files([file.path]), scorer: .default))
        #expect(ReplayTestSupport.firstDifference(fromFile.bytes, again.bytes) == nil, "two replays of one file differ")
        #expect(fromFile.summary.contacts == 160)
        #expect(fromFile.summary.outputs[.qualification] == 160)
        #expect(fromFile.summary.outputs[.propertyUpdate] == 160)
        #expect(fromFile.summary.tally.invalid == events.filter { if case .invalid = $0.origin { true } else { false } }.count)
        #expect(fromFile.summary.tally.duplicates == events.filter { $0.origin == .duplicate }.count)
        #expect(fromFile.summary.tally.read == events.count)

        let fourPartitions = try ServiceTestCluster(partitions: 4)
        try fourPartitions.produce(events)
        let large = try ReplayTestSupport.replay(topicSettings(fourPartitions, pollSize: 1000))
        let small = try ReplayTestSupport.replay(topicSettings(fourPartitions, pollSize: 7))
        #expect(ReplayTestSupport.firstDifference(large.bytes, fromFile.bytes) == nil, "a replay from 4 partitions differs from the file replay")
        #expect(ReplayTestSupport.firstDifference(small.bytes, large.bytes) == nil, "poll size 7 and 1000 give different bytes")
        #expect(large.summary.tally == fromFile.summary.tally)

        let onePartition = try ServiceTestCluster(partitions: 1)
        try onePartition.produce(events)
        let single = try ReplayTestSupport.replay(topicSettings(onePartition, pollSize: 250))
        #expect(ReplayTestSupport.firstDifference(single.bytes, fromFile.bytes) == nil, "a replay from 1 partition differs from the file replay")
    }

    @Test func replayLeavesLiveGroupUntouched() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        try environment.produce(Array(Self.events.prefix(500)))
        _ = try ReplayTestSupport.replay(topicSettings(environment, pollSize: 100))

        let reader = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: environment.bootstrapServers,
                                                                                 groupID: "crosshub"))
        defer { try? reader.close() }
        let partitions = InputTopics.defaults.all.flatMap { topic in (0..<2).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) } }
        let committed = try reader.committed(partitions, timeout: .seconds(10))
        #expect(committed.allSatisfy { $0.offset == nil }, "the replay committed offsets for the live group: \(committed)")
        #expect(try environment.readAll(environment.topics.changelog).isEmpty)
    }

    @Test func liveRunAndReplayAgree() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = Self.events
        try environment.produce(events)

        let service = try environment.startService(environment.configuration(group: "live", guarantee: .atLeastOnce),
                                                   decider: QualificationDecider())
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the live run consumed every event", timeout: .seconds(90)) {
            service.metrics.snapshot().totalConsumed == UInt64(events.count)
        }
        try waitUntil("the live run published every contact") { service.contacts.count == 160 }

        let replay = try ReplayTestSupport.replay(topicSettings(environment, pollSize: 500))
        #expect(replay.summary.qualifications.count == 160)
        for replayed in replay.summary.qualifications {
            let live = try #require(service.contacts.lookup(replayed.contactID)?.state.emitted, "no live state for \(replayed.contactID)")
            let emitted = try #require(replayed.emitted)
            #expect(live.score == emitted.score, "score of \(replayed.contactID)")
            #expect(live.status == emitted.status, "status of \(replayed.contactID)")
            #expect(live.nurtureTrack == emitted.nurtureTrack, "track of \(replayed.contactID)")
            #expect(live.components == emitted.components, "components of \(replayed.contactID)")
        }
    }
}
