import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct BatchProcessorTests {
    private func processor() -> BatchProcessor {
        var processor = BatchProcessor(topics: .defaults, maxEventBytes: 65_536, scorer: .default,
                                       decider: QualificationOnlyDecider())
        processor.install(PartitionState(partition: 0))
        return processor
    }

    private func message(_ offset: Int64, contact: String, eventID: String) -> KafkaConsumerMessage {
        let json = #"{"event_id":"\#(eventID)","contact_id":"\#(contact)","type":"marketing.form_submitted","occurred_at":"2026-02-01T10:00:00Z","data":{"form_id":"demo"}}"#
        return KafkaConsumerMessage(topic: "marketing.events", partition: 0, offset: offset,
                                    key: KafkaBytes(Array(contact.utf8)), value: KafkaBytes(Array(json.utf8)))
    }

    @Test func undoRestoresPriorStates() throws {
        var processor = processor()
        _ = try processor.add(message(0, contact: "c-1", eventID: "e-0"), polledAt: .now, now: Date())
        _ = processor.prepareCommit()
        _ = processor.completeCommit()
        let committed = try #require(processor.partitions[0]?["c-1"])

        _ = try processor.add(message(1, contact: "c-1", eventID: "e-1"), polledAt: .now, now: Date())
        _ = try processor.add(message(2, contact: "c-2", eventID: "e-2"), polledAt: .now, now: Date())
        let prepared = processor.prepareCommit()
        #expect(prepared.changelogCount == 2)
        #expect(prepared.offsets == [KafkaTopicPartitionOffset(topic: "marketing.events", partition: 0, offset: 3)])

        let rewind = processor.undo()
        #expect(rewind == [KafkaTopicPartitionOffset(topic: "marketing.events", partition: 0, offset: 1)])
        #expect(processor.partitions[0]?["c-1"] == committed)
        #expect(processor.partitions[0]?["c-2"] == nil)
        #expect(processor.batch.isEmpty)
        #expect(processor.partitions[0]?.statusCounts.values.reduce(0, +) == 1)
    }

    @Test func duplicateOnlyContactGetsNoOutputs() throws {
        var processor = processor()
        _ = try processor.add(message(0, contact: "c-1", eventID: "e-0"), polledAt: .now, now: Date())
        _ = processor.prepareCommit()
        _ = processor.completeCommit()

        let outcome = try processor.add(message(1, contact: "c-1", eventID: "e-0"), polledAt: .now, now: Date())
        #expect(outcome == .duplicate(.duplicateEventID))
        let prepared = processor.prepareCommit()
        #expect(prepared.outputCount == 0)
        // The duplicate's offset is recorded, so the snapshot changes.
        #expect(prepared.changelogCount == 1)
        #expect(processor.batch.tally.outcomes["marketing.events"]?[.duplicate] == 1)
    }

    @Test func recordOfUnknownPartitionIsRejected() throws {
        var processor = processor()
        let stray = KafkaConsumerMessage(topic: "marketing.events", partition: 3, offset: 0,
                                         key: KafkaBytes(Array("c-1".utf8)), value: KafkaBytes([]))
        #expect(throws: BatchProcessor.UnknownPartition.self) {
            try processor.add(stray, polledAt: .now, now: Date())
        }
        #expect(processor.batch.isEmpty)
    }
}
