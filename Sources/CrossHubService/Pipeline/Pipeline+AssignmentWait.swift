import Foundation
import Kafka

/// The span during which an instance has no input partition, so that the
/// loop can explain a long wait for an assignment instead of staying silent.
struct AssignmentWait {
    let since: ContinuousClock.Instant
    var nextReport: ContinuousClock.Instant
    /// True once the group completed a rebalance that gave this member no partition.
    var assignedNone = false

    init(since: ContinuousClock.Instant) {
        self.since = since
        self.nextReport = since + Pipeline.assignmentWaitReportInterval
    }
}

extension Pipeline {
    /// Starts the wait clock unless it already runs, after the subscription or a revocation that left no partition.
    func startAssignmentWait(at now: ContinuousClock.Instant = .now) {
        if assignmentWait == nil { assignmentWait = AssignmentWait(since: now) }
    }

    /// Starts the wait clock when `revoked` takes the last assigned partitions.
    func startAssignmentWaitIfIdle(revoking revoked: [KafkaTopicPartition]) {
        let current = (try? consumer?.assignment()) ?? []
        let revokedSet = Set(revoked)
        if current.allSatisfy({ revokedSet.contains($0) }) { startAssignmentWait() }
    }

    /// Records an assignment: a non-empty one ends the wait, an empty one
    /// means the group has more members than input partitions.
    func recordAssignment(_ partitions: [KafkaTopicPartition]) {
        guard partitions.isEmpty else {
            assignmentWait = nil
            return
        }
        startAssignmentWait()
        assignmentWait?.assignedNone = true
    }

    /// Logs, every ``assignmentWaitReportInterval``, that the instance still
    /// has no input partition, for how long, and the likely cause and fix.
    func reportAssignmentWait(at now: ContinuousClock.Instant) {
        guard var wait = assignmentWait, now >= wait.nextReport else { return }
        wait.nextReport = now + Self.assignmentWaitReportInterval
        assignmentWait = wait

        let fields = [("kafka.group", configuration.groupID),
                      ("waited_ms", String(ServiceConfiguration.milliseconds(now - wait.since)))]
        if wait.assignedNone {
            logger.log(.notice, "still no input partition assigned: the group has more members than the input topics have partitions, so this instance stays idle until a member leaves or partitions are added", fields)
            return
        }
        let sessionTimeout = configuration.kafkaProperties.applicable(to: .consumer)["session.timeout.ms"]
            ?? String(Self.defaultSessionTimeoutMilliseconds)
        logger.log(.notice, "still waiting for a partition assignment: a member that stopped without leaving the group (kill -9, a crash, a lost node) keeps its partitions until its session expires after its session.timeout.ms (\(sessionTimeout) ms on this instance). Lower it with --kafka session.timeout.ms=MS, or give each instance a stable --kafka group.instance.id=NAME (static membership) so that a restart takes over its own member at once",
                   fields + [("kafka.session_timeout_ms", sessionTimeout)])
    }

    /// How often the loop reports a wait for an assignment.
    static let assignmentWaitReportInterval: Duration = .seconds(10)
    /// librdkafka's default `session.timeout.ms` (45000 since librdkafka 1.7, per its CHANGELOG and CONFIGURATION.md).
    static let defaultSessionTimeoutMilliseconds = 45_000
}
