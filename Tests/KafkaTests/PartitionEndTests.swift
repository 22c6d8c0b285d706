import Testing
@testable import Kafka

@Suite struct PartitionEndTests {
    private func endConsumer(_ cluster: EmbeddedKafkaCluster, isolation: KafkaConsumerConfiguration.IsolationLevel) throws -> KafkaConsumer {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers,
                                                       properties: ["enable.partition.eof": "true"])
        configuration.isolationLevel = isolation
        return try KafkaConsumer(configuration: configuration)
    }

    /// Polls until every partition in `partitions` reported its end, returning the messages and the ends.
    private func readToEnd(_ consumer: KafkaConsumer, _ partitions: Set<KafkaTopicPartition>) throws
        -> (messages: [KafkaConsumerMessage], ends: [KafkaTopicPartition: Int64]) {
        var messages: [KafkaConsumerMessage] = []
        var ends: [KafkaTopicPartition: Int64] = [:]
        try waitUntil("the end of \(partitions.count) partitions") {
            let batch = try consumer.pollBatch(maxMessages: 100, timeout: .milliseconds(100))
            messages += batch.messages
            for end in batch.partitionEnds { ends[end.topicPartition] = end.offset }
            return Set(ends.keys) == partitions
        }
        return (messages, ends)
    }

    @Test func endOfPartitionFollowsLastMessage() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("changes", partitions: 2)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for index in 0..<5 {
            try producer.send(KafkaProducerMessage(topic: "changes", partition: 0, value: bytes("m\(index)")))
        }
        try producer.flush(timeout: .seconds(10))
        producer.close()

        let consumer = try endConsumer(cluster, isolation: .readCommitted)
        let first = KafkaTopicPartition(topic: "changes", partition: 0)
        let empty = KafkaTopicPartition(topic: "changes", partition: 1)
        try consumer.assign([first: .beginning, empty: .beginning])

        let (messages, ends) = try readToEnd(consumer, [first, empty])
        #expect(messages.map(\.offset) == [0, 1, 2, 3, 4])
        #expect(ends[first] == 5)
        #expect(ends[empty] == 0)
        try consumer.close()
    }

    @Test func endOfPartitionAfterCommittedTransaction() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("changes", partitions: 1)
        let producer = try transactionalProducer(cluster)
        try producer.beginTransaction()
        for index in 0..<3 {
            try producer.send(KafkaProducerMessage(topic: "changes", partition: 0, value: bytes("t\(index)")))
        }
        try producer.commitTransaction(timeout: .seconds(10))
        producer.close()

        let consumer = try endConsumer(cluster, isolation: .readCommitted)
        let partition = KafkaTopicPartition(topic: "changes", partition: 0)
        try consumer.assign([partition: .beginning])

        let (messages, ends) = try readToEnd(consumer, [partition])
        #expect(messages.map { $0.value.map(Array.init) } == (0..<3).map { bytes("t\($0)") })
        // Apache Kafka puts the end after the commit marker (4); the embedded
        // broker writes no marker, so there it is 3. Either is past the records.
        let end = try #require(ends[partition])
        #expect(end >= 3)
        try consumer.close()
    }

    @Test func plainPollDropsPartitionEnds() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("changes", partitions: 1)
        let consumer = try endConsumer(cluster, isolation: .readUncommitted)
        try consumer.assign([KafkaTopicPartition(topic: "changes", partition: 0): .beginning])
        let messages = try messagesDuring(.milliseconds(500), from: consumer)
        #expect(messages.isEmpty)
        try consumer.close()
    }
}
