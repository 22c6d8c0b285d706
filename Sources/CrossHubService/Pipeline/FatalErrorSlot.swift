import Kafka
import Synchronization

/// The first fatal client error reported by a client's error handler,
/// which the pipeline loop checks between polls.
final class FatalErrorSlot: Sendable {
    private let error = Mutex<KafkaError?>(nil)

    /// Keeps `error` unless an earlier one is kept.
    ///
    /// - Returns: true when `newError` is the one kept.
    @discardableResult
    func set(_ newError: KafkaError) -> Bool {
        error.withLock { current in
            guard current == nil else { return false }
            current = newError
            return true
        }
    }

    var current: KafkaError? {
        error.withLock { $0 }
    }
}
