import Kafka
import Synchronization

/// The first fatal client error reported by a client's error handler,
/// which the pipeline loop checks between polls.
final class FatalErrorSlot: Sendable {
    private let error = Mutex<KafkaError?>(nil)

    /// Keeps `error` unless an earlier one is kept.
    func set(_ newError: KafkaError) {
        error.withLock { current in
            if current == nil { current = newError }
        }
    }

    var current: KafkaError? {
        error.withLock { $0 }
    }
}
