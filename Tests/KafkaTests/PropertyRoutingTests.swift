import CRdKafka
import Testing
@testable import Kafka

/// Routing of pass-through properties to the client kinds that accept them.
@Suite struct PropertyRoutingTests {
    let mixed: KafkaConfiguration = [
        "security.protocol": "plaintext",
        "fetch.min.bytes": "10",
        "session.timeout.ms": "7000",
        "linger.ms": "3",
        "consumer.client.rack": "rack-a",
        "producer.client.rack": "rack-b",
        "producer.linger.ms": "9",
    ]

    @Test func consumerTakesItsShare() {
        let properties = KafkaConsumerConfiguration(bootstrapServers: "127.0.0.1:9092", properties: mixed).librdkafkaProperties
        #expect(properties["security.protocol"] == "plaintext")
        #expect(properties["fetch.min.bytes"] == "10")
        #expect(properties["session.timeout.ms"] == "7000")
        #expect(properties["client.rack"] == "rack-a")
        #expect(properties["linger.ms"] == nil)
        #expect(properties["consumer.client.rack"] == nil)
        #expect(properties["producer.linger.ms"] == nil)
    }

    @Test func producerTakesItsShare() {
        let properties = KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:9092", properties: mixed).librdkafkaProperties
        #expect(properties["security.protocol"] == "plaintext")
        #expect(properties["linger.ms"] == "9")
        #expect(properties["client.rack"] == "rack-b")
        #expect(properties["fetch.min.bytes"] == nil)
        #expect(properties["session.timeout.ms"] == nil)
    }

    @Test func adminTakesProducerShare() {
        let properties = KafkaAdminConfiguration(bootstrapServers: "127.0.0.1:9092", properties: mixed).librdkafkaProperties
        #expect(properties["linger.ms"] == "9")
        #expect(properties["fetch.min.bytes"] == nil)
    }

    @Test func unknownKeyIsKeptForLibrdkafka() throws {
        let properties: KafkaConfiguration = ["no.such.property": "1", "consumer.no.such.property": "2"]
        #expect(properties.applicable(to: .producer)["no.such.property"] == "1")
        #expect(properties.applicable(to: .consumer)["no.such.property"] == "2")
        let error = try #require(throws: KafkaError.self) { try properties.validate() }
        #expect(error.message.contains("'no.such.property'"))
    }

    @Test func validateAcceptsPrefixes() throws {
        try mixed.validate()
    }

    @Test func clientsLogNoConfigurationWarning() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let recorder = HandlerRecorder()
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers, properties: mixed),
            handlers: recorder.handlers)
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "routing", properties: mixed),
            handlers: recorder.handlers)

        // A producer handle given a consumer property without routing shows
        // that the warning is observable, and when it arrives.
        let controlRecorder = HandlerRecorder()
        let control = try RDClient(type: RD_KAFKA_PRODUCER,
                                   configuration: ["bootstrap.servers": cluster.bootstrapServers, "fetch.min.bytes": "10"],
                                   handlers: controlRecorder.handlers)
        try waitUntil("the unrouted producer's CONFWARN") {
            control.pollMainQueue(timeoutMilliseconds: 10)
            return controlRecorder.logs.contains { $0.facility == "CONFWARN" && $0.message.contains("fetch.min.bytes") }
        }

        _ = producer.poll(timeout: .milliseconds(10))
        _ = try consumer.poll(maxMessages: 1, timeout: .milliseconds(10))
        let warnings = recorder.logs.filter { $0.facility == "CONFWARN" }
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        try consumer.close()
        producer.close(timeout: .seconds(5))
    }
}
