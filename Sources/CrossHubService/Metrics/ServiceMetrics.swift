import Synchronization

/// Counters, gauges and histograms of one service instance.
///
/// The pipeline thread updates them, mostly once per committed batch; any
/// thread may read a consistent ``Snapshot`` (the metrics endpoint renders
/// it). Event counts move only when a batch commits, so an aborted batch
/// that is read again is never counted twice.
public final class ServiceMetrics: Sendable {
    /// A consistent copy of every metric.
    public struct Snapshot: Sendable {
        /// Consumed input records per topic and outcome, for committed batches.
        public var eventsConsumed: [String: [EventOutcome: UInt64]] = [:]
        /// Dead-lettered records per error code (`invalid_json`, `key_mismatch`, ...).
        public var deadLettersByCode: [String: UInt64] = [:]
        /// Published output records per topic; dead letters and changelog records excluded.
        public var outputsByTopic: [String: UInt64] = [:]
        public var changelogRecords: UInt64 = 0
        /// Seconds from polling a record to committing its batch.
        public var processingLatency = PrometheusHistogram.empty(PrometheusHistogram.latencySecondsBounds)
        /// Seconds from a record's Kafka timestamp to committing its batch.
        /// Large while a backlog is read, since the timestamps are old.
        public var eventAge = PrometheusHistogram.empty(PrometheusHistogram.eventAgeSecondsBounds)
        /// Records per committed batch.
        public var batchSizes = PrometheusHistogram.empty(PrometheusHistogram.batchEventsBounds)
        /// Committed batches: transactions in exactly-once mode, offset commits in at-least-once mode.
        public var batchesCommitted: UInt64 = 0
        public var transactionsCommitted: UInt64 = 0
        public var transactionsAborted: UInt64 = 0
        /// Batches undone in memory and read again (aborted transactions, failed deliveries).
        public var batchesRetried: UInt64 = 0
        /// Retries of a single Kafka call after a retriable error.
        public var callRetries: UInt64 = 0
        /// Failed input offset commits in at-least-once mode.
        public var offsetCommitFailures: UInt64 = 0
        /// Rebalance events by kind: `assigned`, `revoked`, `lost`.
        public var rebalances: [String: UInt64] = [:]
        /// Seconds each partition's changelog restore took.
        public var restoreDuration = PrometheusHistogram.empty(PrometheusHistogram.restoreSecondsBounds)
        public var restoredRecords: UInt64 = 0
        public var restoredContacts: UInt64 = 0
        public var corruptSnapshots: UInt64 = 0
        /// Contacts in memory per assigned partition number.
        public var contactsPerPartition: [Int32: Int] = [:]
        /// Contacts in memory by their last published status (`SALES_QUALIFIED_LEAD`, ...).
        public var statusCounts: [String: Int] = [:]
        /// Consumer lag per fetched input partition from the last librdkafka statistics.
        public var consumerLag: [ConsumerLag] = []

        /// Consumed records over every topic and outcome.
        public var totalConsumed: UInt64 {
            eventsConsumed.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        }

        /// Records with `outcome` over every topic.
        public func total(_ outcome: EventOutcome) -> UInt64 {
            eventsConsumed.values.reduce(0) { $0 + ($1[outcome] ?? 0) }
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    /// A copy of every metric.
    public func snapshot() -> Snapshot {
        state.withLock { $0 }
    }

    /// Adds a committed batch.
    ///
    /// - Parameters:
    ///   - processingSeconds: per record, seconds from poll to commit.
    ///   - eventSeconds: per record with a timestamp, seconds from its timestamp to commit.
    func recordCommittedBatch(_ tally: BatchTally, transactional: Bool,
                              processingSeconds: [Double], eventSeconds: [Double]) {
        state.withLock { metrics in
            for (topic, outcomes) in tally.outcomes {
                for (outcome, count) in outcomes {
                    metrics.eventsConsumed[topic, default: [:]][outcome, default: 0] += UInt64(count)
                }
            }
            for (code, count) in tally.deadLettersByCode {
                metrics.deadLettersByCode[code, default: 0] += UInt64(count)
            }
            for (topic, count) in tally.outputsByTopic {
                metrics.outputsByTopic[topic, default: 0] += UInt64(count)
            }
            metrics.changelogRecords += UInt64(tally.changelogRecords)
            processingSeconds.forEach { metrics.processingLatency.observe($0) }
            eventSeconds.forEach { metrics.eventAge.observe($0) }
            metrics.batchSizes.observe(Double(tally.recordCount))
            metrics.batchesCommitted += 1
            if transactional { metrics.transactionsCommitted += 1 }
        }
    }

    func recordBatchRetried(transactionAborted: Bool) {
        state.withLock { metrics in
            metrics.batchesRetried += 1
            if transactionAborted { metrics.transactionsAborted += 1 }
        }
    }

    func recordCallRetry() {
        state.withLock { $0.callRetries += 1 }
    }

    func recordOffsetCommitFailure() {
        state.withLock { $0.offsetCommitFailures += 1 }
    }

    func recordRebalance(_ kind: String) {
        state.withLock { $0.rebalances[kind, default: 0] += 1 }
    }

    func recordRestore(records: Int, contacts: Int, corrupt: Int, seconds: Double) {
        state.withLock { metrics in
            metrics.restoredRecords += UInt64(records)
            metrics.restoredContacts += UInt64(contacts)
            metrics.corruptSnapshots += UInt64(corrupt)
            metrics.restoreDuration.observe(seconds)
        }
    }

    func setContactGauges(perPartition: [Int32: Int], statusCounts: [String: Int]) {
        state.withLock { metrics in
            metrics.contactsPerPartition = perPartition
            metrics.statusCounts = statusCounts
        }
    }

    /// Reads the consumer lag of every fetched partition from the input
    /// consumer's statistics JSON and keeps it until the next statistics.
    ///
    /// - Parameter positionBased: true under exactly-once, where the
    ///   consumer's committed offsets are not updated (see
    ///   ``KafkaStatistics/consumerLag(fromJSON:positionBased:readCommitted:)``).
    /// - Throws: ``KafkaStatisticsError`` when the JSON does not have the
    ///   documented shape; the previous lag stays.
    func recordStatistics(_ json: String, positionBased: Bool) throws(KafkaStatisticsError) {
        let lag = try KafkaStatistics.consumerLag(fromJSON: json, positionBased: positionBased)
        state.withLock { $0.consumerLag = lag }
    }
}
