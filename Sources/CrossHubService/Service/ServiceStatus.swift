import Kafka
import Synchronization

/// The lifecycle and readiness of one service instance, published by the
/// pipeline thread and readable from any thread (the health endpoint reads it).
public final class ServiceStatus: Sendable {
    /// Where the instance is in its life.
    public enum Phase: String, Sendable {
        /// Checking configuration and topics, joining the group.
        case starting
        /// Restoring assigned partitions from the changelog.
        case restoring
        /// Processing input.
        case running
        /// Committing the last batch and leaving the group.
        case stopping
        /// Stopped after a requested shutdown.
        case stopped
        /// Stopped on an error; see ``Snapshot/failure``.
        case failed
    }

    public struct Snapshot: Sendable, Equatable {
        public var phase: Phase = .starting
        /// The input partitions assigned to this instance, sorted.
        public var assignment: [KafkaTopicPartition] = []
        /// Input partition numbers assigned to this instance, sorted.
        public var assignedPartitions: [Int32] = []
        /// Assigned partition numbers whose state is restored, sorted.
        public var restoredPartitions: [Int32] = []
        /// True once the instance has received its first assignment (possibly empty).
        public var joinedGroup = false
        /// The reason of a failure.
        public var failure: String?

        /// True while the instance processes input with every assigned partition restored.
        public var isReady: Bool {
            phase == .running && joinedGroup && Set(assignedPartitions).isSubset(of: Set(restoredPartitions))
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func snapshot() -> Snapshot {
        state.withLock { $0 }
    }

    public var isReady: Bool { snapshot().isReady }

    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }
}
