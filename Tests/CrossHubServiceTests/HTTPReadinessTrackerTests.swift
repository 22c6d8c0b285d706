import Testing
@testable import CrossHubService

@Suite struct HTTPReadinessTrackerTests {
    let start = ContinuousClock.now

    @Test func notReadyBeforeAssignment() {
        let tracker = ReadinessTracker(stallTimeout: .seconds(30))
        tracker.recordPoll(at: start)
        #expect(tracker.readiness(at: start) == .notReady(reason: "waiting for the first partition assignment"))
    }

    @Test func readyAfterEveryPartitionRestored() {
        let tracker = ReadinessTracker(stallTimeout: .seconds(30))
        tracker.recordPoll(at: start)
        tracker.recordAssigned([7, 3])
        #expect(tracker.readiness(at: start) == .notReady(reason: "restoring state of partition(s) 3, 7"))

        tracker.recordRestored(3)
        #expect(tracker.readiness(at: start) == .notReady(reason: "restoring state of partition(s) 7"))

        tracker.recordRestored(7)
        #expect(tracker.readiness(at: start) == .ready)
    }

    @Test func emptyAssignmentIsReady() {
        let tracker = ReadinessTracker()
        tracker.recordAssigned([])
        tracker.recordPoll(at: start)
        #expect(tracker.readiness(at: start) == .ready)
    }

    @Test func revocationDropsRestoringPartition() {
        let tracker = ReadinessTracker()
        tracker.recordPoll(at: start)
        tracker.recordAssigned([1, 2])
        tracker.recordRestored(1)
        tracker.recordRevoked([2])
        #expect(tracker.readiness(at: start) == .ready)

        tracker.recordAssigned([1, 4])
        #expect(tracker.readiness(at: start) == .notReady(reason: "restoring state of partition(s) 4"))
        tracker.recordRestored(9)
        #expect(tracker.readiness(at: start) == .notReady(reason: "restoring state of partition(s) 4"))
    }

    @Test func stalledConsumerIsNotReady() {
        let tracker = ReadinessTracker(stallTimeout: .seconds(30))
        tracker.recordAssigned([0])
        tracker.recordRestored(0)
        #expect(tracker.readiness(at: start) == .notReady(reason: "the consumer has not polled yet"))

        tracker.recordPoll(at: start)
        #expect(tracker.readiness(at: start + .seconds(30)) == .ready)
        #expect(tracker.readiness(at: start + .milliseconds(42_500))
            == .notReady(reason: "the consumer is stalled: no poll for 42.5 s, the limit is 30.0 s"))

        tracker.recordPoll(at: start + .seconds(43))
        #expect(tracker.readiness(at: start + .seconds(44)) == .ready)
    }
}
