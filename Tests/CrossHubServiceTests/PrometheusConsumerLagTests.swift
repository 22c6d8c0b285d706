import Foundation
import Kafka
import Synchronization
import Testing
@testable import CrossHubService

/// Reads consumer lag from librdkafka's statistics JSON: a hand-written
/// document in the documented shape, and live statistics from the embedded broker.
@Suite struct PrometheusConsumerLagTests {
    static let document = """
        {"name": "rdkafka#consumer-1", "type": "consumer", "topics": {
          "sales.events": {"topic": "sales.events", "partitions": {
            "0": {"partition": 0, "fetch_state": "active", "app_offset": 90, "committed_offset": 80,
                  "hi_offset": 100, "ls_offset": 98, "consumer_lag": 18, "consumer_lag_stored": 8},
            "1": {"partition": 1, "fetch_state": "none", "app_offset": -1001, "committed_offset": -1001,
                  "hi_offset": -1001, "ls_offset": -1001, "consumer_lag": -1, "consumer_lag_stored": -1},
            "-1": {"partition": -1, "fetch_state": "none", "consumer_lag": -1}}},
          "marketing.events": {"topic": "marketing.events", "partitions": {
            "10": {"partition": 10, "fetch_state": "active", "app_offset": 5, "committed_offset": 5,
                   "hi_offset": 5, "ls_offset": 5, "consumer_lag": 0, "consumer_lag_stored": 0},
            "2": {"partition": 2, "fetch_state": "offset-query", "app_offset": -1001, "committed_offset": 3,
                  "hi_offset": 9, "ls_offset": 9, "consumer_lag": 6}}}}}
        """

    @Test func partitionsSkipUnassignedEntry() throws {
        let partitions = try KafkaStatistics.partitions(fromJSON: Self.document)

        #expect(partitions.map { "\($0.topic)[\($0.partition)]" }
            == ["marketing.events[2]", "marketing.events[10]", "sales.events[0]", "sales.events[1]"])
        let sales = try #require(partitions.first { $0.topic == "sales.events" && $0.partition == 0 })
        #expect(sales.consumerLag == 18)
        #expect(sales.consumerLagStored == 8)
        #expect(sales.committedOffset == 80)
        #expect(sales.applicationOffset == 90)
        #expect(sales.highWatermark == 100)
        #expect(sales.lastStableOffset == 98)
        #expect(sales.fetchState == "active")
        #expect(sales.positionLag(readCommitted: true) == 8)
        #expect(sales.positionLag(readCommitted: false) == 10)

        let idle = try #require(partitions.first { $0.topic == "sales.events" && $0.partition == 1 })
        #expect(idle.consumerLag == nil)
        #expect(idle.committedOffset == nil)
        #expect(idle.positionLag(readCommitted: true) == nil)
    }

    @Test func consumerLagKeepsFetchedPartitions() throws {
        let committed = try KafkaStatistics.consumerLag(fromJSON: Self.document)
        #expect(committed == [ConsumerLag(topic: "marketing.events", partition: 2, messages: 6),
                              ConsumerLag(topic: "marketing.events", partition: 10, messages: 0),
                              ConsumerLag(topic: "sales.events", partition: 0, messages: 18)])

        // Nothing of partition 2 was consumed since its assignment, so its committed lag is used.
        let positions = try KafkaStatistics.consumerLag(fromJSON: Self.document, positionBased: true)
        #expect(positions == [ConsumerLag(topic: "marketing.events", partition: 2, messages: 6),
                              ConsumerLag(topic: "marketing.events", partition: 10, messages: 0),
                              ConsumerLag(topic: "sales.events", partition: 0, messages: 8)])
    }

    @Test func malformedStatisticsAreRejected() throws {
        #expect(throws: KafkaStatisticsError.self) { try KafkaStatistics.partitions(fromJSON: "{") }
        #expect(throws: KafkaStatisticsError.unexpectedShape("'topics' is not an object")) {
            try KafkaStatistics.partitions(fromJSON: #"{"topics": []}"#)
        }
        #expect(throws: KafkaStatisticsError.self) {
            try KafkaStatistics.partitions(fromJSON: #"{"topics": {"t": {"partitions": {"x": {}}}}}"#)
        }
        #expect(try KafkaStatistics.partitions(fromJSON: #"{"type": "producer"}"#) == [])
    }

    @Test func liveStatisticsReportCommittedLag() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("events", partitions: 2)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for index in 0..<14 {
            try producer.send(KafkaProducerMessage(topic: "events", partition: index < 10 ? 0 : 1, value: Array("m\(index)".utf8)))
        }
        try producer.flush(timeout: .seconds(10))
        producer.close()

        let latest = Mutex<String?>(nil)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "lag")
        configuration.statisticsInterval = .milliseconds(100)
        let consumer = try KafkaConsumer(configuration: configuration,
                                         handlers: KafkaClientHandlers(statistics: { json in latest.withLock { $0 = json } }))
        let first = KafkaTopicPartition(topic: "events", partition: 0)
        let second = KafkaTopicPartition(topic: "events", partition: 1)
        try consumer.assign([first: .beginning, second: .beginning])

        var messages: [KafkaConsumerMessage] = []
        #expect(waitUntil(timeout: 15) {
            messages += (try? consumer.poll(maxMessages: 100, timeout: .milliseconds(50))) ?? []
            return messages.count == 14
        })
        let lastOfFirst = try #require(messages.first { $0.partition == 0 && $0.offset == 5 })
        let lastOfSecond = try #require(messages.first { $0.partition == 1 && $0.offset == 3 })
        try consumer.commit([lastOfFirst.nextOffset, lastOfSecond.nextOffset])

        var lags: [ConsumerLag] = []
        let expected = [ConsumerLag(topic: "events", partition: 0, messages: 4), ConsumerLag(topic: "events", partition: 1, messages: 0)]
        let reported = waitUntil(timeout: 15) {
            _ = try? consumer.poll(timeout: .milliseconds(50))
            lags = latest.withLock { $0 }.flatMap { try? KafkaStatistics.consumerLag(fromJSON: $0) } ?? []
            return lags == expected
        }
        #expect(reported, "last lag read: \(lags)")

        let positions = try KafkaStatistics.consumerLag(fromJSON: try #require(latest.withLock { $0 }), positionBased: true)
        #expect(positions == [ConsumerLag(topic: "events", partition: 0, messages: 0), ConsumerLag(topic: "events", partition: 1, messages: 0)])
        try consumer.close()
    }
}
