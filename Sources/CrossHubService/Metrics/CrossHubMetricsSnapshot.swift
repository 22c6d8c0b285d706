import Qualification

/// The end state of a transaction, the `result` label of `crosshub_transactions_total`.
public enum TransactionOutcome: String, Sendable, CaseIterable {
    case committed
    case aborted
}

/// One topic-partition's consumer lag, in messages.
public struct ConsumerLag: Sendable, Equatable {
    public var topic: String
    public var partition: Int32
    public var messages: Int64

    public init(topic: String, partition: Int32, messages: Int64) {
        self.topic = topic
        self.partition = partition
        self.messages = messages
    }
}

/// A copy of every figure `/metrics` exposes, taken at one moment.
///
/// The service's collector keeps these figures behind its lock, copies them
/// into a snapshot when `/metrics` is requested, and returns
/// `metricFamilies()`. Counters count from the start of the process.
public struct CrossHubMetricsSnapshot: Sendable, Equatable {
    /// Input events per topic and outcome.
    public var eventsConsumed: [EventCountKey: UInt64] = [:]
    /// Records written per output topic, the dead-letter topic and the
    /// changelog included, counted when the transaction or delivery that
    /// carried them succeeded.
    public var outputs: [String: UInt64] = [:]
    /// Dead-lettered input events per reason code (`invalid_json`, `key_mismatch`, ...).
    public var deadLetters: [String: UInt64] = [:]
    /// Seconds from consuming an input event to committing the batch that contains it.
    public var processingLatency = PrometheusHistogram.empty(PrometheusHistogram.latencySecondsBounds)
    /// Seconds from an input record's Kafka timestamp to committing the batch that contains it.
    public var eventAge = PrometheusHistogram.empty(PrometheusHistogram.eventAgeSecondsBounds)
    /// Input events per processed batch.
    public var batchEvents = PrometheusHistogram.empty(PrometheusHistogram.batchEventsBounds)
    /// Transactions per outcome; both stay 0 under at-least-once.
    public var transactions: [TransactionOutcome: UInt64] = [:]
    /// Batches undone in memory and read again: aborted transactions and
    /// batches with a failed delivery.
    public var batchRetries: UInt64 = 0
    /// Failed commits of input offsets under at-least-once.
    public var offsetCommitFailures: UInt64 = 0
    /// Kafka calls repeated after a retriable error.
    public var kafkaCallRetries: UInt64 = 0
    /// Partition assignments and revocations handled.
    public var rebalances: UInt64 = 0
    /// Seconds to restore one partition's state from the changelog, one observation per restore.
    public var restoreDuration = PrometheusHistogram.empty(PrometheusHistogram.restoreSecondsBounds)
    /// Changelog records read while restoring.
    public var restoreRecords: UInt64 = 0
    /// Changelog records skipped while restoring because they do not decode
    /// or their key differs from their contact id.
    public var restoreCorruptRecords: UInt64 = 0
    /// Contacts held in state per assigned partition number.
    public var contactsPerPartition: [Int32: Int] = [:]
    /// Lag per assigned input topic-partition, from librdkafka's statistics.
    public var consumerLag: [ConsumerLag] = []
    /// Contacts in this instance's state per current qualification status.
    public var qualificationStatus: [QualificationStatus: Int] = [:]
    /// Whether `/readyz` would return 200. When nil, `crosshub_ready` is left out.
    public var ready: Bool?

    /// The key of `eventsConsumed`.
    public struct EventCountKey: Hashable, Sendable {
        public var topic: String
        public var outcome: EventOutcome

        public init(topic: String, outcome: EventOutcome) {
            self.topic = topic
            self.outcome = outcome
        }
    }

    public init() {}
}
