import CRdKafka

/// The owner of one `rd_kafka_t` handle and of the callback context librdkafka points to.
///
/// The handle is destroyed exactly once, in `deinit`, after which the
/// retained context is released. The public client classes each own one
/// `RDClient` and never hand out the raw handle.
///
/// `@unchecked Sendable` is safe because the stored properties are immutable
/// and librdkafka's `rd_kafka_t` is thread-safe for the calls this package makes.
final class RDClient: @unchecked Sendable {
    let handle: OpaquePointer
    let context: RDCallbackContext
    let name: String
    private let retainedContext: Unmanaged<RDCallbackContext>
    private let logPoller: RDLogPoller?

    /// Creates the handle.
    ///
    /// `log.queue` is forced on so that log lines never come from
    /// librdkafka's threads. A dedicated ``RDLogPoller`` thread serves them
    /// from the start, including during blocking calls such as metadata requests.
    ///
    /// - Throws: ``KafkaError`` of kind `invalidConfiguration` for a property
    ///   librdkafka rejects, either when it is set or when `rd_kafka_new`
    ///   checks the combination (for example `transactional.id` with
    ///   `enable.idempotence=false`).
    init(type: rd_kafka_type_t, configuration: KafkaConfiguration, handlers: KafkaClientHandlers,
         installCallbacks: (OpaquePointer) -> Void = { _ in }) throws {
        var effective = configuration
        effective["log.queue"] = "true"

        let context = RDCallbackContext(handlers: handlers, configuration: configuration)
        let conf = try RDConfiguration(effective)
        let retained = Unmanaged.passRetained(context)
        rd_kafka_conf_set_opaque(conf.handle, retained.toOpaque())
        rd_kafka_conf_set_log_cb(conf.handle, rdLogCallback)
        rd_kafka_conf_set_error_cb(conf.handle, rdErrorCallback)
        rd_kafka_conf_set_stats_cb(conf.handle, rdStatisticsCallback)
        installCallbacks(conf.handle)

        var buffer = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, conf.handle, &buffer, buffer.count) else {
            // rd_kafka_new leaves the configuration with the caller when it fails.
            conf.destroy()
            retained.release()
            let detail = configuration.maskingSecrets(in: string(fromBuffer: buffer))
            throw KafkaError(kind: .invalidConfiguration, code: .invalidArgument,
                             message: "creating the Kafka client failed: \(detail)")
        }

        self.handle = handle
        self.context = context
        self.retainedContext = retained
        self.name = String(cString: rd_kafka_name(handle))
        context.clientName = name

        logPoller = RDLogPoller(handle: handle, context: context)
        if logPoller == nil {
            // The main queue is served by the client's polling calls, so the lines arrive late but arrive.
            let result = rd_kafka_set_log_queue(handle, nil)
            let reason = result == RD_KAFKA_RESP_ERR_NO_ERROR ? "no log queue" : String(cString: rd_kafka_err2str(result))
            context.log(.warning, "serving librdkafka logs from a thread failed (\(reason)); they are served by polling calls")
        }
    }

    deinit {
        // Lines logged while the handle is destroyed are dropped, because the poller must stop first.
        logPoller?.stop()
        rd_kafka_destroy(handle)
        retainedContext.release()
    }

    /// Serves the main queue: logs, errors, statistics and delivery reports.
    @discardableResult
    func pollMainQueue(timeoutMilliseconds: Int32) -> Int32 {
        rd_kafka_poll(handle, timeoutMilliseconds)
    }
}

/// Converts a duration to whole milliseconds for librdkafka, clamped to `0...Int32.max`.
func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let total = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    if total <= 0 { return 0 }
    if total >= Double(Int32.max) { return Int32.max }
    return Int32(total.rounded(.up))
}
