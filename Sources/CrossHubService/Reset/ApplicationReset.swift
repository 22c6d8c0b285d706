import Foundation
import Kafka
import Qualification

/// The application reset before a full rebuild: with every instance of the
/// deployment stopped, moves the group's input offsets back and clears the
/// changelog, so that restarted instances restore nothing and rescore every
/// contact from the moved offsets.
///
/// Active members are detected before anything changes:
/// 1. DescribeConsumerGroups: the reset is rejected when the group has members.
///    The offsets are then committed outside the group (generation -1),
///    which Apache Kafka accepts only for an empty group.
/// 2. Where the broker has no DescribeGroups (librdkafka's mock cluster),
///    the reset joins the group itself with the input subscription and the
///    `range` assignor. An assignment without every input partition means
///    that another member has some, so the reset leaves and is rejected.
///    Otherwise it commits the offsets as the member it is, and leaves.
///    Joining a live group makes its members rebalance once.
///
/// NOTE: with one partition per input topic, the range assignor may give
/// every partition to the reset's member while another member is active,
/// so the join check can miss that member. Stop every instance first.
public struct ApplicationReset {
    public let settings: ReplayKafkaSettings
    public let plan: ResetPlan

    public init(settings: ReplayKafkaSettings, plan: ResetPlan) {
        self.settings = settings
        self.plan = plan
    }

    /// Runs the reset, or only reports it in a dry run.
    ///
    /// - Throws: ``ResetRejected`` when the group has active members (nothing
    ///   is changed then), ``ReplayError`` for missing topics or a changelog
    ///   that cannot be cleared, and ``KafkaError`` when a broker call fails.
    public func run() throws -> ResetOutcome {
        let counts = try settings.partitionCounts(of: plan.inputs.all + [plan.changelog])
        var outcome = ResetOutcome()
        let partitions = plan.inputs.all.flatMap { topic in
            (0..<(counts[topic] ?? 0)).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) }
        }

        let reader = try offsetReader()
        defer { close(reader) }
        let targets = try targetOffsets(partitions, reader: reader)
        let committed = try reader.committed(partitions, timeout: settings.timeout)
        outcome.offsets = zip(partitions, committed).map { partition, committed in
            ResetOutcome.PartitionOffsets(partition: partition, committed: committed.offset, target: targets[partition]!)
        }
        let commits = partitions.map { KafkaTopicPartitionOffset($0, offset: targets[$0]!) }
        let clearer = ChangelogClearer(settings: settings, topic: plan.changelog, partitions: counts[plan.changelog] ?? 0)

        switch try describeGroup() {
        case .some(let description):
            try rejectIfActive(description)
            outcome.membershipCheck = "none (DescribeConsumerGroups: state \(description.state.rawValue), 0 members)"
            if plan.dryRun { return try dryRun(outcome, clearer: clearer) }
            outcome.changelogAction = try clearer.clear(plan.clearing, keys: &outcome.changelogKeys)
            // A commit outside the group; Apache Kafka rejects it if a member joined meanwhile.
            try reader.commit(commits)
            outcome.offsetsCommitted = true
        case .none:
            if plan.dryRun {
                outcome.membershipCheck = "not checked in a dry run: the broker has no DescribeGroups, and the check joins the group"
                return try dryRun(outcome, clearer: clearer)
            }
            let probe = try joinAsOnlyMember(partitions)
            outcome.membershipCheck = "none (joined the group and received all \(partitions.count) input partitions)"
            defer { close(probe) }
            try probe.commit(commits)
            outcome.offsetsCommitted = true
            close(probe)
            outcome.changelogAction = try clearer.clear(plan.clearing, keys: &outcome.changelogKeys)
        }
        outcome.nextSteps = nextSteps()
        settings.logger.notice("application reset done", ("kafka.group", plan.groupID),
                               ("kafka.topic", plan.changelog), ("changelog.keys", String(outcome.changelogKeys)))
        return outcome
    }

    private func dryRun(_ outcome: ResetOutcome, clearer: ChangelogClearer) throws -> ResetOutcome {
        var outcome = outcome
        outcome.changelogKeys = try clearer.liveKeys().values.reduce(0) { $0 + $1.count }
        outcome.changelogAction = "would \(plan.clearing) (\(outcome.changelogKeys) keys with a snapshot); dry run, nothing changed"
        outcome.nextSteps = ["run again without --dry-run, with every instance of group \(plan.groupID) stopped"]
        return outcome
    }

    private func nextSteps() -> [String] {
        var steps: [String] = []
        if case .newTopic(let name, _) = plan.clearing {
            steps.append("start every instance with --changelog-topic \(name) (CROSSHUB_CHANGELOG_TOPIC=\(name)); the old changelog \(plan.changelog) is left as it was")
        }
        steps.append("start the instances with --group-id \(plan.groupID); they restore no state and rescore every contact from \(plan.target)")
        steps.append("outputs are published again with the same output ids where the decisions repeat, so consumers that drop duplicates by output_id see each once")
        return steps
    }

    /// Creates a consumer with the group's id that never joins it, for reading and committing offsets.
    private func offsetReader() throws -> KafkaConsumer {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: settings.bootstrapServers, groupID: plan.groupID)
        configuration.clientID = settings.clientID
        configuration.properties = settings.properties
        return try KafkaConsumer(configuration: configuration, handlers: settings.handlers())
    }

    private func targetOffsets(_ partitions: [KafkaTopicPartition], reader: KafkaConsumer) throws -> [KafkaTopicPartition: Int64] {
        var watermarks: [KafkaTopicPartition: KafkaWatermarks] = [:]
        for partition in partitions {
            watermarks[partition] = try reader.queryWatermarks(partition, timeout: settings.timeout)
        }
        switch plan.target {
        case .earliest:
            return watermarks.mapValues(\.low)
        case .timestamp(let time):
            // librdkafka's mock cluster returns no offset for every lookup by timestamp,
            // which would read as "no record that recent" and move every partition to its end.
            if try settings.adminClient().clusterID(timeout: settings.timeout)?.hasPrefix("mockCluster") ?? false {
                throw ReplayError("the embedded broker cannot look offsets up by timestamp, so --to-datetime cannot be used with it; reset to the earliest offsets instead")
            }
            let milliseconds = time.microsecondsSinceEpoch / 1000
            let found = try reader.offsetsForTimes(Dictionary(uniqueKeysWithValues: partitions.map { ($0, milliseconds) }),
                                                   timeout: settings.timeout)
            var targets: [KafkaTopicPartition: Int64] = [:]
            for partition in partitions {
                targets[partition] = (found[partition] ?? nil) ?? watermarks[partition]!.high
            }
            return targets
        }
    }

    func close(_ consumer: KafkaConsumer) {
        do {
            try consumer.close()
        } catch {
            settings.logger.warning("closing a reset consumer failed", ("error", "\(error)"))
        }
    }
}
