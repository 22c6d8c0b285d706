import Foundation
import Kafka

extension Pipeline {
    /// Handles an assignment change inside `poll` or `close`, before librdkafka applies it.
    ///
    /// - Revocation: the open batch is committed first (the consumer still
    ///   owns the partitions), then the state of partition numbers left
    ///   without any assigned input partition is dropped.
    /// - Loss: the open batch is undone without committing, because another
    ///   member may already own the partitions, and their state is dropped.
    ///   No transaction is open here: transactions run only inside
    ///   ``finishBatch(duringRebalance:)``, never across a poll.
    /// - Assignment: the state of each new partition number is restored from
    ///   the changelog before the handler returns, so nothing is fetched
    ///   for a partition before its state is complete.
    func handleRebalance(_ event: KafkaRebalanceEvent) throws {
        rebalancedDuringPoll = true
        switch event {
        case .revoked(let partitions, lost: false):
            metrics.recordRebalance("revoked")
            logger.info("partitions revoked", ("kafka.partitions", Self.describe(partitions)),
                        ("batch.records", String(processor.batch.recordCount)))
            if discardOpenBatch {
                _ = processor.undo()
            } else {
                try finishBatch(duringRebalance: true)
            }
            startAssignmentWaitIfIdle(revoking: partitions)
            dropUnassigned(revoking: partitions)

        case .revoked(let partitions, lost: true):
            metrics.recordRebalance("lost")
            status.update { $0.assignmentLost = true }
            logger.warning("partitions lost; dropping their state and the open batch without committing",
                           ("kafka.partitions", Self.describe(partitions)),
                           ("batch.records", String(processor.batch.recordCount)))
            _ = processor.undo()
            startAssignmentWaitIfIdle(revoking: partitions)
            dropUnassigned(revoking: partitions)

        case .assigned(let partitions):
            metrics.recordRebalance("assigned")
            logger.info("partitions assigned", ("kafka.partitions", Self.describe(partitions)))
            recordAssignment(partitions)
            try restore(partitions)
        }
    }

    /// Drops the state of every partition number with no input partition left after `revoked` goes.
    private func dropUnassigned(revoking revoked: [KafkaTopicPartition]) {
        let current = (try? consumer?.assignment()) ?? []
        let revokedSet = Set(revoked)
        let remaining = Set(current.filter { !revokedSet.contains($0) }.map(\.partition))
        let numbers = Set(revoked.map(\.partition)).subtracting(remaining)
        guard !numbers.isEmpty else { return }

        let dropped = processor.drop(numbers)
        directory.removePartitions(numbers)
        publishGauges()
        status.update { status in
            status.assignment.removeAll { revokedSet.contains($0) }
            status.assignedPartitions.removeAll { numbers.contains($0) }
            status.restoredPartitions.removeAll { numbers.contains($0) }
        }
        logger.info("dropped partition state", ("partitions", ChangelogRestorer.list(numbers)),
                    ("contacts", String(dropped.count)))
    }

    private func restore(_ partitions: [KafkaTopicPartition]) throws {
        let numbers = Set(partitions.map(\.partition))
        let missing = numbers.filter { !processor.hasPartition($0) }.sorted()
        status.update { status in
            status.assignment = partitions.sorted()
            status.assignedPartitions = numbers.sorted()
            status.restoredPartitions = numbers.filter { !missing.contains($0) }.sorted()
            status.phase = missing.isEmpty ? .running : .restoring
            status.joinedGroup = true
            // A new assignment proves the coordinator reachable and starts the stall clock afresh.
            status.assignmentLost = false
            status.brokersDown = false
            status.waitingSince = nil
        }
        guard !missing.isEmpty else { return }

        let restorer = ChangelogRestorer(
            bootstrapServers: configuration.bootstrapServers, topic: configuration.topics.changelog,
            groupID: configuration.groupID, clientID: "\(clientID)-restore", kafkaProperties: configuration.kafkaProperties,
            handlers: clientHandlers(statistics: false), timeout: configuration.restoreTimeout,
            logger: logger, stop: stop)
        let started = ContinuousClock.now
        let results = try restorer.restore(missing)

        var contacts = 0
        var records = 0
        for result in results {
            processor.install(result.state)
            directory.publish(result.state.contacts.values.map { ContactDirectory.Entry(partition: result.state.partition, state: $0) })
            metrics.recordRestore(records: result.records, contacts: result.state.contacts.count,
                                  corrupt: result.corrupt, seconds: result.seconds)
            contacts += result.state.contacts.count
            records += result.records
            logger.info("restored partition state from the changelog",
                        ("kafka.topic", configuration.topics.changelog), ("kafka.partition", String(result.state.partition)),
                        ("restore.records", String(result.records)), ("restore.contacts", String(result.state.contacts.count)),
                        ("restore.corrupt", String(result.corrupt)),
                        ("restore.duration_ms", String(Int(result.seconds * 1000))))
        }
        publishGauges()
        status.update { status in
            status.restoredPartitions = numbers.sorted()
            status.phase = .running
        }
        logger.info("restore finished", ("partitions", missing.map(String.init).joined(separator: ",")),
                    ("restore.records", String(records)), ("restore.contacts", String(contacts)),
                    ("restore.duration_ms", String(ServiceConfiguration.milliseconds(ContinuousClock.now - started))))
    }

    static func describe(_ partitions: [KafkaTopicPartition]) -> String {
        partitions.sorted().map(\.description).joined(separator: ",")
    }
}
