import CRdKafka

// C callbacks registered on every client. librdkafka invokes them from the
// thread that is serving a queue (a polling call), never from its own
// threads, because `log.queue` is on. Log lines are served by the client's
// `RDLogPoller` thread instead, and reach `rdLogCallback` only if that
// thread could not be started. Each one recovers the `RDCallbackContext`
// from the opaque pointer without changing its retain count.

private func context(_ opaque: UnsafeMutableRawPointer?) -> RDCallbackContext? {
    guard let opaque else { return nil }
    return Unmanaged<RDCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
}

let rdLogCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
    client, level, facility, message in
    guard let client, let context = context(rd_kafka_opaque(client)) else { return }
    deliverLog(context: context, level: level, facility: facility, message: message)
}

/// Passes one librdkafka log line to the client's log handler, secrets masked.
func deliverLog(context: RDCallbackContext, level: Int32, facility: UnsafePointer<CChar>?, message: UnsafePointer<CChar>?) {
    guard let log = context.handlers.log else { return }
    let text = message.map { String(cString: $0) } ?? ""
    log(KafkaLogRecord(level: KafkaLogLevel(rawValue: level) ?? .debug,
                       facility: facility.map { String(cString: $0) } ?? "",
                       message: context.configuration.maskingSecrets(in: text),
                       clientName: context.clientName))
}

let rdErrorCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = {
    client, code, reason, opaque in
    guard let context = context(opaque) else { return }
    let text = context.configuration.maskingSecrets(in: reason.map { String(cString: $0) } ?? "")
    context.report(KafkaError(code: rd_kafka_resp_err_t(rawValue: code), message: text, client: client))
}

let rdStatisticsCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int, UnsafeMutableRawPointer?) -> Int32 = {
    _, json, length, opaque in
    guard let context = context(opaque), let handler = context.handlers.statistics, let json else { return 0 }
    handler(String(decoding: UnsafeRawBufferPointer(start: json, count: length), as: UTF8.self))
    // Returning 0 makes librdkafka free the JSON buffer itself.
    return 0
}

let rdDeliveryReportCallback: @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
    client, message, opaque in
    guard let context = context(opaque), let message else { return }
    let report = KafkaProducer.deliveryReport(for: message.pointee, context: context, client: client)
    context.deliveryReports.withLock { $0.append(report) }
}

let rdRebalanceCallback: @convention(c) (OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, UnsafeMutableRawPointer?) -> Void = {
    client, code, partitions, opaque in
    guard let client, let context = context(opaque) else { return }
    KafkaConsumer.handleRebalance(client: client, code: code, partitions: partitions, context: context)
}

/// The per-call callback of `rd_kafka_commit_queue`; its opaque is the client's context, not retained.
let rdOffsetCommitCallback: @convention(c) (OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, UnsafeMutableRawPointer?) -> Void = {
    client, code, offsets, opaque in
    guard let context = context(opaque) else { return }
    KafkaConsumer.handleOffsetCommit(code: code, offsets: offsets, context: context, client: client)
}
