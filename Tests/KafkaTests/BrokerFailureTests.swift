import Testing
@testable import Kafka

@Suite struct BrokerFailureTests {
    @Test func messagesSentWhileBrokerDownAreDelivered() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 1)
        // A short reconnect backoff keeps the test fast; librdkafka's default grows to 10 s.
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(
            bootstrapServers: cluster.bootstrapServers, properties: ["reconnect.backoff.max.ms": "200"]))
        try producer.send(KafkaProducerMessage(topic: "events", value: bytes("before")), token: 0)
        try producer.flush(timeout: .seconds(10))
        #expect(producer.drainDeliveryReports().map(\.offset) == [0])

        try cluster.setBrokerDown(1)
        for index in 1...5 {
            try producer.send(KafkaProducerMessage(topic: "events", value: bytes("while down \(index)")), token: UInt64(index))
        }
        var reportsWhileDown: [KafkaDeliveryReport] = []
        let downUntil = ContinuousClock.now + .milliseconds(500)
        while ContinuousClock.now < downUntil {
            reportsWhileDown += producer.poll(timeout: .milliseconds(50))
        }
        #expect(reportsWhileDown.isEmpty)

        try cluster.setBrokerUp(1)
        let reports = try deliveryReports(producer, count: 5).sorted { $0.token < $1.token }
        #expect(reports.map(\.token) == [1, 2, 3, 4, 5])
        #expect(reports.allSatisfy { $0.error == nil })
        #expect(reports.map(\.offset) == [1, 2, 3, 4, 5])

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        try consumer.assign([KafkaTopicPartition(topic: "events", partition: 0): .offset(1)])
        let messages = try consume(consumer, count: 5)
        #expect(messages.map { $0.value.map(Array.init) } == (1...5).map { bytes("while down \($0)") })
        try consumer.close()
        producer.close()
    }

    @Test func unknownTopicFailsDeliveryWithIdentity() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        // The mock creates any topic a Metadata request names, so the topic error simulates a missing topic.
        cluster.setTopicError("no-such-topic", code: .unknownTopicOrPartition)
        var configuration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.allowAutoCreateTopics = false
        configuration.messageTimeout = .seconds(2)
        configuration.properties["topic.metadata.propagation.max.ms"] = "500"
        let producer = try KafkaProducer(configuration: configuration)

        try producer.send(KafkaProducerMessage(topic: "no-such-topic", key: bytes("c-1"), value: bytes("lost?")), token: 41)
        let report = try #require(try deliveryReports(producer, count: 1).first)

        #expect(report.token == 41)
        #expect(report.topic == "no-such-topic")
        #expect(report.offset == nil)
        let error = try #require(report.error)
        #expect(error.code == .unknownTopicOrPartition)
        #expect(error.topic == "no-such-topic")
        #expect(error.message.contains("no-such-topic"))
        producer.close()
    }

    @Test func injectedProduceErrorFailsDeliveryWithIdentity() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 2)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))

        cluster.pushRequestErrors(.produce, [.messageSizeTooLarge])
        try producer.send(KafkaProducerMessage(topic: "events", partition: 1, value: bytes("rejected")), token: 9)
        let report = try #require(try deliveryReports(producer, count: 1).first)

        #expect(report.token == 9)
        #expect(report.topic == "events")
        #expect(report.partition == 1)
        #expect(report.offset == nil)
        #expect(report.error?.code == .messageSizeTooLarge)
        #expect(report.error?.partition == 1)
        producer.close()
    }

    @Test func unreachableBrokerFailsWithClearErrors() throws {
        // Port 1 on loopback has no listener, so every connection is refused at once.
        let recorder = HandlerRecorder()
        let bootstrap = "127.0.0.1:1"

        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: bootstrap), handlers: recorder.handlers)
        let metadataError = try #require(throws: KafkaError.self) { try admin.listTopics(timeout: .seconds(1)) }
        #expect(metadataError.message.contains("bootstrap.servers=127.0.0.1:1"))
        #expect(metadataError.isRetriable)

        var configuration = KafkaProducerConfiguration(bootstrapServers: bootstrap)
        configuration.messageTimeout = .seconds(1)
        let producer = try KafkaProducer(configuration: configuration, handlers: recorder.handlers)
        try producer.send(KafkaProducerMessage(topic: "events", value: bytes("undeliverable")), token: 5)
        let report = try #require(try deliveryReports(producer, count: 1).first)
        #expect(report.token == 5)
        #expect(report.error?.code == .messageTimedOut)

        try waitUntil("the error handler to hear that all brokers are down") {
            _ = producer.poll(timeout: .milliseconds(50))
            return recorder.errors.contains { $0.code == .allBrokersDown }
        }
        producer.close(timeout: .seconds(1))
    }
}
