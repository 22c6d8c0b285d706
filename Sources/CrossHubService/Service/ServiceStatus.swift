import Kafka
import Synchronization

/// The lifecycle and readiness of one service instance, published by the
/// pipeline thread and readable from any thread (the health endpoint reads it).
///
/// It is the one source of `/readyz`: ``Snapshot/readiness(at:)`` decides
/// from the phase, the restored partitions, the reachability of the cluster,
/// the time of the last poll and the progress of the commits.
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
        /// How long the consumer may go without a poll, or without a committed
        /// batch while records are waiting, before the instance counts as stalled.
        public var stallTimeout: Duration
        /// Since when records have been waiting (an open batch, fetched records
        /// or an undone batch) without a commit; nil while nothing waits.
        public var waitingSince: ContinuousClock.Instant?
        /// Batches undone one after another without a commit between them.
        public var consecutiveRetries = 0
        /// The number of consecutive undone batches at which the instance counts as stalled.
        public var retryLimit: Int
        /// True from a lost assignment (session timeout, exceeded poll
        /// interval) until the next assignment.
        public var assignmentLost = false
        /// True from a client's "all brokers down" error until a broker is
        /// seen up again, a batch commits or partitions are assigned.
        public var brokersDown = false
        /// The reason of a failure.
        public var failure: String?

        /// True when ``readiness(at:)`` returns `.ready` now.
        public var isReady: Bool {
            readiness() == .ready
        }

        /// Returns `.ready` while the instance processes input, and otherwise
        /// the first reason that applies. The reasons, in order: the phase,
        /// partitions still being restored, a lost assignment, no reachable
        /// broker, ``retryLimit`` batches undone in a row, records waiting
        /// longer than ``stallTimeout`` without a commit, or no poll for longer than it.
        /// Each condition clears by itself once the cause goes away.
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
            if assignmentLost {
                return .notReady(reason: "the partition assignment was lost (session timeout or poll interval exceeded); rejoining the group")
            }
            if brokersDown {
                return .notReady(reason: "no Kafka broker is reachable; check the brokers and the network")
            }
            if consecutiveRetries >= retryLimit {
                return .notReady(reason: "the open batch was undone \(consecutiveRetries) times in a row without a commit; the log names the Kafka error (limit \(retryLimit), --stall-retries)")
            }
            if let waitingSince, now - waitingSince > stallTimeout {
                return .notReady(reason: "the consumer is stalled: records have waited \(Self.seconds(now - waitingSince)) s without a committed batch, the limit is \(Self.seconds(stallTimeout)) s (--stall-timeout-seconds)")
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

    /// - Parameters:
    ///   - stallTimeout: how long the consumer may go without a poll, or
    ///     without a commit while records wait, before `/readyz` reports the
    ///     instance as stalled.
    ///   - retryLimit: the number of batches undone in a row at which
    ///     `/readyz` reports the instance as stalled.
    public init(stallTimeout: Duration = .seconds(60), retryLimit: Int = 5) {
        state = Mutex(Snapshot(stallTimeout: stallTimeout, retryLimit: retryLimit))
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

    /// Records whether input records wait for a commit at `instant`. The
    /// first call that reports waiting records starts the stall clock.
    func recordWaiting(_ waiting: Bool, at instant: ContinuousClock.Instant) {
        state.withLock { status in
            if !waiting {
                status.waitingSince = nil
            } else if status.waitingSince == nil {
                status.waitingSince = instant
            }
        }
    }

    /// Records a committed batch: progress, and proof that a broker is reachable.
    func recordCommit() {
        state.withLock { status in
            status.waitingSince = nil
            status.consecutiveRetries = 0
            status.brokersDown = false
        }
    }

    func recordRetry(consecutive: Int) {
        state.withLock { $0.consecutiveRetries = consecutive }
    }

    func recordBrokersDown(_ down: Bool) {
        state.withLock { $0.brokersDown = down }
    }
}
