import CRdKafka
import Foundation

/// A thread that serves one client's log queue, so that librdkafka's log
/// lines reach the log handler as they happen. Without it they wait for the
/// client's next polling call, which start-up calls such as a metadata
/// request can hold off for their whole timeout.
///
/// Lifetime: ``stop()`` must run before the client handle is destroyed. It
/// ends the thread, serves the lines still queued and releases the queue.
///
/// `@unchecked Sendable`: `queue` is immutable, librdkafka's queue calls are
/// thread-safe, and `stopping` is guarded by `condition`.
final class RDLogPoller: @unchecked Sendable {
    private let queue: OpaquePointer
    private let context: RDCallbackContext
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false

    /// Creates a log queue for `handle`, routes its logs there and starts the thread.
    ///
    /// - Returns: nil when librdkafka rejects the log queue; the caller then
    ///   keeps the logs on the main queue.
    init?(handle: OpaquePointer, context: RDCallbackContext) {
        guard let queue = rd_kafka_queue_new(handle) else { return nil }
        guard rd_kafka_set_log_queue(handle, queue) == RD_KAFKA_RESP_ERR_NO_ERROR else {
            rd_kafka_queue_destroy(queue)
            return nil
        }
        self.queue = queue
        self.context = context

        let thread = Thread { [self] in
            run()
        }
        thread.name = "rdkafka-log"
        thread.start()
    }

    /// Ends the thread, serves every line still queued and releases the queue.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        rd_kafka_queue_yield(queue)

        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()

        serve(timeoutMilliseconds: 0)
        rd_kafka_queue_destroy(queue)
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func run() {
        while !isStopping {
            serve(timeoutMilliseconds: 1000)
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Serves queued log events until the queue is empty, waiting up to
    /// `timeoutMilliseconds` for the first one.
    private func serve(timeoutMilliseconds: Int32) {
        var timeout = timeoutMilliseconds
        while let event = rd_kafka_queue_poll(queue, timeout) {
            defer { rd_kafka_event_destroy(event) }
            timeout = 0

            var facility: UnsafePointer<CChar>?
            var message: UnsafePointer<CChar>?
            var level: Int32 = 0
            guard rd_kafka_event_type(event) == RD_KAFKA_EVENT_LOG,
                  rd_kafka_event_log(event, &facility, &message, &level) == 0 else { continue }
            deliverLog(context: context, level: level, facility: facility, message: message)
        }
    }
}
