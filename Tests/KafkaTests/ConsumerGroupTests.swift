import Foundation
import Testing
@testable import Kafka

/// What one group member's rebalance handler observed, in order.
final class RebalanceLog {
    struct Entry: Equatable {
        let event: KafkaRebalanceEvent
        /// The consumer's assignment when the handler ran, before librdkafka applied the change.
        let assignmentDuringHandler: [KafkaTopicPartition]
    }

    var entries: [Entry] = []
    /// When set, the handler commits this offset for every revoked partition, as a service does before handing partitions over.
    var offsetCommittedOnRevoke: Int64?

    var handler: KafkaConsumer.RebalanceHandler {
        { [self] consumer, event in
            entries.append(Entry(event: event, assignmentDuringHandler: try consumer.assignment()))
            if case .revoked(let partitions, _) = event, let offset = offsetCommittedOnRevoke {
                try consumer.commit(partitions.map { KafkaTopicPartitionOffset($0, offset: offset) })
            }
        }
    }

    var kinds: [String] { entries.map(\.event.kindName) }
}

@Suite struct ConsumerGroupTests {
    @Test func groupMembersShareCoPartitionedTopics() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        let topics = ["marketing.events", "sales.events"]
        for topic in topics { try cluster.createTopic(topic, partitions: 4) }

        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "scorers")
        // The mock coordinator waits the session timeout minus 1 s for members
        // to rejoin a rebalance, so a short session keeps the test fast.
        configuration.sessionTimeout = .seconds(6)
        configuration.properties["heartbeat.interval.ms"] = "500"
        let first = try KafkaConsumer(configuration: configuration)
        let second = try KafkaConsumer(configuration: configuration)
        let firstLog = RebalanceLog()
        let secondLog = RebalanceLog()
        secondLog.offsetCommittedOnRevoke = 42
        let all = topics.flatMap { topic in (0..<4).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) } }.sorted()

        try first.subscribe(topics: topics, rebalanceHandler: firstLog.handler)
        try waitUntil("the first member to own all partitions", interval: .zero) {
            _ = try first.poll(timeout: .milliseconds(50))
            return try first.assignment() == all
        }

        try second.subscribe(topics: topics, rebalanceHandler: secondLog.handler)
        try waitUntil("both members to own half of the partitions", timeout: .seconds(30), interval: .zero) {
            _ = try first.poll(timeout: .milliseconds(50))
            _ = try second.poll(timeout: .milliseconds(50))
            return try first.assignment().count == 4 && second.assignment().count == 4
        }

        // The range assignor gives each member the same partition numbers of both topics.
        for consumer in [first, second] {
            let assigned = try consumer.assignment()
            let marketing = assigned.filter { $0.topic == "marketing.events" }.map(\.partition)
            let sales = assigned.filter { $0.topic == "sales.events" }.map(\.partition)
            #expect(marketing.count == 2)
            #expect(marketing == sales)
        }
        #expect(Set(try first.assignment()).isDisjoint(with: try second.assignment()))

        // Closing a member sends LeaveGroup, so the other member is asked to
        // rebalance at its next heartbeat instead of after the 6 s session timeout.
        let closedAt = ContinuousClock.now
        try second.close()
        try waitUntil("the first member to see the revocation", timeout: .seconds(10), interval: .zero) {
            _ = try first.poll(timeout: .milliseconds(50))
            return firstLog.entries.count == 4
        }
        #expect(ContinuousClock.now - closedAt < .seconds(3))

        try waitUntil("the first member to own all partitions again", timeout: .seconds(20), interval: .zero) {
            _ = try first.poll(timeout: .milliseconds(50))
            return try first.assignment() == all
        }

        #expect(firstLog.kinds == ["assign", "revoke", "assign", "revoke", "assign"])
        #expect(secondLog.kinds == ["assign", "revoke"])

        // Each handler ran before librdkafka changed the assignment: during a
        // revoke the member still held the revoked partitions, during an
        // assign (eager protocol) it held none yet.
        for entry in firstLog.entries + secondLog.entries {
            switch entry.event {
            case .revoked(let partitions, let lost):
                #expect(entry.assignmentDuringHandler == partitions.sorted())
                #expect(!lost)
            case .assigned:
                #expect(entry.assignmentDuringHandler.isEmpty)
            }
        }
        #expect(firstLog.entries.first?.event == .assigned(all))
        #expect(firstLog.entries.last?.event.partitions.sorted() == all)

        // The second member's revoke handlers, the last one inside close(), committed offsets.
        let handedOver = try #require(secondLog.entries.last?.event.partitions)
        let committed = try first.committed(handedOver, timeout: .seconds(10))
        #expect(committed.map(\.offset) == Array(repeating: 42, count: handedOver.count))

        try first.close()
    }

    @Test func exceededPollIntervalRevokesAsLost() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("marketing.events", partitions: 2)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "slow-scorers")
        configuration.sessionTimeout = .seconds(3)
        configuration.maxPollInterval = .seconds(3)
        let consumer = try KafkaConsumer(configuration: configuration)
        var lostDuringHandler: [Bool] = []
        let log = RebalanceLog()
        try consumer.subscribe(topics: ["marketing.events"]) { consumer, event in
            lostDuringHandler.append(consumer.isAssignmentLost)
            try log.handler(consumer, event)
        }
        try waitUntil("the assignment", interval: .zero) {
            _ = try consumer.poll(timeout: .milliseconds(50))
            return try consumer.assignment().count == 2
        }

        // Not polling for longer than max.poll.interval.ms is the condition under test, not a wait for an outcome.
        Thread.sleep(forTimeInterval: 4.5)
        try waitUntil("the lost revocation", interval: .zero) {
            _ = try consumer.poll(timeout: .milliseconds(50))
            return log.entries.count >= 2
        }

        let revocation = log.entries[1].event
        #expect(revocation == .revoked(log.entries[0].event.partitions, lost: true))
        #expect(lostDuringHandler.count >= 2)
        #expect(lostDuringHandler[1])
        try consumer.close()
    }

    @Test func cooperativeAssignorAppliesIncrementally() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("marketing.events", partitions: 3)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "cooperative")
        configuration.partitionAssignmentStrategy = "cooperative-sticky"
        let consumer = try KafkaConsumer(configuration: configuration)
        let log = RebalanceLog()
        try consumer.subscribe(topics: ["marketing.events"], rebalanceHandler: log.handler)
        let all = (0..<3).map { KafkaTopicPartition(topic: "marketing.events", partition: Int32($0)) }

        try waitUntil("the incremental assignment", interval: .zero) {
            _ = try consumer.poll(timeout: .milliseconds(50))
            return try consumer.assignment() == all
        }
        try consumer.close()

        #expect(log.kinds == ["assign", "revoke"])
        #expect(log.entries.first?.event.partitions.sorted() == all)
        #expect(log.entries.last?.assignmentDuringHandler == all)
    }
}
