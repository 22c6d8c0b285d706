import Testing
@testable import Kafka

@Test func librdkafkaVersionIsTwo() {
    #expect(librdkafkaVersion.hasPrefix("2."))
}
