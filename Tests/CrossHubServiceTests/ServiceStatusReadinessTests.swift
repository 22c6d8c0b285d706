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

/// The liveness conditions of `/readyz`: commit progress, retries, a lost assignment, unreachable brokers.
@Suite struct ServiceStatusLivenessTests {
    let start = ContinuousClock.now

    private func runningStatus() -> ServiceStatus {
        let status = ServiceStatus(stallTimeout: .seconds(30), retryLimit: 3)
        status.update { status in
            status.joinedGroup = true
            status.phase = .running
            status.assignedPartitions = [0]
            status.restoredPartitions = [0]
        }
        return status
    }

    @Test func waitingWithoutCommitIsStalled() {
        let status = runningStatus()
        status.recordWaiting(true, at: start)
        // Later polls keep the instant of the first wait.
        status.recordWaiting(true, at: start + .seconds(20))
        status.recordPoll(at: start + .seconds(31))
        #expect(status.readiness(at: start + .seconds(30)) == .ready)
        #expect(status.readiness(at: start + .seconds(31))
            == .notReady(reason: "the consumer is stalled: records have waited 31.0 s without a committed batch, the limit is 30.0 s (--stall-timeout-seconds)"))

        status.recordCommit()
        #expect(status.readiness(at: start + .seconds(31)) == .ready)
    }

    @Test func idleInstanceStaysReady() {
        let status = runningStatus()
        status.recordWaiting(true, at: start)
        status.recordWaiting(false, at: start + .seconds(1))
        status.recordPoll(at: start + .seconds(100))
        #expect(status.readiness(at: start + .seconds(100)) == .ready)
    }

    @Test func repeatedRetriesAreNotReady() {
        let status = runningStatus()
        status.recordPoll(at: start)
        status.recordRetry(consecutive: 2)
        #expect(status.readiness(at: start) == .ready)
        status.recordRetry(consecutive: 3)
        #expect(status.readiness(at: start)
            == .notReady(reason: "the open batch was undone 3 times in a row without a commit; the log names the Kafka error (limit 3, --stall-retries)"))
        status.recordCommit()
        #expect(status.readiness(at: start) == .ready)
    }

    @Test func lostAssignmentIsNotReady() {
        let status = runningStatus()
        status.recordPoll(at: start)
        status.update { $0.assignmentLost = true }
        #expect(status.readiness(at: start)
            == .notReady(reason: "the partition assignment was lost (session timeout or poll interval exceeded); rejoining the group"))
        status.update { $0.assignmentLost = false }
        #expect(status.readiness(at: start) == .ready)
    }

    @Test func unreachableBrokersAreNotReady() {
        let status = runningStatus()
        status.recordPoll(at: start)
        status.recordBrokersDown(true)
        #expect(status.readiness(at: start) == .notReady(reason: "no Kafka broker is reachable; check the brokers and the network"))
        status.recordCommit()
        #expect(status.readiness(at: start) == .ready)
    }

    @Test func brokerStateFromStatistics() throws {
        let up = #"{"brokers":{"127.0.0.1:9092/bootstrap":{"nodeid":-1,"state":"INIT"},"127.0.0.1:9092/1":{"nodeid":1,"state":"UP"}}}"#
        let down = #"{"brokers":{"127.0.0.1:9092/bootstrap":{"nodeid":-1,"state":"UP"},"127.0.0.1:9092/1":{"nodeid":1,"state":"DOWN"}}}"#
        let bootstrapOnly = #"{"brokers":{"127.0.0.1:9092/bootstrap":{"nodeid":-1,"state":"UP"}}}"#
        #expect(try KafkaStatistics.hasBrokerUp(fromJSON: up) == true)
        #expect(try KafkaStatistics.hasBrokerUp(fromJSON: down) == false)
        #expect(try KafkaStatistics.hasBrokerUp(fromJSON: bootstrapOnly) == nil)
        #expect(try KafkaStatistics.hasBrokerUp(fromJSON: "{}") == nil)
    }
}
