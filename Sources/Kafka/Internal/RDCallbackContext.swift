import Foundation
import CRdKafka

/// State shared between one client and the C callbacks librdkafka invokes for it.
///
/// librdkafka receives an unmanaged pointer to this object as its `opaque`.
/// Every callback runs on the thread inside a polling call (see
/// ``KafkaClientHandlers``), because they are served from the client's
/// queues, except log lines, which the client's `RDLogPoller` thread serves.
///
/// `@unchecked Sendable` is safe because the fields are either immutable
/// after `RDClient.init` (`handlers`, `configuration`, `clientName`, which is
/// written once before the first poll) or guarded by a `Locked` box.
final class RDCallbackContext: @unchecked Sendable {
    let handlers: KafkaClientHandlers
    /// The configuration the client was created with, for masking secrets in messages.
    let configuration: KafkaConfiguration
    /// librdkafka's instance name, written by `RDClient.init` right after `rd_kafka_new`.
    var clientName = "rdkafka"

    /// Delivery reports buffered by `dr_msg_cb` until the caller drains them.
    let deliveryReports = Locked<[KafkaDeliveryReport]>([])
    /// Topic names by `rd_kafka_topic_t` handle, so that hot paths do not build a String per message.
    let topicNames = RDTopicNameCache()
    /// Consumer-only state: the rebalance handler and what happened during the current poll.
    let rebalance = Locked(RebalanceState())

    struct RebalanceState {
        var handler: KafkaConsumer.RebalanceHandler?
        weak var consumer: KafkaConsumer?
        /// Set by the rebalance callback, cleared by the poll that observes it.
        var occurred = false
        /// The first error thrown by the handler or by librdkafka's assign call, rethrown by `poll`.
        var pendingError: (any Error)?
        /// Called with the result of every ``KafkaConsumer/commitAsync(_:)``.
        var offsetCommitHandler: KafkaConsumer.OffsetCommitHandler?
    }

    init(handlers: KafkaClientHandlers, configuration: KafkaConfiguration) {
        self.handlers = handlers
        self.configuration = configuration
    }

    /// Writes a log line from the wrapper itself, with facility `SWIFT`.
    func log(_ level: KafkaLogLevel, _ message: String) {
        handlers.log?(KafkaLogRecord(level: level, facility: "SWIFT",
                                     message: configuration.maskingSecrets(in: message),
                                     clientName: clientName))
    }

    /// Passes an error that belongs to no call to the error handler, or logs it when there is none.
    func report(_ error: KafkaError) {
        if let handler = handlers.error {
            handler(error)
        } else {
            log(error.isFatal ? .critical : .error, "unhandled client error: \(error)")
        }
    }
}

/// Topic names cached by `rd_kafka_topic_t` pointer.
///
/// A cached entry is used only when its stored C name still equals the
/// handle's name, so a handle address that librdkafka reuses for another
/// topic cannot return a stale name.
final class RDTopicNameCache: @unchecked Sendable {
    // `@unchecked Sendable`: `entries` is only touched inside `lock.withLock`.
    private let lock = Locked<[UnsafeMutableRawPointer: (cName: [CChar], name: String)]>([:])

    func name(of topic: OpaquePointer) -> String {
        let key = UnsafeMutableRawPointer(topic)
        let cName = rd_kafka_topic_name(topic)!
        return lock.withLock { entries in
            if let entry = entries[key], entry.cName.withUnsafeBufferPointer({ strcmp($0.baseAddress!, cName) == 0 }) {
                return entry.name
            }
            let name = String(cString: cName)
            entries[key] = (Array(UnsafeBufferPointer(start: cName, count: strlen(cName) + 1)), name)
            return name
        }
    }
}
