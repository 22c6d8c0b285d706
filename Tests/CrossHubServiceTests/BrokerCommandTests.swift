import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// `crosshub broker --topics` as a child process: the printed address, the
/// default topics, one record through it and the stop on SIGINT.
@Suite struct BrokerCommandTests {
    @Test func defaultTopicsServeRecords() throws {
        let topics = ServiceTopics.defaults.all
        let child = try ChildProcess(ChildProcess.crosshub, ["broker", "--topics", "--partitions", "3"])
        try waitUntil("the address and every topic on standard output", timeout: .seconds(15)) {
            child.standardOutput.split(separator: "\n").count == 1 + topics.count || !child.process.isRunning
        }
        let lines = child.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 1 + topics.count, "stdout: \(lines), stderr: \(child.standardError)")

        let bootstrapServers = lines[0]
        #expect(bootstrapServers.hasPrefix("127.0.0.1:"), "\(bootstrapServers)")
        #expect(Array(lines.dropFirst()) == topics.map { "topic \($0) partitions=3" })
        #expect(child.standardError.contains("1 broker(s) running at \(bootstrapServers)"), "\(child.standardError)")

        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: bootstrapServers))
        let counts = try admin.partitionCounts(of: topics, timeout: .seconds(10))
        for topic in topics {
            #expect(counts[topic] == .some(3), "\(topic): \(String(describing: counts[topic]))")
        }

        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrapServers))
        try producer.send(KafkaProducerMessage(topic: "marketing.events", partition: 2, key: Array("contact-1".utf8),
                                               value: Array("{\"probe\":1}".utf8)))
        try producer.flush(timeout: .seconds(10))
        let reports = producer.drainDeliveryReports()
        producer.close(timeout: .seconds(5))
        #expect(reports.count == 1)
        #expect(reports.first?.isSuccess == true, "\(reports)")
        #expect(reports.first?.offset == 0)

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: bootstrapServers))
        try consumer.assign([KafkaTopicPartition(topic: "marketing.events", partition: 2): .beginning])
        var received: [KafkaConsumerMessage] = []
        try waitUntil("the record on marketing.events partition 2", timeout: .seconds(10), interval: .milliseconds(1)) {
            received += try consumer.poll(maxMessages: 10, timeout: .milliseconds(100))
            return !received.isEmpty
        }
        try consumer.close()
        #expect(received.count == 1)
        #expect(received.first?.key?.string == "contact-1")
        #expect(received.first?.value?.string == "{\"probe\":1}")
        #expect(received.first?.offset == 0)

        let signalled = ContinuousClock.now
        child.signal(SIGINT)
        let status = try child.waitForExit(timeout: .seconds(10))
        let elapsed = ContinuousClock.now - signalled
        #expect(status == 0, "\(child.standardError)")
        #expect(elapsed < .seconds(3), "exit took \(elapsed)")
        #expect(child.standardError.contains("crosshub broker: stopping on SIGINT"), "\(child.standardError)")
    }
}
