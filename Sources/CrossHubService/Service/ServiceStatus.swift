import Kafka
import Synchronization

/// The lifecycle and readiness of one service instance, published by the
/// pipeline thread and readable from any thread (the health endpoint reads it).
///
/// It is the one source of `/readyz`: ``Snapshot/readiness(at:)`` decides
/// from the phase, the restored partitions and the time of the last poll.
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
        /// The partition count of every input topic, known once the topics are checked.
        public var inputPartitionCount: Int?
        /// When the input consumer last returned from a poll.
        public var lastPollAt: ContinuousClock.Instant?
        /// How long the consumer may go without a poll before the instance counts as stalled.
        public var stallTimeout: Duration
        /// The reason of a failure.
        public var failure: String?

        /// True when ``readiness(at:)`` returns `.ready` now.
        public var isReady: Bool {
            readiness() == .ready
        }

        /// Returns `.ready` while the instance processes input with every
        /// assigned partition restored and its last poll no older than
        /// ``stallTimeout``, and otherwise the first reason that applies.
        ///
        /// An empty assignment counts as restored, so an instance beyond the
        /// partition count is ready and does not block a rolling update.
        public func readiness(at now: ContinuousClock.Instant = .now) -> Readiness {
            switch phase {
            case .starting:
                return .notReady(reason: "starting: checking topics and waiting for the first partition assignment")
            case .stopping:
                return .notReady(reason: "stopping: committing the open batch and leaving the group")
            case .stopped:
                return .notReady(reason: "stopped")
            case .failed:
                return .notReady(reason: "failed: \(failure ?? "unknown error")")
            case .restoring, .running:
                break
            }

            let pending = Set(assignedPartitions).subtracting(restoredPartitions)
            guard pending.isEmpty, phase == .running else {
                let numbers = pending.sorted().map(String.init).joined(separator: ", ")
                return .notReady(reason: "restoring the state of partitions \(numbers) from the changelog")
            }
            guard let lastPollAt else {
                return .notReady(reason: "the consumer has not polled yet")
            }
            let silence = now - lastPollAt
            guard silence <= stallTimeout else {
                return .notReady(reason: "the consumer is stalled: no poll for \(Self.seconds(silence)) s, the limit is \(Self.seconds(stallTimeout)) s (--stall-timeout-seconds)")
            }
            return .ready
        }

        private static func seconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            let tenths = (seconds * 10 + attoseconds / 100_000_000_000_000_000)
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    private let state: Mutex<Snapshot>

    /// - Parameter stallTimeout: how long the consumer may go without a poll
    ///   before `/readyz` reports the instance as stalled.
    public init(stallTimeout: Duration = .seconds(60)) {
        state = Mutex(Snapshot(stallTimeout: stallTimeout))
    }

    public func snapshot() -> Snapshot {
        state.withLock { $0 }
    }

    public var isReady: Bool { snapshot().isReady }

    /// Returns what `/readyz` reports at `now`.
    public func readiness(at now: ContinuousClock.Instant = .now) -> Readiness {
        snapshot().readiness(at: now)
    }

    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }

    func recordPoll(at instant: ContinuousClock.Instant) {
        state.withLock { $0.lastPollAt = instant }
    }
}
