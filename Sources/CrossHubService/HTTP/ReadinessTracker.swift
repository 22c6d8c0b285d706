import Foundation
import Synchronization

/// Tracks what `/readyz` reports: the assigned partitions, which of them are
/// restored, and when the consumer last polled.
///
/// The processing loop calls the `record…` methods; the HTTP server's threads
/// call `readiness(at:)`. A mutex guards the state, so both may run at once.
///
/// Ready means: an assignment has arrived (an empty one counts, for an
/// instance beyond the partition count), every assigned partition number is
/// restored, and the last poll is no older than `stallTimeout`.
public final class ReadinessTracker: Sendable {
    private struct State {
        var assignmentReceived = false
        var restoring: Set<Int32> = []
        var restored: Set<Int32> = []
        var lastPoll: ContinuousClock.Instant?
    }

    /// How long the consumer may go without polling before the instance counts as stalled.
    public let stallTimeout: Duration
    private let state = Mutex(State())

    public init(stallTimeout: Duration = .seconds(60)) {
        self.stallTimeout = stallTimeout
    }

    /// Records newly assigned partition numbers, which stay not ready until restored.
    public func recordAssigned(_ partitions: some Sequence<Int32>) {
        state.withLock { state in
            state.assignmentReceived = true
            for partition in partitions where !state.restored.contains(partition) {
                state.restoring.insert(partition)
            }
        }
    }

    /// Records revoked partition numbers, which no longer count either way.
    public func recordRevoked(_ partitions: some Sequence<Int32>) {
        state.withLock { state in
            for partition in partitions {
                state.restoring.remove(partition)
                state.restored.remove(partition)
            }
        }
    }

    /// Records that a partition's state is restored from the changelog.
    /// A partition that is not assigned is ignored.
    public func recordRestored(_ partition: Int32) {
        state.withLock { state in
            if state.restoring.remove(partition) != nil {
                state.restored.insert(partition)
            }
        }
    }

    /// Records a poll of the consumer, at `instant`.
    public func recordPoll(at instant: ContinuousClock.Instant = .now) {
        state.withLock { $0.lastPoll = instant }
    }

    /// Returns the readiness at `now`, with the first reason that applies when not ready.
    public func readiness(at now: ContinuousClock.Instant = .now) -> Readiness {
        let snapshot = state.withLock { $0 }
        guard snapshot.assignmentReceived else {
            return .notReady(reason: "waiting for the first partition assignment")
        }
        guard snapshot.restoring.isEmpty else {
            let partitions = snapshot.restoring.sorted().map(String.init).joined(separator: ", ")
            return .notReady(reason: "restoring state of partition(s) \(partitions)")
        }
        guard let lastPoll = snapshot.lastPoll else {
            return .notReady(reason: "the consumer has not polled yet")
        }
        let silence = now - lastPoll
        guard silence <= stallTimeout else {
            return .notReady(reason: "the consumer is stalled: no poll for \(Self.seconds(silence)) s, the limit is \(Self.seconds(stallTimeout)) s")
        }
        return .ready
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
