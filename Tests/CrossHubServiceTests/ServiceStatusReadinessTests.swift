import Kafka
import Testing
@testable import CrossHubService

/// What `/readyz` reports for each state of ``ServiceStatus``.
@Suite struct ServiceStatusReadinessTests {
    let start = ContinuousClock.now

    @Test func startingIsNotReady() {
        let status = ServiceStatus(stallTimeout: .seconds(30))
        status.recordPoll(at: start)
        #expect(status.readiness(at: start) == .notReady(reason: "starting: checking topics and waiting for the first partition assignment"))
    }

    @Test func readyAfterEveryPartitionRestored() {
        let status = ServiceStatus(stallTimeout: .seconds(30))
        status.update { status in
            status.joinedGroup = true
            status.phase = .restoring
            status.assignedPartitions = [3, 7]
            status.restoredPartitions = []
        }
        #expect(status.readiness(at: start) == .notReady(reason: "restoring the state of partitions 3, 7 from the changelog"))

        status.update { $0.restoredPartitions = [3] }
        #expect(status.readiness(at: start) == .notReady(reason: "restoring the state of partitions 7 from the changelog"))

        status.update { status in
            status.restoredPartitions = [3, 7]
            status.phase = .running
        }
        #expect(status.readiness(at: start) == .notReady(reason: "the consumer has not polled yet"))

        status.recordPoll(at: start)
        #expect(status.readiness(at: start) == .ready)
        #expect(status.snapshot().readiness(at: start) == .ready)
    }

    @Test func emptyAssignmentIsReady() {
        let status = ServiceStatus()
        status.update { status in
            status.joinedGroup = true
            status.phase = .running
        }
        status.recordPoll(at: start)
        #expect(status.readiness(at: start) == .ready)
    }

    @Test func stalledConsumerIsNotReady() {
        let status = ServiceStatus(stallTimeout: .seconds(30))
        status.update { status in
            status.joinedGroup = true
            status.phase = .running
        }
        status.recordPoll(at: start)
        #expect(status.readiness(at: start + .seconds(30)) == .ready)
        #expect(status.readiness(at: start + .milliseconds(30_500))
            == .notReady(reason: "the consumer is stalled: no poll for 30.5 s, the limit is 30.0 s (--stall-timeout-seconds)"))

        status.recordPoll(at: start + .seconds(31))
        #expect(status.readiness(at: start + .seconds(31)) == .ready)
    }

    @Test func stoppingAndFailedAreNotReady() {
        let status = ServiceStatus()
        status.update { status in
            status.joinedGroup = true
            status.phase = .stopping
        }
        status.recordPoll(at: start)
        #expect(status.readiness(at: start) == .notReady(reason: "stopping: committing the open batch and leaving the group"))

        status.update { status in
            status.phase = .failed
            status.failure = "producer fenced"
        }
        #expect(status.readiness(at: start) == .notReady(reason: "failed: producer fenced"))
    }
}
