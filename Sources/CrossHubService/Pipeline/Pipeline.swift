import Foundation
import Kafka
import Qualification

/// The processing loop of one service instance.
///
/// Thread confinement: the pipeline thread creates the pipeline and calls
/// every method. It owns the consumer, the producer and all contact state
/// (``BatchProcessor``). librdkafka calls the rebalance handler and the
/// error and statistics handlers inside `poll`, `close` and the transaction
/// calls on this same thread, and the log handler on each client's log
/// thread. Other threads only read the snapshots the pipeline publishes:
/// ``ServiceStatus``, ``ServiceMetrics`` and ``ContactDirectory``.
///
/// The loop: poll up to the batch's remaining capacity, fold each record,
/// and commit the batch when it reaches its ``BatchCap`` (`--batch-max-events`,
/// or `--backlog-batch-max-events` while records are waiting) or when
/// `--commit-interval-ms` has passed since the start of the poll that
/// returned its first record.
final class Pipeline {
    let configuration: ServiceConfiguration
    let logger: Logger
    let metrics: ServiceMetrics
    let status: ServiceStatus
    let directory: ContactDirectory
    let stop: StopRequest
    let version: String
    var processor: BatchProcessor

    var consumer: KafkaConsumer?
    var producer: KafkaProducer?
    let fatalError = FatalErrorSlot()
    /// Repeated lines of one kind (per dead-letter reason, per Kafka error name) are
    /// written once per window and counted; see ``flushRepeatedLogs()``.
    let deadLetterLog: RateLimitedLogger
    let clientErrorLog: RateLimitedLogger
    let commitErrorLog: RateLimitedLogger

    /// Set by the rebalance handler, so that the loop treats the records of the current poll as possibly stale.
    var rebalancedDuringPoll = false
    /// Set when the pipeline stops on an error: revocations then drop the open batch instead of committing it.
    var discardOpenBatch = false
    /// Counts batches, to tell delivery reports of an abandoned batch from those of the current one.
    var batchSequence: UInt64 = 0
    /// Consecutive batches undone without a commit between them, for the backoff.
    var consecutiveRetries = 0
    /// Consecutive batch attempts in which Kafka rejected a record itself; see ``stopIfRecordRejected(_:sendError:prepared:)``.
    var consecutiveRecordRejections = 0
    /// The error that undid the last batch, for the retry log.
    var lastBatchFailure: KafkaError?
    /// The span without an input partition, from the subscription or the last revocation until an assignment.
    var assignmentWait: AssignmentWait?
    /// When the loop next writes the summaries of closed log windows.
    var nextRepeatedLogFlush = ContinuousClock.now
    /// Totals for the stop log.
    var totals = (records: 0, batches: 0, retried: 0)

    init(configuration: ServiceConfiguration, scorer: Scorer, decider: any OutputDecider, logger: Logger,
         metrics: ServiceMetrics, status: ServiceStatus, directory: ContactDirectory, stop: StopRequest, version: String) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        self.status = status
        self.directory = directory
        self.stop = stop
        self.version = version
        self.processor = BatchProcessor(topics: configuration.topics, maxEventBytes: configuration.maxEventBytes,
                                        scorer: scorer, decider: decider)
        processor.changelogGroupID = configuration.groupID
        self.deadLetterLog = RateLimitedLogger(logger: logger, window: Self.repeatedLogWindow)
        self.clientErrorLog = RateLimitedLogger(logger: logger, window: Self.repeatedLogWindow)
        self.commitErrorLog = RateLimitedLogger(logger: logger, window: Self.repeatedLogWindow)
        processor.maxDeadLetterBytes = DeadLetter.maxRecordBytes(of: producerConfiguration().librdkafkaProperties)
        processor.inputPartitioner = configuration.inputPartitioner
        processor.futureSkew = FutureSkewRule(maxSkew: configuration.maxFutureSkew)
    }

    /// Runs until a stop is requested or an error that retrying cannot fix.
    func run() -> ServiceExit {
        logStart()
        do {
            try start()
            try loop()
            try shutdown()
            status.update { $0.phase = .stopped }
            return .stopped
        } catch let interrupted as StartupInterrupted {
            return stopBeforeProcessing(interrupted.description)
        } catch let interrupted as ChangelogRestorer.Interrupted where stop.isRequested {
            return stopBeforeProcessing(interrupted.description)
        } catch {
            return fail(error)
        }
    }

    private func logStart() {
        var fields: [(String, String)] = [("crosshub.version", version),
                                          ("model.version", processor.scorer.modelVersion),
                                          ("librdkafka.version", librdkafkaVersion)]
        fields += configuration.loggedSettings.map { ("config.\($0.name)", $0.value) }
        logger.log(.info, "crosshub run starting", fields)
    }

    private func loop() throws {
        guard let consumer, let producer else { return }
        let batchCap = BatchCap(configuration)
        // After each iteration the open batch has fewer records than the
        // cap, or none, so every poll requests at least one record.
        var maxEvents = batchCap.normal

        while !stop.isRequested {
            if let error = fatalError.current { throw error }

            let now = ContinuousClock.now
            var timeout = min(Self.idlePollTimeout, configuration.commitInterval)
            if let started = processor.batch.startedAt {
                let remaining = started + configuration.commitInterval - now
                timeout = max(.zero, min(remaining, Self.idlePollTimeout))
            }

            rebalancedDuringPoll = false
            let batchWasEmpty = processor.batch.isEmpty
            let messages = try consumer.poll(maxMessages: maxEvents - processor.batch.recordCount, timeout: timeout)
            let polledAt = ContinuousClock.now
            status.recordPoll(at: polledAt)
            _ = producer.poll(timeout: .zero)

            if rebalancedDuringPoll && !messages.isEmpty {
                try rewindStale(messages)
            } else {
                try intake(messages, polledAt: polledAt)
            }
            // The first record of a batch may have arrived at any time during
            // its poll, so the commit interval counts from the poll's start.
            if batchWasEmpty && !processor.batch.isEmpty { processor.batch.startedAt = now }

            let queued = consumer.queuedMessageCount
            maxEvents = batchCap.limit(queued: queued)
            if let started = processor.batch.startedAt,
               processor.batch.recordCount >= maxEvents || ContinuousClock.now >= started + configuration.commitInterval {
                try finishBatch(duringRebalance: false)
            }
            // An undone batch counts as waiting until its records commit, even
            // while the consumer has not fetched them again.
            status.recordWaiting(!processor.batch.isEmpty || queued > 0 || consecutiveRetries > 0, at: polledAt)
            reportAssignmentWait(at: polledAt)
            if polledAt >= nextRepeatedLogFlush {
                flushRepeatedLogs()
                nextRepeatedLogFlush = polledAt + .seconds(1)
            }
        }
    }

    private func intake(_ messages: [KafkaConsumerMessage], polledAt: ContinuousClock.Instant) throws {
        guard !messages.isEmpty else { return }
        let now = Date()
        for message in messages {
            let outcome = try processor.add(message, polledAt: polledAt, now: now)
            if case .deadLettered(let reason) = outcome {
                deadLetterLog.log(.warning, key: "dead-letter.\(reason.code)", "dead-lettered an input record", [
                    ("error.code", reason.code), ("error.message", reason.message),
                    ("kafka.topic", message.topic), ("kafka.partition", String(message.partition)),
                    ("kafka.offset", String(message.offset)),
                ])
            }
        }
    }

    /// Drops the records of a poll during which the assignment changed and
    /// seeks their partitions back to the first of them.
    ///
    /// Such a poll may return records fetched before a revocation next to
    /// the same offsets fetched again after the new assignment. Reading each
    /// partition again from the lowest offset returned gives every record
    /// once: that offset is where the new assignment started fetching.
    private func rewindStale(_ messages: [KafkaConsumerMessage]) throws {
        var lowest: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            lowest[message.topicPartition] = min(lowest[message.topicPartition] ?? message.offset, message.offset)
        }
        let offsets = lowest.sorted { $0.key < $1.key }.map { KafkaTopicPartitionOffset($0.key, offset: $0.value) }
        logger.debug("read records of the new assignment again", ("kafka.partitions", offsets.map(\.description).joined(separator: ",")))
        try consumer?.seek(offsets, timeout: Self.seekTimeout)
    }

    private func shutdown() throws {
        status.update { $0.phase = .stopping }
        logger.info("stopping: committing the open batch and leaving the group",
                    ("batch.records", String(processor.batch.recordCount)))
        if !processor.batch.isEmpty {
            try finishBatch(duringRebalance: true)
        }
        try consumer?.close()
        consumer = nil
        producer?.close(timeout: .seconds(30))
        producer = nil
        logStop(level: .info, "crosshub run stopped")
    }

    private func fail(_ error: any Error) -> ServiceExit {
        let reason = "\(error)"
        // Reports of the same error while the clients close then stay out of the warning log.
        if let kafkaError = error as? KafkaError, kafkaError.isFatal { fatalError.set(kafkaError) }
        logger.critical("stopping on an error that retrying cannot fix", ("error", reason))
        status.update { status in
            status.phase = .failed
            status.failure = reason
        }
        discardOpenBatch = true
        if let consumer {
            do { try consumer.close() } catch { logger.warning("closing the consumer after the failure failed", ("error", "\(error)")) }
        }
        consumer = nil
        producer?.close(timeout: .seconds(5))
        producer = nil
        logStop(level: .error, "crosshub run failed")
        return .failed(reason)
    }

    /// Writes the count of lines held back in every closed window, so a
    /// burst of repeats is reported soon after it ends, not only with the next repeat.
    func flushRepeatedLogs(now: Date = Date()) {
        for log in [deadLetterLog, clientErrorLog, commitErrorLog] {
            log.flushClosedWindows(now: now)
        }
    }

    func logStop(level: LogLevel, _ message: String) {
        flushRepeatedLogs(now: .distantFuture)
        let snapshot = metrics.snapshot()
        logger.log(level, message, [
            ("events.consumed", String(snapshot.totalConsumed)),
            ("events.folded", String(snapshot.total(.folded))),
            ("events.duplicate", String(snapshot.total(.duplicate))),
            ("events.dead_lettered", String(snapshot.total(.deadLettered))),
            ("outputs", String(snapshot.outputsByTopic.values.reduce(0, +))),
            ("batches.committed", String(snapshot.batchesCommitted)),
            ("batches.retried", String(snapshot.batchesRetried)),
        ])
    }

    static let idlePollTimeout: Duration = .milliseconds(100)
    /// Seconds during which repeats of one log line are counted instead of written.
    static let repeatedLogWindow: TimeInterval = 10
    static let seekTimeout: Duration = .seconds(10)
    static let transactionCallTimeout: Duration = .seconds(30)
}
