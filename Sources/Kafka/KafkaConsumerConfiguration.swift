/// Settings of a ``KafkaConsumer``.
///
/// Defaults differ from librdkafka's where a service that commits its own
/// offsets needs it: auto commit and auto offset store are off, the assignor
/// is `range`, a new group starts at the earliest offset, and
/// `read_committed` hides aborted transactions (on a real broker).
/// ``properties`` passes any other librdkafka property through and overrides
/// a typed field with the same key. Producer-only properties and those with
/// the `producer.` prefix are left out (see ``KafkaConfiguration/applicable(to:)``).
public struct KafkaConsumerConfiguration: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `group.id`. Required for ``KafkaConsumer/subscribe(topics:rebalanceHandler:)``
    /// and for commits. When nil, the consumer is assign-only: it gets a
    /// generated group id that it never joins (see ``KafkaConsumer``).
    public var groupID: String?
    /// `client.id`, shown in broker logs and quotas. nil keeps librdkafka's `rdkafka`.
    public var clientID: String?
    /// `partition.assignment.strategy`. `range` keeps partition p of every
    /// subscribed topic on the same member when the topics have equal partition counts.
    public var partitionAssignmentStrategy = "range"
    /// `auto.offset.reset`: where to start when the group has no committed offset.
    public var autoOffsetReset: AutoOffsetReset = .earliest
    /// `enable.auto.commit`.
    public var enableAutoCommit = false
    /// `enable.auto.offset.store`. When false, only offsets passed to
    /// ``KafkaConsumer/storeOffsets(_:)`` are committed by a commit without arguments.
    public var enableAutoOffsetStore = false
    /// `isolation.level`.
    public var isolationLevel: IsolationLevel = .readCommitted
    /// `session.timeout.ms`; nil keeps librdkafka's 45 s.
    public var sessionTimeout: Duration?
    /// `max.poll.interval.ms`: the longest time between two polls before
    /// the member leaves the group. A rebalance handler that restores state
    /// runs inside a poll, so restoring counts against it. nil keeps librdkafka's 300 s.
    public var maxPollInterval: Duration?
    /// `statistics.interval.ms`; nil or zero disables statistics.
    public var statisticsInterval: Duration?
    /// Raw librdkafka properties applied last.
    public var properties: KafkaConfiguration

    public enum AutoOffsetReset: String, Sendable {
        case earliest
        case latest
        /// Report `_AUTO_OFFSET_RESET` to the error handler instead of moving.
        case error
    }

    public enum IsolationLevel: String, Sendable {
        case readCommitted = "read_committed"
        case readUncommitted = "read_uncommitted"
    }

    public init(bootstrapServers: String, groupID: String? = nil, properties: KafkaConfiguration = [:]) {
        self.bootstrapServers = bootstrapServers
        self.groupID = groupID
        self.properties = properties
    }

    /// The librdkafka properties these settings produce, with the consumer's
    /// share of ``properties`` applied last.
    public var librdkafkaProperties: KafkaConfiguration {
        var rendered = KafkaConfiguration()
        rendered["bootstrap.servers"] = bootstrapServers
        rendered["group.id"] = groupID
        rendered["client.id"] = clientID
        rendered["partition.assignment.strategy"] = partitionAssignmentStrategy
        rendered["auto.offset.reset"] = autoOffsetReset.rawValue
        rendered["enable.auto.commit"] = String(enableAutoCommit)
        rendered["enable.auto.offset.store"] = String(enableAutoOffsetStore)
        rendered["isolation.level"] = isolationLevel.rawValue
        rendered["session.timeout.ms"] = sessionTimeout.map { String(milliseconds($0)) }
        rendered["max.poll.interval.ms"] = maxPollInterval.map { String(milliseconds($0)) }
        rendered["statistics.interval.ms"] = statisticsInterval.map { String(milliseconds($0)) }
        return rendered.merging(properties.applicable(to: .consumer))
    }
}
