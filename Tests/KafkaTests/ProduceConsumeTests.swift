import Testing
@testable import Kafka

@Suite struct ProduceConsumeTests {
    @Test func roundTripKeepsKeysHeadersAndPartitions() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("orders", partitions: 3)

        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        let sent = [
            KafkaProducerMessage(topic: "orders", partition: 0, key: bytes("c-1"), value: bytes("first"),
                                 headers: [KafkaHeader(key: "source", string: "crm"), KafkaHeader(key: "empty", value: nil)]),
            KafkaProducerMessage(topic: "orders", partition: 2, key: bytes("c-2"), value: bytes("second"),
                                 timestampMilliseconds: 1_700_000_000_000),
            KafkaProducerMessage(topic: "orders", partition: 2, key: nil, value: nil),
            KafkaProducerMessage(topic: "orders", partition: 1, key: [], value: []),
        ]
        for (index, message) in sent.enumerated() {
            try producer.send(message, token: UInt64(100 + index))
        }
        try producer.flush(timeout: .seconds(10))
        let reports = producer.drainDeliveryReports().sorted { $0.token < $1.token }

        #expect(reports.map(\.token) == [100, 101, 102, 103])
        #expect(reports.allSatisfy { $0.error == nil })
        #expect(reports.map(\.partition) == [0, 2, 2, 1])
        #expect(reports.map(\.offset) == [0, 0, 1, 0])

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer.assign([
            KafkaTopicPartition(topic: "orders", partition: 0): .beginning,
            KafkaTopicPartition(topic: "orders", partition: 1): .beginning,
            KafkaTopicPartition(topic: "orders", partition: 2): .offset(0),
        ])
        let received = try consume(consumer, count: 4)
        let byKey = Dictionary(grouping: received) { $0.partition }

        let first = try #require(byKey[0]?.first)
        #expect(first.topic == "orders")
        #expect(first.offset == 0)
        #expect(first.key.map(Array.init) == bytes("c-1"))
        #expect(first.value.map(Array.init) == bytes("first"))
        #expect(first.headers == [KafkaHeader(key: "source", string: "crm"), KafkaHeader(key: "empty", value: nil)])
        #expect(first.header("source") == bytes("crm"))
        #expect(first.timestamp?.kind == .createTime)

        let second = try #require(byKey[2]?.first { $0.offset == 0 })
        #expect(second.key.map(Array.init) == bytes("c-2"))
        #expect(second.timestamp == KafkaTimestamp(kind: .createTime, milliseconds: 1_700_000_000_000))
        #expect(second.headers.isEmpty)

        let tombstone = try #require(byKey[2]?.first { $0.offset == 1 })
        #expect(tombstone.key == nil)
        #expect(tombstone.value == nil)

        let empty = try #require(byKey[1]?.first)
        #expect(empty.key.map(Array.init) == [])
        #expect(empty.value.map(Array.init) == [])

        try consumer.close()
        producer.close()
    }

    @Test func partitionerSpreadsKeysLikeJavaClient() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("contacts", partitions: 6)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))

        // Partitions of the Java client's default partitioner, toPositive(Utils.murmur2(key)) % 6,
        // computed with a separate port of Kafka's murmur2 (which maps "21" to -973932308).
        let expected: [(key: String, partition: Int32)] = [("contact-1", 2), ("contact-2", 5), ("contact-3", 3)]
        for (index, entry) in expected.enumerated() {
            try producer.send(KafkaProducerMessage(topic: "contacts", key: bytes(entry.key), value: bytes("v")),
                              token: UInt64(index))
        }
        try producer.flush(timeout: .seconds(10))
        let reports = producer.drainDeliveryReports().sorted { $0.token < $1.token }
        #expect(reports.count == expected.count)
        for (report, entry) in zip(reports, expected) {
            #expect(report.partition == entry.partition, "key \(entry.key)")
        }
        producer.close()
    }
}
