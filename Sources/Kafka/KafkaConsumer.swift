import CRdKafka
import Foundation

/// A Kafka consumer over librdkafka's high-level consumer.
///
/// Two modes:
/// - Group mode: set ``KafkaConsumerConfiguration/groupID`` and call
///   ``subscribe(topics:rebalanceHandler:)``. The group coordinator assigns
///   partitions, and the rebalance handler receives every change before it takes
///   effect.
/// - Assign mode: call ``assign(_:)`` with explicit partitions and start
///   offsets. Without a group id the consumer gets a generated one
///   (`<client.id>-assign-<UUID>`), because librdkafka 2.0.2 rejects
///   `assign` on a consumer without `group.id`. It never joins that group and
///   commits nothing unless the caller commits.
///
/// Threading: every callback (rebalance, log, error, statistics, commit
/// results) runs on the thread that is inside ``poll(maxMessages:timeout:)``
/// or ``close()``. Call `subscribe`, `poll` and `close` from one thread at a
/// time. The offset, position, pause and watermark calls are safe from any
/// thread, including from inside the rebalance handler.
///
/// Lifetime: ``close()`` revokes the assignment (calling the rebalance
/// handler), commits nothing by itself (auto commit is off by default), and
/// leaves the group at once so that the other members get the partitions
/// without waiting for the session timeout. A consumer released without
/// `close()` is closed in `deinit` without calling the rebalance handler.
public final class KafkaConsumer: @unchecked Sendable {
    // `@unchecked Sendable`: `client` and `configuration` are immutable,
    // `state` is guarded by its lock, and librdkafka's handle is thread-safe.

    /// Called on the polling thread for each rebalance, before librdkafka
    /// changes the assignment. The consumer still owns the revoked
    /// partitions, so the handler can commit their offsets. Newly assigned
    /// partitions are not fetched until it returns, so it can restore state first.
    ///
    /// An error thrown by the handler is rethrown by the `poll` or `close`
    /// that ran it. The assignment change is applied anyway, so that the
    /// consumer stays consistent with the group; the caller decides whether
    /// to close.
    public typealias RebalanceHandler = (KafkaConsumer, KafkaRebalanceEvent) throws -> Void

    /// Called on the polling thread with the outcome of each asynchronous commit.
    public typealias OffsetCommitHandler = @Sendable (Result<[KafkaTopicPartitionOffset], KafkaError>) -> Void

    let client: RDClient
    /// The effective configuration, secrets included. Print ``configurationDescription`` instead.
    let configuration: KafkaConfiguration
    private let state = Locked(State())

    private struct State {
        var queue: OpaquePointer?
        /// Set when `close()` starts: polling stops, but the rebalance handler it runs may still commit.
        var closing = false
        /// Set when `close()` has returned: every call fails.
        var closed = false
    }

    /// The group id in use: the configured one, or the generated one of an assign-only consumer.
    public let groupID: String

    /// Creates the consumer. It connects lazily, so an unreachable broker
    /// is reported through the error handler and by later calls timing out.
    ///
    /// - Throws: ``KafkaError`` of kind `invalidConfiguration` naming the
    ///   rejected property with librdkafka's message.
    public init(configuration: KafkaConsumerConfiguration, handlers: KafkaClientHandlers = KafkaClientHandlers()) throws {
        var properties = configuration.librdkafkaProperties
        let groupID: String
        if let configured = properties["group.id"], !configured.isEmpty {
            groupID = configured
        } else {
            groupID = "\(properties["client.id"] ?? "rdkafka")-assign-\(UUID().uuidString.lowercased())"
            properties["group.id"] = groupID
        }
        self.groupID = groupID
        self.configuration = properties

        client = try RDClient(type: RD_KAFKA_CONSUMER, configuration: properties, handlers: handlers) { conf in
            rd_kafka_conf_set_rebalance_cb(conf, rdRebalanceCallback)
        }
        client.context.rebalance.withLock { $0.consumer = self }

        // Serve logs, errors and statistics from the consumer queue, so that one poll serves everything.
        try KafkaError.check(rd_kafka_poll_set_consumer(client.handle), context: "redirecting the main queue to the consumer queue")
        guard let queue = rd_kafka_queue_get_consumer(client.handle) else {
            throw KafkaError(kind: .librdkafka, code: .state, message: "the consumer has no consumer queue (group.id '\(groupID)')")
        }
        state.withLock { $0.queue = queue }
        client.context.log(.info, "consumer started: group.id=\(groupID) bootstrap.servers=\(properties["bootstrap.servers"] ?? "")")
    }

    deinit {
        client.context.rebalance.withLock { $0.handler = nil }
        do {
            try close()
        } catch {
            client.context.log(.warning, "closing the consumer on release failed: \(error)")
        }
    }

    /// The effective librdkafka configuration as `key=value` lines with secrets masked.
    public var configurationDescription: String {
        configuration.description
    }

    /// librdkafka's instance name, for example `rdkafka#consumer-2`.
    public var name: String { client.name }

    /// Subscribes to `topics`, replacing any earlier subscription.
    ///
    /// Partitions arrive through `rebalanceHandler` during later polls. A
    /// topic that does not exist is reported to the error handler
    /// (`UNKNOWN_TOPIC_OR_PART`) until it is created.
    ///
    /// - Throws: ``KafkaError`` when `topics` is empty or librdkafka rejects the subscription.
    public func subscribe(topics: [String], rebalanceHandler: RebalanceHandler? = nil) throws {
        guard !topics.isEmpty else {
            throw KafkaError.invalidArgument("subscribe needs at least one topic")
        }
        try ensureOpen("subscribe")

        client.context.rebalance.withLock { $0.handler = rebalanceHandler }
        let list = RDPartitionList(partitions: topics.map { KafkaTopicPartition(topic: $0, partition: -1) })
        try KafkaError.check(rd_kafka_subscribe(client.handle, list.handle),
                             context: "subscribing to \(topics.joined(separator: ", "))")
        client.context.log(.info, "subscribed to \(topics.joined(separator: ", ")) as group \(groupID)")
    }

    /// Sets the handler for the results of ``commitAsync(_:)``.
    public func setOffsetCommitHandler(_ handler: OffsetCommitHandler?) {
        client.context.rebalance.withLock { $0.offsetCommitHandler = handler }
    }

    /// The number of messages (and other events, such as end-of-partition
    /// events) that librdkafka has fetched and queued for the next poll.
    ///
    /// A count at or above the next poll's `maxMessages` means that poll
    /// returns a full page at once, so the consumer is behind the log rather
    /// than waiting for new records. Returns 0 once ``close()`` has begun.
    /// Call it from the thread that polls, like ``poll(maxMessages:timeout:)``.
    public var queuedMessageCount: Int {
        guard let queue = consumerQueue() else { return 0 }
        return Int(rd_kafka_queue_length(queue))
    }

    /// Waits up to `timeout` for messages and returns at most `maxMessages`.
    ///
    /// Serves every callback on this thread first (rebalance, log, error,
    /// statistics, commit results). Returns early with fewer messages when the
    /// timeout passes, and returns an empty array when nothing arrived.
    /// After a rebalance in the same call, messages of partitions that are no
    /// longer assigned are dropped, so the caller never sees records of a
    /// partition it has already given up.
    ///
    /// Per-partition consumer errors go to the error handler, except fatal
    /// ones, which are thrown. End-of-partition events are not returned; use
    /// ``pollBatch(maxMessages:timeout:)`` to receive them.
    /// When this call throws, the messages it fetched are dropped without
    /// their offsets being stored, so they are read again after a restart.
    ///
    /// - Throws: the rebalance handler's error, a fatal ``KafkaError``, or
    ///   `clientClosed` after ``close()``.
    public func poll(maxMessages: Int = 1000, timeout: Duration) throws -> [KafkaConsumerMessage] {
        try pollBatch(maxMessages: maxMessages, timeout: timeout).messages
    }

    /// Polls like ``poll(maxMessages:timeout:)`` and also returns the
    /// end-of-partition events served in the same call.
    ///
    /// librdkafka reports an end of partition only when the consumer was
    /// created with `enable.partition.eof=true`, once each time the consumer
    /// reaches the end, and again after new messages arrive and are read.
    /// For a `read_committed` consumer the end is the last stable offset, so
    /// it never waits for a transaction that is still open.
    /// End-of-partition events count towards `maxMessages`.
    ///
    /// - Throws: as ``poll(maxMessages:timeout:)``.
    public func pollBatch(maxMessages: Int = 1000, timeout: Duration) throws -> KafkaConsumerBatch {
        guard maxMessages > 0 else {
            throw KafkaError.invalidArgument("maxMessages must be at least 1, got \(maxMessages)")
        }
        guard let queue = consumerQueue() else {
            throw KafkaError.clientClosed("poll")
        }

        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<rd_kafka_message_t>?>.allocate(capacity: maxMessages)
        defer { buffer.deallocate() }
        let count = rd_kafka_consume_batch_queue(queue, milliseconds(timeout), buffer, maxMessages)
        if count < 0 {
            throw KafkaError(code: rd_kafka_last_error(), context: "polling the consumer queue", client: client.handle)
        }

        // One allocation contains the keys and values of the whole batch.
        var arenaSize = 0
        for index in 0..<count {
            guard let message = buffer[index], message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            arenaSize += message.pointee.key_len + message.pointee.len
        }
        let arena = KafkaBytesStorage(byteCount: arenaSize)
        var arenaOffset = 0

        var messages: [KafkaConsumerMessage] = []
        messages.reserveCapacity(count)
        var partitionEnds: [KafkaTopicPartitionOffset] = []
        var fatal: KafkaError?
        // All messages of the batch, and so their topic handles, are alive
        // together, so an equal handle pointer within the batch is the same topic.
        var lastTopicHandle: OpaquePointer?
        var lastTopic = ""
        for index in 0..<count {
            guard let message = buffer[index] else { continue }
            defer { rd_kafka_message_destroy(message) }

            if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                if let handle = message.pointee.rkt, handle != lastTopicHandle {
                    lastTopic = client.context.topicNames.name(of: handle)
                    lastTopicHandle = handle
                }
                messages.append(KafkaConsumerMessage(message, topic: lastTopic, arena: arena, arenaOffset: &arenaOffset))
            } else if message.pointee.err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                if let handle = message.pointee.rkt {
                    partitionEnds.append(KafkaTopicPartitionOffset(topic: client.context.topicNames.name(of: handle),
                                                                   partition: message.pointee.partition,
                                                                   offset: message.pointee.offset))
                }
            } else {
                let error = consumerError(message.pointee)
                if error.isFatal { fatal = fatal ?? error } else { client.context.report(error) }
            }
        }

        let (rebalanced, handlerError) = client.context.rebalance.withLock { rebalance in
            defer { rebalance.occurred = false; rebalance.pendingError = nil }
            return (rebalance.occurred, rebalance.pendingError)
        }
        if let handlerError { throw handlerError }
        if let fatal { throw fatal }
        if rebalanced {
            let assigned = Set(try assignment())
            messages.removeAll { !assigned.contains($0.topicPartition) }
            partitionEnds.removeAll { !assigned.contains($0.topicPartition) }
        }
        return KafkaConsumerBatch(messages: messages, partitionEnds: partitionEnds)
    }

    /// Revokes the assignment, leaves the group and stops the consumer.
    ///
    /// Runs the rebalance handler for the revocation on this thread. Returns
    /// after librdkafka has sent LeaveGroup, or after about
    /// `session.timeout.ms` when the coordinator is unreachable. Calling it
    /// again does nothing.
    ///
    /// - Throws: the rebalance handler's error, or librdkafka's close error;
    ///   the consumer is closed either way.
    public func close() throws {
        let queue: OpaquePointer?? = state.withLock { state in
            if state.closing { return .none }
            state.closing = true
            defer { state.queue = nil }
            return .some(state.queue)
        }
        guard case .some(let consumerQueue) = queue else { return }

        // librdkafka requires the consumer queue reference to be released before closing.
        if let consumerQueue { rd_kafka_queue_destroy(consumerQueue) }
        client.context.log(.info, "consumer closing: leaving group \(groupID)")
        let result = rd_kafka_consumer_close(client.handle)

        let handlerError = client.context.rebalance.withLock { rebalance in
            defer { rebalance.pendingError = nil; rebalance.handler = nil }
            return rebalance.pendingError
        }
        state.withLock { $0.closed = true }
        client.context.log(.info, "consumer closed")
        if let handlerError { throw handlerError }
        try KafkaError.check(result, context: "closing the consumer", client: client.handle)
    }

    /// The consumer queue, or nil once ``close()`` has started.
    func consumerQueue() -> OpaquePointer? {
        state.withLock { $0.closing ? nil : $0.queue }
    }

    /// Throws `clientClosed` when ``close()`` has returned. While it runs,
    /// the rebalance handler it calls may still store and commit offsets.
    func ensureOpen(_ operation: String) throws {
        if state.withLock({ $0.closed }) {
            throw KafkaError.clientClosed(operation)
        }
    }

    private func consumerError(_ message: rd_kafka_message_t) -> KafkaError {
        let topic = message.rkt.map { client.context.topicNames.name(of: $0) }
        var text = String(cString: rd_kafka_err2str(message.err))
        if let payload = message.payload, message.len > 0 {
            text = String(decoding: UnsafeRawBufferPointer(start: payload, count: message.len), as: UTF8.self)
        }
        return KafkaError(code: message.err, context: "consumer error", message: text,
                          topic: topic, partition: topic == nil ? nil : message.partition,
                          client: client.handle)
    }
}
