import CRdKafka

extension KafkaConsumer {
    /// Stores offsets in librdkafka's in-memory offset store, for the next
    /// ``commit(_:)`` without arguments (or for auto commit).
    ///
    /// Each offset is the next offset to read, usually a message's
    /// ``KafkaConsumerMessage/nextOffset``. Only assigned partitions can be stored.
    ///
    /// - Throws: ``KafkaError`` naming the first partition librdkafka rejected,
    ///   for example `_STATE` for a partition that is not assigned.
    public func storeOffsets(_ offsets: [KafkaTopicPartitionOffset]) throws {
        guard !offsets.isEmpty else { return }
        try ensureOpen("storeOffsets")
        let list = RDPartitionList(offsets: offsets)
        let result = rd_kafka_offsets_store(client.handle, list.handle)
        // The per-partition errors name the partition, so they come first.
        _ = try list.offsets(context: "storing offsets")
        try KafkaError.check(result, context: "storing offsets", client: client.handle)
    }

    /// Commits offsets and waits for the coordinator's response.
    ///
    /// - Parameter offsets: the offsets to commit, or nil to commit the offset
    ///   store (see ``storeOffsets(_:)``). Committing nil when nothing was
    ///   stored since the last commit does nothing.
    /// - Throws: ``KafkaError``, for example `REBALANCE_IN_PROGRESS`,
    ///   `UNKNOWN_MEMBER_ID` after a lost assignment, or a per-partition error.
    public func commit(_ offsets: [KafkaTopicPartitionOffset]? = nil) throws {
        try ensureOpen("commit")
        let list = offsets.map { RDPartitionList(offsets: $0) }
        let result = rd_kafka_commit(client.handle, list?.handle, 0)
        if result == RD_KAFKA_RESP_ERR__NO_OFFSET { return }
        try KafkaError.check(result, context: "committing offsets", client: client.handle)
        _ = try list?.offsets(context: "committing offsets")
    }

    /// Starts a commit and returns at once.
    ///
    /// The result goes to the handler set with ``setOffsetCommitHandler(_:)``
    /// during a later ``poll(maxMessages:timeout:)``, or, for a failure when
    /// no handler is set, to the error handler. Results of synchronous and
    /// automatic commits are not passed to the handler.
    ///
    /// - Throws: ``KafkaError`` when librdkafka cannot enqueue the commit.
    public func commitAsync(_ offsets: [KafkaTopicPartitionOffset]? = nil) throws {
        guard let queue = consumerQueue() else { throw KafkaError.clientClosed("commitAsync") }
        let list = offsets.map { RDPartitionList(offsets: $0) }
        let opaque = Unmanaged.passUnretained(client.context).toOpaque()
        let result = rd_kafka_commit_queue(client.handle, list?.handle, queue, rdOffsetCommitCallback, opaque)
        try KafkaError.check(result, context: "starting an asynchronous commit", client: client.handle)
    }

    /// Fetches the group's committed offsets from the coordinator.
    ///
    /// Works without joining the group: an assign-mode consumer with a
    /// group id can read that group's offsets.
    ///
    /// - Returns: one entry per partition, in the order given; `offset` is
    ///   nil for a partition without a committed offset.
    /// - Throws: ``KafkaError`` with `_TIMED_OUT` when the coordinator does not respond within `timeout`.
    public func committed(_ partitions: [KafkaTopicPartition], timeout: Duration) throws -> [KafkaTopicPartitionOffset] {
        try ensureOpen("committed")
        let list = RDPartitionList(partitions: partitions)
        try KafkaError.check(rd_kafka_committed(client.handle, list.handle, milliseconds(timeout)),
                             context: "fetching committed offsets", client: client.handle)
        return try list.offsets(context: "fetching committed offsets")
    }

    /// Returns the consumer's position: the offset of the next message
    /// ``poll(maxMessages:timeout:)`` will return for each partition, or nil
    /// before the first message of the partition is fetched.
    public func position(_ partitions: [KafkaTopicPartition]) throws -> [KafkaTopicPartitionOffset] {
        try ensureOpen("position")
        let list = RDPartitionList(partitions: partitions)
        try KafkaError.check(rd_kafka_position(client.handle, list.handle),
                             context: "reading positions", client: client.handle)
        return try list.offsets(context: "reading positions")
    }

    /// Moves the fetch position of assigned partitions, for example back to
    /// the committed offsets after an aborted transaction. Messages already
    /// fetched for those partitions are discarded.
    ///
    /// - Throws: ``KafkaError`` naming the first partition that failed, for
    ///   example one that is not assigned.
    public func seek(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) throws {
        guard !offsets.isEmpty else { return }
        try ensureOpen("seek")
        for offset in offsets where offset.offset == nil {
            throw KafkaError.invalidArgument("seek to no offset for \(offset.topicPartition); pass an offset, or use seek(to:timeout:) with .beginning or .end")
        }
        let list = RDPartitionList(offsets: offsets)
        try KafkaError.check(rd_kafka_seek_partitions(client.handle, list.handle, milliseconds(timeout)),
                             context: "seeking")
        _ = try list.offsets(context: "seeking")
    }

    /// Moves the fetch positions of assigned partitions to their beginning,
    /// end, an offset or the first offset at a time.
    ///
    /// - Throws: ``KafkaError`` naming the first partition that failed.
    public func seek(to starts: [KafkaTopicPartition: KafkaOffset], timeout: Duration) throws {
        guard !starts.isEmpty else { return }
        let raw = try rawOffsets(starts, timeout: timeout)
        try ensureOpen("seek")
        let list = RDPartitionList(raw.sorted { $0.key < $1.key }.map { ($0.key.topic, $0.key.partition, $0.value, nil) })
        try KafkaError.check(rd_kafka_seek_partitions(client.handle, list.handle, milliseconds(timeout)),
                             context: "seeking \(raw.count) partitions")
        _ = try list.offsets(context: "seeking")
    }

    /// Returns the watermarks librdkafka last received in a fetch response,
    /// without a request. The partition must be assigned and fetched at least once.
    ///
    /// - Throws: ``KafkaError`` when no watermarks are known yet.
    public func cachedWatermarks(_ partition: KafkaTopicPartition) throws -> KafkaWatermarks {
        var low: Int64 = 0
        var high: Int64 = 0
        try KafkaError.check(rd_kafka_get_watermark_offsets(client.handle, partition.topic, partition.partition, &low, &high),
                             context: "reading cached watermarks of \(partition)")
        guard low >= 0, high >= 0 else {
            throw KafkaError(kind: .librdkafka, code: .state,
                             message: "no watermarks of \(partition) are known yet; poll the partition first or call queryWatermarks")
        }
        return KafkaWatermarks(low: low, high: high)
    }

    /// Asks the partition leader for the current watermarks.
    ///
    /// - Throws: ``KafkaError`` with `_TIMED_OUT` when the leader does not respond within `timeout`.
    public func queryWatermarks(_ partition: KafkaTopicPartition, timeout: Duration) throws -> KafkaWatermarks {
        var low: Int64 = 0
        var high: Int64 = 0
        try KafkaError.check(rd_kafka_query_watermark_offsets(client.handle, partition.topic, partition.partition,
                                                              &low, &high, milliseconds(timeout)),
                             context: "querying watermarks of \(partition)", client: client.handle)
        return KafkaWatermarks(low: low, high: high)
    }

    /// Looks up, for each partition, the first offset whose timestamp is at
    /// or after the given time (milliseconds since the Unix epoch).
    ///
    /// - Returns: the offsets; nil where no message is that recent.
    public func offsetsForTimes(_ times: [KafkaTopicPartition: Int64], timeout: Duration) throws -> [KafkaTopicPartition: Int64?] {
        let list = RDPartitionList(times.map { ($0.key.topic, $0.key.partition, $0.value, nil) })
        try KafkaError.check(rd_kafka_offsets_for_times(client.handle, list.handle, milliseconds(timeout)),
                             context: "looking up offsets for times", client: client.handle)
        var result: [KafkaTopicPartition: Int64?] = [:]
        for entry in try list.offsets(context: "looking up offsets for times") {
            result[entry.topicPartition] = entry.offset
        }
        return result
    }

    /// Converts start positions to librdkafka's raw offsets, resolving timestamps.
    func rawOffsets(_ starts: [KafkaTopicPartition: KafkaOffset], timeout: Duration) throws -> [KafkaTopicPartition: Int64] {
        var times: [KafkaTopicPartition: Int64] = [:]
        var raw: [KafkaTopicPartition: Int64] = [:]
        for (partition, start) in starts {
            switch start {
            case .beginning: raw[partition] = Int64(RD_KAFKA_OFFSET_BEGINNING)
            case .end: raw[partition] = Int64(RD_KAFKA_OFFSET_END)
            case .stored: raw[partition] = Int64(RD_KAFKA_OFFSET_STORED)
            case .offset(let value):
                guard value >= 0 else {
                    throw KafkaError.invalidArgument("invalid offset \(value) for \(partition): offsets start at 0; use .beginning or .end for logical positions")
                }
                raw[partition] = value
            case .timestamp(let milliseconds): times[partition] = milliseconds
            }
        }

        if !times.isEmpty {
            for (partition, offset) in try offsetsForTimes(times, timeout: timeout) {
                raw[partition] = offset ?? Int64(RD_KAFKA_OFFSET_END)
            }
        }
        return raw
    }
}
