import Foundation
import Testing
@testable import Kafka

@Suite struct KafkaBytesTests {
    @Test func collectionAndConversions() {
        let bytes = KafkaBytes(Array("héllo".utf8))
        #expect(bytes.count == 6)
        #expect(bytes.first == UInt8(ascii: "h"))
        #expect(bytes[5] == UInt8(ascii: "o"))
        #expect(Array(bytes) == Array("héllo".utf8))
        #expect(bytes.string == "héllo")
        #expect(bytes.data == Data("héllo".utf8))
        #expect(KafkaBytes([]).isEmpty)
    }

    @Test func equalityComparesContent() {
        #expect(KafkaBytes([1, 2, 3]) == KafkaBytes([1, 2, 3]))
        #expect(KafkaBytes([1, 2, 3]) != KafkaBytes([1, 2, 4]))
        #expect(KafkaBytes([1, 2]) != KafkaBytes([1, 2, 3]))
        #expect(KafkaBytes([]) == KafkaBytes([]))
        #expect(Set([KafkaBytes([7]), KafkaBytes([7]), KafkaBytes([8])]).count == 2)
    }

    @Test func viewsOfOneBatchStayValidAfterClose() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for index in 0..<50 {
            try producer.send(KafkaProducerMessage(topic: "events", key: bytes("k\(index)"), value: bytes("value \(index)")))
        }
        try producer.flush(timeout: .seconds(10))
        producer.close()

        var consumer: KafkaConsumer? = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer?.assign([KafkaTopicPartition(topic: "events", partition: 0): .beginning])
        let messages = try consume(consumer!, count: 50)
        try consumer?.close()
        consumer = nil

        // The views of every message read their own slice of the shared buffer.
        for (index, message) in messages.enumerated() {
            #expect(message.key?.string == "k\(index)")
            #expect(message.value?.string == "value \(index)")
        }
    }
}
