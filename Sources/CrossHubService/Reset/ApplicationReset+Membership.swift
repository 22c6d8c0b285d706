import Foundation
import Kafka

extension ApplicationReset {
    /// Describes the group, or returns nil when the broker cannot describe groups.
    func describeGroup() throws -> KafkaConsumerGroupDescription? {
        do {
            return try settings.adminClient().describeConsumerGroup(plan.groupID, timeout: settings.timeout)
        } catch let error as KafkaError where error.kind == .unsupportedByBroker {
            settings.logger.info("the broker cannot describe groups; checking for active members by joining the group",
                                 ("kafka.group", plan.groupID), ("error", error.description))
            return nil
        }
    }

    func rejectIfActive(_ description: KafkaConsumerGroupDescription) throws {
        guard description.members.isEmpty, description.state == .empty || description.state == .dead else {
            let members = description.members.map { "\($0.clientID) on \($0.host) (\($0.assignment.count) partitions)" }
            throw ResetRejected(description: "group \(plan.groupID) is \(description.state.rawValue) with \(description.members.count) active members: \(members.joined(separator: ", ")); stop every instance, wait for the session timeout, and run the reset again")
        }
    }

    /// Joins the group with the input subscription and returns the member
    /// once it has every input partition.
    ///
    /// - Throws: ``ResetRejected`` when the assignment lacks a partition,
    ///   after leaving the group; ``ReplayError`` when no assignment arrives in time.
    func joinAsOnlyMember(_ partitions: [KafkaTopicPartition]) throws -> KafkaConsumer {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: settings.bootstrapServers, groupID: plan.groupID)
        configuration.clientID = settings.clientID
        configuration.partitionAssignmentStrategy = "range"
        // The member lives for seconds, so it uses Kafka's shortest default session and frequent
        // heartbeats. With librdkafka's defaults (45 s, 3 s), an instance that joined the embedded
        // broker's group right after this member left waited for its assignment for over a minute.
        // --kafka overrides both.
        configuration.sessionTimeout = .seconds(6)
        configuration.properties = KafkaConfiguration(["heartbeat.interval.ms": "500"]).merging(settings.properties)
        let probe = try KafkaConsumer(configuration: configuration, handlers: settings.handlers())

        settings.logger.warning("joining the group to check for active members; its members rebalance once",
                                ("kafka.group", plan.groupID))
        let assigned = AssignmentBox()
        try probe.subscribe(topics: plan.inputs.all) { _, event in
            if case .assigned(let partitions) = event { assigned.partitions = partitions }
        }
        let deadline = ContinuousClock.now + plan.joinTimeout
        while assigned.partitions == nil {
            guard ContinuousClock.now < deadline else {
                close(probe)
                throw ReplayError("no assignment within \(plan.joinTimeout) after joining group \(plan.groupID); check the brokers and run the reset again")
            }
            // Records fetched for the assignment are dropped: the reset reads nothing.
            _ = try probe.poll(maxMessages: 100, timeout: .milliseconds(100))
        }

        let missing = Set(partitions).subtracting(assigned.partitions ?? [])
        guard missing.isEmpty else {
            close(probe)
            throw ResetRejected(description: "group \(plan.groupID) has another active member: joining it gave this check \(partitions.count - missing.count) of \(partitions.count) input partitions (missing \(missing.sorted().prefix(6).map(\.description).joined(separator: ", "))); stop every instance, wait for the session timeout, and run the reset again")
        }
        return probe
    }
}

/// The assignment the rebalance handler received; only the polling thread touches it.
private final class AssignmentBox {
    var partitions: [KafkaTopicPartition]?
}
