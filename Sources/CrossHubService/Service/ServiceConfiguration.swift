import Foundation
import Kafka
import Qualification

/// The settings of one service instance.
///
/// Setting names in errors and in the start-up log are the flags of
/// `crosshub run` (`--batch-max-events`), so that an operator can find the
/// flag and its `CROSSHUB_*` variable from a message. ``validate()`` checks
/// every setting before anything connects.
public struct ServiceConfiguration: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// The consumer group that every instance of one deployment shares.
    public var groupID = "crosshub"
    /// This instance's name, part of the `transactional.id`, so unique
    /// among the group's running instances. A restart with the same name
    /// aborts the predecessor's open transaction at once. A new name is
    /// safe too, because offsets carry the group generation (KIP-447).
    public var instanceID: String
    /// The first part of the `transactional.id` `<prefix>-<group>-<instance>`.
    public var transactionalIDPrefix = "crosshub"
    public var topics = ServiceTopics.defaults
    public var guarantee = DeliveryGuarantee.exactlyOnce
    /// The maximum number of input records in one batch (one transaction in
    /// exactly-once mode) while the consumer keeps up with the log.
    public var batchMaxEvents = 500
    /// The maximum number of input records in one batch while at least
    /// another ``batchMaxEvents`` records are already fetched and waiting.
    /// Values below ``batchMaxEvents`` act as ``batchMaxEvents``.
    public var backlogBatchMaxEvents = 5000
    /// How long a batch stays open before it is committed, from the start of
    /// the poll that returned its first record.
    public var commitInterval: Duration = .milliseconds(100)
    /// Input records with a larger value are dead-lettered as `oversized` unread.
    public var maxEventBytes = 65_536
    /// The partitioner input producers use; with ``InputPartitioner/murmur2``
    /// a record in another partition than its key's is dead-lettered as `partition_mismatch`.
    public var inputPartitioner = InputPartitioner.murmur2
    /// How far an event's `occurred_at` may be after its record's Kafka
    /// timestamp; later events are dead-lettered as `occurred_at_in_future`.
    public var maxFutureSkew = FutureSkewRule.defaultMaxSkew
    /// Whether start-up creates missing topics through the admin API.
    public var createTopics = false
    /// The partition count of input topics that start-up creates when none exists yet.
    /// Topics created beside existing inputs take the inputs' count.
    public var newTopicPartitions = 6
    /// The replication factor of created topics; -1 asks for the broker's default.
    public var newTopicReplicationFactor = KafkaNewTopic.brokerDefaultReplicationFactor
    /// The port of the operations endpoint (health, metrics, contact lookup);
    /// nil or 0 for none.
    public var httpPort: Int?
    /// The IPv4 or IPv6 literal the operations endpoint binds to.
    public var httpBindAddress = "0.0.0.0"
    /// How long the input consumer may go without a poll, or records may
    /// wait without a committed batch, before `/readyz` reports the instance as stalled.
    public var stallTimeout: Duration = .seconds(60)
    /// The number of batches undone in a row (aborted transactions, failed
    /// deliveries) at which `/readyz` reports the instance as stalled.
    public var stallRetries = 5
    /// How often librdkafka reports statistics (consumer lag); zero turns them off.
    public var statisticsInterval: Duration = .seconds(5)
    /// How long restoring the newly assigned partitions from the changelog
    /// may take before the instance stops. The restore runs inside the
    /// rebalance, so it also counts against `max.poll.interval.ms`.
    public var restoreTimeout: Duration = .seconds(240)
    /// How long start-up waits for cluster metadata, and each admin call.
    public var metadataTimeout: Duration = .seconds(30)
    /// librdkafka properties applied to every client (security, tuning), after the service's own.
    public var kafkaProperties: KafkaConfiguration = [:]
    /// More settings to show in the start-up log, such as those of the output decider.
    public var additionalSettings: [(name: String, value: String)] = []

    public init(bootstrapServers: String, instanceID: String) {
        self.bootstrapServers = bootstrapServers
        self.instanceID = instanceID
    }

    /// `<prefix>-<group>-<instance>`: the same on every restart that keeps the instance id.
    public var transactionalID: String {
        "\(transactionalIDPrefix)-\(groupID)-\(instanceID)"
    }

    /// The host name, the default instance id.
    public static var defaultInstanceID: String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "crosshub" : name
    }

    /// The effective settings as name and value pairs, secrets masked, for the start-up log.
    public var loggedSettings: [(name: String, value: String)] {
        var settings: [(name: String, value: String)] = [
            ("brokers", bootstrapServers),
            ("group-id", groupID),
            ("instance-id", instanceID),
            ("guarantee", guarantee.rawValue),
            ("batch-max-events", String(batchMaxEvents)),
            ("backlog-batch-max-events", String(backlogBatchMaxEvents)),
            ("commit-interval-ms", String(Self.milliseconds(commitInterval))),
            ("max-event-bytes", String(maxEventBytes)),
            ("input-partitioner", inputPartitioner.rawValue),
            ("max-future-skew", DecisionPolicy.durationText(maxFutureSkew)),
            ("marketing-topic", topics.inputs.marketing),
            ("sales-topic", topics.inputs.sales),
            ("service-topic", topics.inputs.service),
        ]
        if guarantee == .exactlyOnce {
            settings.insert(("transactional.id", transactionalID), at: 4)
        }
        for kind in OutputKindFlag.all {
            settings.append((kind.flag, topics.topic(for: kind.kind)))
        }
        settings.append(("dead-letter-topic", topics.deadLetters))
        settings.append(("changelog-topic", topics.changelog))
        settings.append(("create-topics", String(createTopics)))
        if let httpPort, httpPort > 0 {
            settings.append(("http-port", String(httpPort)))
            settings.append(("http-address", httpBindAddress))
        } else {
            settings.append(("http-port", "off"))
        }
        settings.append(("stall-timeout-seconds", String(Self.milliseconds(stallTimeout) / 1000)))
        settings.append(("stall-retries", String(stallRetries)))
        settings.append(("restore-timeout-seconds", String(ServiceConfiguration.milliseconds(restoreTimeout) / 1000)))
        settings.append(("statistics-interval-ms", String(Self.milliseconds(statisticsInterval))))
        settings += additionalSettings
        for key in kafkaProperties.properties.keys.sorted() {
            settings.append(("kafka.\(key)", kafkaProperties.maskedValue(forKey: key)))
        }
        return settings
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
