import Testing
@testable import Kafka

@Suite struct AdminClientTests {
    @Test func listTopicsReportsPartitionCounts() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 3)
        try cluster.createTopic("marketing.events", partitions: 3)
        try cluster.createTopic("crosshub.contact-state", partitions: 5, replicationFactor: 3)
        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: cluster.bootstrapServers))

        let topics = try admin.listTopics(timeout: .seconds(10))
        #expect(topics.map(\.name) == ["crosshub.contact-state", "marketing.events"])
        #expect(topics.map(\.partitionCount) == [5, 3])
        #expect(topics[0].partitions.allSatisfy { $0.replicas.count == 3 })

        let counts = try admin.partitionCounts(of: ["marketing.events", "missing"], timeout: .seconds(10))
        #expect(counts["marketing.events"] == .some(3))
        #expect(counts["missing"] == .some(nil))
        // Asking about a missing topic must not create it.
        #expect(try admin.listTopics(timeout: .seconds(10)).map(\.name) == ["crosshub.contact-state", "marketing.events"])
    }

    @Test func createTopicsOnEmbeddedBrokerNamesAlternative() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: cluster.bootstrapServers))

        let error = try #require(throws: KafkaError.self) {
            try admin.createTopics([KafkaNewTopic(name: "crosshub.contact-state", partitions: 4,
                                                  configs: ["cleanup.policy": "compact"])],
                                   timeout: .seconds(5))
        }
        #expect(error.kind == .unsupportedByBroker)
        #expect(error.message.contains("CreateTopics"))
        #expect(error.message.contains("EmbeddedKafkaCluster.createTopic"))

        let deleteError = try #require(throws: KafkaError.self) {
            try admin.deleteTopics(["crosshub.contact-state"], timeout: .seconds(5))
        }
        #expect(deleteError.kind == .unsupportedByBroker)
    }

    @Test func invalidNewTopicIsRejectedLocally() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: cluster.bootstrapServers))
        let error = try #require(throws: KafkaError.self) {
            try admin.createTopics([KafkaNewTopic(name: "bad", partitions: 0)], timeout: .seconds(5))
        }
        #expect(error.kind == .invalidArgument)
        #expect(error.message.contains("'bad'"))
    }

    @Test func brokerDefaultReplicationPassesLocalChecks() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: cluster.bootstrapServers))
        let topic = KafkaNewTopic(name: "crosshub.tasks", partitions: 4,
                                  replicationFactor: KafkaNewTopic.brokerDefaultReplicationFactor)
        let error = try #require(throws: KafkaError.self) {
            try admin.createTopics([topic], timeout: .seconds(5))
        }
        // The local checks accept -1, so the request reaches the broker check.
        #expect(error.kind == .unsupportedByBroker)

        let invalid = try #require(throws: KafkaError.self) {
            try admin.createTopics([KafkaNewTopic(name: "bad", partitions: 1, replicationFactor: -2)], timeout: .seconds(5))
        }
        #expect(invalid.kind == .invalidArgument)
    }
}
