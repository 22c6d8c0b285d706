import CRdKafka

/// A Kafka producer over librdkafka, idempotent by default.
///
/// ``send(_:token:)`` enqueues a message and returns; the outcome arrives
/// later as a ``KafkaDeliveryReport`` returned by ``poll(timeout:)``. Every
/// accepted message gets exactly one report, success or failure, so the
/// caller can tell which inputs are safe to commit. Call `poll` regularly:
/// reports accumulate in memory until it drains them.
///
/// Threading: delivery reports, logs, errors and statistics are collected or
/// handled on the thread inside `poll`, `flush`, `send` (while it waits for
/// queue space), `close` or a transaction call, never on librdkafka's
/// threads. All methods are safe to call from any thread, but the
/// transaction calls must not overlap each other.
public final class KafkaProducer: @unchecked Sendable {
    // `@unchecked Sendable`: `client`, `configuration` and the settings are
    // immutable; `topics` and `state` are guarded by their locks; librdkafka's
    // handle is thread-safe.

    let client: RDClient
    let configuration: KafkaConfiguration
    private let queueFullTimeout: Duration
    private let topics = Locked<[String: OpaquePointer]>([:])
    private let state = Locked(State())

    private struct State {
        var closed = false
        /// Number of sends that had to wait for queue space since the last log line about it.
        var queueFullWaits = 0
        var lastQueueFullLog: ContinuousClock.Instant?
    }

    /// True when the producer was created with a `transactional.id`.
    public let isTransactional: Bool

    /// Creates the producer. It connects lazily, so an unreachable broker is
    /// reported through the error handler and by failed delivery reports
    /// after `message.timeout.ms`.
    ///
    /// - Throws: ``KafkaError`` of kind `invalidConfiguration` naming the
    ///   rejected property with librdkafka's message.
    public init(configuration: KafkaProducerConfiguration, handlers: KafkaClientHandlers = KafkaClientHandlers()) throws {
        let properties = configuration.librdkafkaProperties
        self.configuration = properties
        self.queueFullTimeout = configuration.queueFullTimeout
        self.isTransactional = properties["transactional.id"].map { !$0.isEmpty } ?? false
        client = try RDClient(type: RD_KAFKA_PRODUCER, configuration: properties, handlers: handlers) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf, rdDeliveryReportCallback)
        }
        client.context.log(.info, "producer started: bootstrap.servers=\(properties["bootstrap.servers"] ?? "") idempotence=\(properties["enable.idempotence"] ?? "false") transactional=\(isTransactional)")
    }

    deinit {
        for handle in topics.withLock({ Array($0.values) }) {
            rd_kafka_topic_destroy(handle)
        }
    }

    /// The effective librdkafka configuration as `key=value` lines with secrets masked.
    public var configurationDescription: String {
        configuration.description
    }

    /// librdkafka's instance name, for example `rdkafka#producer-1`.
    public var name: String { client.name }

    /// Enqueues `message` for delivery.
    ///
    /// When librdkafka's local queue is full, polls (collecting delivery
    /// reports) and retries until space frees or
    /// ``KafkaProducerConfiguration/queueFullTimeout`` passes.
    ///
    /// - Parameter token: a value of the caller's choice returned in this
    ///   message's ``KafkaDeliveryReport/token``, for example the index of the
    ///   input record the message was made from.
    /// - Throws: ``KafkaError`` when the message is rejected at once (unknown
    ///   partition, message too large, a fatal producer state), or
    ///   `_QUEUE_FULL` after the timeout. A thrown message gets no delivery report.
    public func send(_ message: KafkaProducerMessage, token: UInt64 = 0) throws {
        guard !state.withLock({ $0.closed }) else { throw KafkaError.clientClosed("send") }
        let topic = try topicHandle(message.topic)
        let headers = makeHeaders(message.headers)
        let partition = message.partition ?? RD_KAFKA_PARTITION_UA
        let opaque = UnsafeMutableRawPointer(bitPattern: UInt(token))
        var deadline: ContinuousClock.Instant?

        while true {
            let result = withBytes(message.key) { key in
                withBytes(message.value) { value in
                    crosshub_produce(client.handle, topic, partition,
                                     key.baseAddress, key.count, value.baseAddress, value.count,
                                     headers, message.timestampMilliseconds ?? 0, opaque)
                }
            }
            if result == RD_KAFKA_RESP_ERR_NO_ERROR { return }

            if result == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                let now = ContinuousClock.now
                if deadline == nil {
                    deadline = now + queueFullTimeout
                    noteQueueFullWait()
                }
                if let deadline, now < deadline {
                    client.pollMainQueue(timeoutMilliseconds: 100)
                    continue
                }
            }

            if let headers { rd_kafka_headers_destroy(headers) }
            var context = "producing to \(message.topic)"
            if let partition = message.partition { context += "[\(partition)]" }
            if result == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                context += " after waiting \(queueFullTimeout) for queue space; raise queue.buffering.max.messages or poll more often"
            }
            throw KafkaError(code: result, context: context, topic: message.topic,
                             partition: message.partition, client: client.handle)
        }
    }

    /// Serves librdkafka's queue for up to `timeout` and returns the delivery
    /// reports collected since the last call, in the order librdkafka reported them.
    ///
    /// Logs, errors and statistics are handled during the call. Returns as
    /// soon as at least one event was served, so a zero timeout never blocks.
    public func poll(timeout: Duration = .zero) -> [KafkaDeliveryReport] {
        client.pollMainQueue(timeoutMilliseconds: milliseconds(timeout))
        return drainDeliveryReports()
    }

    /// Returns and clears the delivery reports collected so far, without serving the queue.
    public func drainDeliveryReports() -> [KafkaDeliveryReport] {
        client.context.deliveryReports.withLock { reports in
            defer { reports.removeAll(keepingCapacity: true) }
            return reports
        }
    }

    /// Waits until every enqueued message has a delivery report or `timeout` passes.
    ///
    /// The reports are kept for the next ``poll(timeout:)`` or ``drainDeliveryReports()``.
    ///
    /// - Throws: ``KafkaError`` with `_TIMED_OUT` naming how many messages are still undelivered.
    public func flush(timeout: Duration) throws {
        let result = rd_kafka_flush(client.handle, milliseconds(timeout))
        if result == RD_KAFKA_RESP_ERR__TIMED_OUT {
            throw KafkaError(code: result, context: "flushing",
                             message: "\(queueLength) messages still undelivered after \(timeout)")
        }
        try KafkaError.check(result, context: "flushing", client: client.handle)
    }

    /// Messages and requests not yet acknowledged (`rd_kafka_outq_len`).
    public var queueLength: Int {
        Int(rd_kafka_outq_len(client.handle))
    }

    /// Flushes for up to `timeout`, then fails what is left and stops accepting messages.
    ///
    /// Messages still queued after the timeout are purged; their failed
    /// reports (`_PURGE_QUEUE` or `_PURGE_INFLIGHT`) are collected, so that
    /// no message goes unreported. Drain them with ``drainDeliveryReports()``.
    /// Calling it again does nothing.
    public func close(timeout: Duration = .seconds(30)) {
        let alreadyClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        guard !alreadyClosed else { return }

        client.context.log(.info, "producer closing: flushing \(queueLength) messages for up to \(timeout)")
        let flushed = rd_kafka_flush(client.handle, milliseconds(timeout))
        if flushed != RD_KAFKA_RESP_ERR_NO_ERROR {
            let remaining = queueLength
            client.context.log(.warning, "producer closing: \(remaining) messages undelivered after \(timeout); purging them")
            _ = rd_kafka_purge(client.handle, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
            _ = rd_kafka_flush(client.handle, 1000)
        }
        client.context.log(.info, "producer closed")
    }

    private func topicHandle(_ name: String) throws -> OpaquePointer {
        if let handle = topics.withLock({ $0[name] }) { return handle }
        guard !name.isEmpty else { throw KafkaError.invalidArgument("the topic name is empty") }

        return try topics.withLock { topics in
            if let handle = topics[name] { return handle }
            guard let handle = rd_kafka_topic_new(client.handle, name, nil) else {
                throw KafkaError(code: rd_kafka_last_error(), context: "creating a handle for topic '\(name)'")
            }
            topics[name] = handle
            return handle
        }
    }

    private func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty else { return nil }
        let list = rd_kafka_headers_new(headers.count)!
        for header in headers {
            withBytes(header.value) { value in
                _ = rd_kafka_header_add(list, header.key, -1, value.baseAddress, value.count)
            }
        }
        return list
    }

    private func noteQueueFullWait() {
        let message: String? = state.withLock { state in
            state.queueFullWaits += 1
            let now = ContinuousClock.now
            if let last = state.lastQueueFullLog, now - last < .seconds(10) { return nil }
            state.lastQueueFullLog = now
            defer { state.queueFullWaits = 0 }
            return "local queue full: \(state.queueFullWaits) sends waited for space since the last report; polling and retrying"
        }
        if let message { client.context.log(.notice, message) }
    }

    /// Builds the report for a message that librdkafka finished with.
    static func deliveryReport(for message: rd_kafka_message_t, context: RDCallbackContext,
                               client: OpaquePointer?) -> KafkaDeliveryReport {
        let topic = message.rkt.map { context.topicNames.name(of: $0) } ?? ""
        let token = UInt64(UInt(bitPattern: message._private))
        guard message.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let error = KafkaError(code: message.err, context: "delivery to \(topic)[\(message.partition)] failed",
                                   topic: topic, partition: message.partition, client: client)
            return KafkaDeliveryReport(token: token, topic: topic, partition: message.partition, offset: nil, error: error)
        }
        return KafkaDeliveryReport(token: token, topic: topic, partition: message.partition,
                                   offset: message.offset >= 0 ? message.offset : nil, error: nil)
    }
}

/// Calls `body` with the bytes of `bytes`. nil gives a null base address,
/// which librdkafka stores as a null key or value. An empty array gives a
/// non-null address with count 0, which librdkafka stores as empty bytes.
@inline(__always)
func withBytes<Result>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    guard let bytes else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    if bytes.isEmpty {
        return withUnsafeBytes(of: UInt8(0)) { body(UnsafeRawBufferPointer(start: $0.baseAddress, count: 0)) }
    }
    return bytes.withUnsafeBytes(body)
}
