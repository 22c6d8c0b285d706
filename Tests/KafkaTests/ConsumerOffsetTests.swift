import Testing
@testable import Kafka

@Suite struct ConsumerOffsetTests {
    /// Produces `count` messages to partition 0 of `topic`, message i with timestamp (i + 1) * 1000 ms.
    private func fill(_ cluster: EmbeddedKafkaCluster, topic: String, count: Int) throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for index in 0..<count {
            try producer.send(KafkaProducerMessage(topic: topic, partition: 0, value: bytes("m\(index)"),
                                                   timestampMilliseconds: Int64(index + 1) * 1000))
        }
        try producer.flush(timeout: .seconds(10))
        #expect(producer.drainDeliveryReports().allSatisfy { $0.error == nil })
        producer.close()
    }

    @Test func storeCommitAndCommittedAgree() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        try fill(cluster, topic: "events", count: 10)
        let partition = KafkaTopicPartition(topic: "events", partition: 0)

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(
            bootstrapServers: cluster.bootstrapServers, groupID: "offsets"))
        try consumer.assign([partition: .beginning])
        let messages = try consume(consumer, count: 10)
        #expect(messages.map(\.offset) == Array(0..<10))
        #expect(try consumer.position([partition]) == [KafkaTopicPartitionOffset(partition, offset: 10)])

        try consumer.storeOffsets([messages[4].nextOffset])
        try consumer.commit()
        #expect(try consumer.committed([partition], timeout: .seconds(10)) == [KafkaTopicPartitionOffset(partition, offset: 5)])
        // Nothing was stored since the last commit, so this commits nothing and does not fail.
        try consumer.commit()

        let results = Locked<[Result<[KafkaTopicPartitionOffset], KafkaError>]>([])
        consumer.setOffsetCommitHandler { result in results.withLock { $0.append(result) } }
        try consumer.commitAsync([KafkaTopicPartitionOffset(partition, offset: 7)])
        try waitUntil("the asynchronous commit result") {
            _ = try consumer.poll(timeout: .milliseconds(50))
            return !results.withLock { $0 }.isEmpty
        }
        let result = try #require(results.withLock { $0 }.first)
        #expect(try result.get() == [KafkaTopicPartitionOffset(partition, offset: 7)])
        #expect(try consumer.committed([partition], timeout: .seconds(10)) == [KafkaTopicPartitionOffset(partition, offset: 7)])

        let unassigned = KafkaTopicPartition(topic: "events", partition: 5)
        #expect(throws: KafkaError.self) { try consumer.storeOffsets([KafkaTopicPartitionOffset(unassigned, offset: 1)]) }
        try consumer.close()
    }

    @Test func seekRewindsAndSkipsToEnd() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        try fill(cluster, topic: "events", count: 10)
        let partition = KafkaTopicPartition(topic: "events", partition: 0)

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer.assign([partition: .beginning])
        _ = try consume(consumer, count: 10)

        try consumer.seek([KafkaTopicPartitionOffset(partition, offset: 3)], timeout: .seconds(10))
        let rewound = try consume(consumer, count: 7)
        #expect(rewound.map(\.offset) == Array(3..<10))

        // A rewind followed by a seek to the end reads nothing of the rewound range.
        try consumer.seek([KafkaTopicPartitionOffset(partition, offset: 0)], timeout: .seconds(10))
        try consumer.seek(to: [partition: .end], timeout: .seconds(10))
        #expect(try messagesDuring(.milliseconds(700), from: consumer).isEmpty)

        #expect(try consumer.queryWatermarks(partition, timeout: .seconds(10)) == KafkaWatermarks(low: 0, high: 10))
        #expect(try consumer.cachedWatermarks(partition).high == 10)
        try consumer.close()
    }

    @Test func timestampStartWithoutMatchReadsFromEnd() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        try fill(cluster, topic: "events", count: 10)
        let partition = KafkaTopicPartition(topic: "events", partition: 0)

        // NOTE: librdkafka 2.0.2's mock cluster does not look offsets up by
        // timestamp and finds none for any time, so only the no-match path
        // (start at the end) runs here; a match needs Apache Kafka.
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        let offsets = try consumer.offsetsForTimes([partition: 5_500], timeout: .seconds(10))
        #expect(offsets[partition] == .some(nil))

        // Starting at the end, the consumer reads none of the ten existing messages.
        try consumer.assign([partition: .timestamp(milliseconds: 5_500)])
        #expect(try messagesDuring(.milliseconds(1500), from: consumer).isEmpty)
        try consumer.close()
    }

    @Test func pauseStopsFetchingUntilResume() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        let partition = KafkaTopicPartition(topic: "events", partition: 0)
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer.assign([partition: .beginning])
        _ = try consumer.poll(timeout: .milliseconds(200))

        try consumer.pause([partition])
        try fill(cluster, topic: "events", count: 3)
        #expect(try messagesDuring(.milliseconds(700), from: consumer).isEmpty)

        try consumer.resume([partition])
        #expect(try consume(consumer, count: 3).map(\.offset) == [0, 1, 2])
        try consumer.close()
    }

    @Test func closedConsumerRejectsCalls() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer.close()
        try consumer.close()
        let error = try #require(throws: KafkaError.self) { _ = try consumer.poll(timeout: .zero) }
        #expect(error.kind == .clientClosed)
    }
}
