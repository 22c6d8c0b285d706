import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct InputPartitionTests {
    private func event(_ id: String, contact: String) -> [UInt8] {
        Array(#"{"event_id":"\#(id)","contact_id":"\#(contact)","type":"marketing.page_viewed","occurred_at":"2026-02-01T10:00:00Z","data":{"url":"https://example.com/pricing"}}"#.utf8)
    }

    @Test(arguments: [InputPartitioner.murmur2, .any])
    func recordOutsideKeyPartition(partitioner: InputPartitioner) throws {
        let environment = try ServiceTestCluster(partitions: 4)
        let topic = environment.topics.inputs.marketing
        let key = Array("c-1".utf8)
        let expected = KafkaPartitioner.partition(forKey: key, partitionCount: 4)
        let wrong = (expected + 1) % 4
        try environment.produceRaw(topic: topic, key: key, value: event("e-1", contact: "c-1"), partition: expected)
        try environment.produceRaw(topic: topic, key: key, value: event("e-2", contact: "c-1"), partition: wrong)

        var configuration = environment.configuration(group: "partitioner-\(partitioner.rawValue)", guarantee: .atLeastOnce)
        configuration.inputPartitioner = partitioner
        let service = try environment.startService(configuration)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("both records committed") { service.metrics.snapshot().totalConsumed == 2 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) + metrics.total(.duplicate) + metrics.total(.deadLettered) == 2)
        let letters = try environment.readAll(environment.topics.deadLetters)
        switch partitioner {
        case .murmur2:
            #expect(metrics.total(.folded) == 1)
            #expect(metrics.total(.deadLettered) == 1)
            #expect(metrics.deadLettersByCode["partition_mismatch"] == 1)
            let letter = try #require(letters.first)
            #expect(letter.header(DeadLetter.codeHeader) == Array("partition_mismatch".utf8))
            #expect(letter.header(DeadLetter.partitionHeader) == Array(String(wrong).utf8))
            let message = letter.header(DeadLetter.messageHeader).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(message.contains("partition \(expected) of 4"), "\(message)")
            #expect(message.contains("record is in partition \(wrong)"), "\(message)")
            #expect(message.contains("-X topic.partitioner=murmur2_random"), "\(message)")
            #expect(service.contacts.lookup("c-1")?.state.foldedEventCount == 1)
        case .any:
            #expect(metrics.total(.folded) == 2)
            #expect(letters.isEmpty)
        }
    }

    @Test func murmur2OfBufferMatchesJavaVector() {
        // The Java client's Utils.murmur2 maps "21" to -973932308; the service hashes keys as raw buffers.
        let hash = Array("21".utf8).withUnsafeBytes { KafkaPartitioner.murmur2($0) }
        #expect(hash == -973_932_308)
    }
}
