import CRdKafka

extension KafkaConsumer {
    /// Replaces the assignment with `starts`, without a group (assign mode).
    ///
    /// Timestamps are resolved with `offsets_for_times` first; a time after
    /// the last message starts at the end. Do not combine with
    /// ``subscribe(topics:rebalanceHandler:)`` on the same consumer.
    ///
    /// - Throws: ``KafkaError`` for an invalid offset, a failed timestamp
    ///   lookup (`_TIMED_OUT` after `timeout`) or a rejected assignment.
    public func assign(_ starts: [KafkaTopicPartition: KafkaOffset], timeout: Duration = .seconds(10)) throws {
        try ensureOpen("assign")
        let raw = try rawOffsets(starts, timeout: timeout)
        let list = RDPartitionList(raw.sorted { $0.key < $1.key }.map { ($0.key.topic, $0.key.partition, $0.value, nil) })
        try KafkaError.check(rd_kafka_assign(client.handle, list.handle),
                             context: "assigning \(raw.count) partitions", client: client.handle)
        client.context.log(.info, "assigned \(raw.keys.sorted().map(\.description).joined(separator: ", "))")
    }

    /// Removes every assigned partition (assign mode).
    public func unassign() throws {
        try ensureOpen("unassign")
        try KafkaError.check(rd_kafka_assign(client.handle, nil), context: "removing the assignment", client: client.handle)
    }

    /// Leaves the subscription; the rebalance handler receives the revocation during the next poll.
    public func unsubscribe() throws {
        try ensureOpen("unsubscribe")
        try KafkaError.check(rd_kafka_unsubscribe(client.handle), context: "unsubscribing", client: client.handle)
    }

    /// The partitions currently assigned, sorted. Inside a rebalance handler
    /// this is still the assignment from before the change.
    public func assignment() throws -> [KafkaTopicPartition] {
        try ensureOpen("assignment")
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        try KafkaError.check(rd_kafka_assignment(client.handle, &list), context: "reading the assignment", client: client.handle)
        guard let list else { return [] }
        return RDPartitionList(adopting: list).partitions.sorted()
    }

    /// True when the last revocation was a loss (see ``KafkaRebalanceEvent/revoked(_:lost:)``).
    public var isAssignmentLost: Bool {
        rd_kafka_assignment_lost(client.handle) != 0
    }

    /// Stops fetching from `partitions` until ``resume(_:)``; polls keep the group membership alive.
    public func pause(_ partitions: [KafkaTopicPartition]) throws {
        let list = RDPartitionList(partitions: partitions)
        try KafkaError.check(rd_kafka_pause_partitions(client.handle, list.handle), context: "pausing", client: client.handle)
        _ = try list.offsets(context: "pausing")
    }

    /// Resumes fetching from paused partitions.
    public func resume(_ partitions: [KafkaTopicPartition]) throws {
        let list = RDPartitionList(partitions: partitions)
        try KafkaError.check(rd_kafka_resume_partitions(client.handle, list.handle), context: "resuming", client: client.handle)
        _ = try list.offsets(context: "resuming")
    }

    /// The group metadata (group id, generation, member id) for
    /// ``KafkaProducer/sendOffsetsToTransaction(_:groupMetadata:timeout:)``.
    /// Take it after the assignment, because it carries the current generation.
    public func groupMetadata() throws -> KafkaConsumerGroupMetadata {
        guard let handle = rd_kafka_consumer_group_metadata(client.handle) else {
            throw KafkaError(kind: .librdkafka, code: .state,
                             message: "the consumer has no group metadata; set groupID and subscribe first")
        }
        return KafkaConsumerGroupMetadata(adopting: handle)
    }
}

/// A consumer's group identity for transactional offset commits
/// (`rd_kafka_consumer_group_metadata_t`), owned and freed by this object.
///
/// `@unchecked Sendable` is safe because the handle is never mutated after
/// creation; librdkafka only reads it.
public final class KafkaConsumerGroupMetadata: @unchecked Sendable {
    let handle: OpaquePointer

    init(adopting handle: OpaquePointer) {
        self.handle = handle
    }

    /// Creates metadata for `groupID` alone, without a consumer. The broker
    /// then cannot fence a zombie member by generation, so prefer
    /// ``KafkaConsumer/groupMetadata()`` in a group consumer.
    public convenience init(groupID: String) {
        self.init(adopting: rd_kafka_consumer_group_metadata_new(groupID))
    }

    deinit {
        rd_kafka_consumer_group_metadata_destroy(handle)
    }
}
