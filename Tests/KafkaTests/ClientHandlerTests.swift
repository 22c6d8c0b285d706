import Foundation
import Testing
@testable import Kafka

@Suite struct ClientHandlerTests {
    @Test func statisticsArriveOnPollingThread() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let statistics = Locked<[(json: String, thread: pthread_t)]>([])
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.statisticsInterval = .seconds(1)
        let consumer = try KafkaConsumer(
            configuration: configuration,
            handlers: KafkaClientHandlers(statistics: { json in statistics.withLock { $0.append((json, pthread_self())) } }))
        try consumer.assign([KafkaTopicPartition(topic: "events", partition: 0): .beginning])

        let pollingThread = pthread_self()
        try waitUntil("a statistics report") {
            _ = try consumer.poll(timeout: .milliseconds(100))
            return !statistics.withLock { $0 }.isEmpty
        }
        let first = try #require(statistics.withLock { $0 }.first)
        #expect(pthread_equal(first.thread, pollingThread) != 0)

        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == consumer.name)
        #expect(object["type"] as? String == "consumer")
        try consumer.close()
    }

    @Test func librdkafkaLogsArriveWithLevel() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let records = Locked<[(record: KafkaLogRecord, thread: pthread_t)]>([])
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers, properties: ["debug": "msg"]),
            handlers: KafkaClientHandlers(log: { record in records.withLock { $0.append((record, pthread_self())) } }))
        try producer.send(KafkaProducerMessage(topic: "events", value: bytes("logged")))
        try producer.flush(timeout: .seconds(10))

        // librdkafka's lines come from the client's log thread, the wrapper's own from the calling thread.
        let callingThread = pthread_self()
        try waitUntil("librdkafka's debug lines") {
            records.withLock { $0 }.contains { $0.record.level == .debug && $0.record.facility != "SWIFT" }
        }
        let logged = records.withLock { $0 }
        let debugLines = logged.filter { $0.record.level == .debug && $0.record.facility != "SWIFT" }
        #expect(debugLines.allSatisfy { $0.record.clientName == producer.name })
        #expect(debugLines.allSatisfy { pthread_equal($0.thread, callingThread) == 0 })
        let started = try #require(logged.first { $0.record.facility == "SWIFT" && $0.record.message.contains("producer started") })
        #expect(pthread_equal(started.thread, callingThread) != 0)
        producer.close()
    }
}
