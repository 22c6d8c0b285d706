import Foundation
import Kafka

extension Pipeline {
    /// Publishes and commits the open batch, or undoes it when Kafka
    /// rejects it so that its records are read and processed again.
    ///
    /// - Parameter duringRebalance: true inside the rebalance handler and at
    ///   shutdown, where an undone batch is not read again by this instance
    ///   (the partitions are about to go), so the consumer does not seek and
    ///   the backoff is skipped.
    /// - Throws: a fatal ``KafkaError`` (fenced, authorization, producer
    ///   fatal) or a ``PipelineError``; the pipeline must stop.
    func finishBatch(duringRebalance: Bool) throws {
        guard let consumer, let producer, !processor.batch.isEmpty else { return }
        batchSequence += 1
        let prepared = processor.prepareCommit()

        let committed: Bool
        switch configuration.guarantee {
        case .exactlyOnce:
            committed = try commitTransaction(prepared, producer: producer, consumer: consumer)
        case .atLeastOnce:
            committed = try publishThenCommitOffsets(prepared, producer: producer, consumer: consumer)
        }

        if committed {
            consecutiveRetries = 0
            consecutiveRecordRejections = 0
            status.recordCommit()
            let batch = processor.completeCommit()
            let commitTime = ContinuousClock.now
            let now = Date().timeIntervalSince1970
            var processingSeconds: [Double] = []
            processingSeconds.reserveCapacity(batch.tally.recordCount)
            for poll in batch.polls {
                let seconds = ChangelogRestorer.seconds(commitTime - poll.at)
                processingSeconds += repeatElement(seconds, count: poll.records)
            }
            let eventSeconds = batch.recordTimestamps.map { max(0, now - Double($0) / 1000) }
            metrics.recordCommittedBatch(batch.tally, transactional: configuration.guarantee == .exactlyOnce,
                                         processingSeconds: processingSeconds, eventSeconds: eventSeconds)
            directory.publish(batch.changedContacts)
            publishGauges()
            totals.records += batch.tally.recordCount
            totals.batches += 1
            logger.trace("batch committed", ("batch.records", String(batch.tally.recordCount)),
                         ("batch.outputs", String(prepared.outputCount)), ("batch.dead_letters", String(prepared.deadLetterCount)),
                         ("batch.changelog", String(prepared.changelogCount)))
            return
        }

        let rewind = processor.undo()
        metrics.recordBatchRetried(transactionAborted: configuration.guarantee == .exactlyOnce)
        totals.retried += 1
        consecutiveRetries += 1
        status.recordRetry(consecutive: consecutiveRetries)
        guard !duringRebalance else {
            logger.warning("batch undone while giving up its partitions; the next owner reads its records again",
                           ("kafka.offsets", rewind.map(\.description).joined(separator: ",")))
            return
        }
        try consumer.seek(rewind, timeout: Self.seekTimeout)
        let backoff = Self.retryBackoff(consecutiveRetries)
        logger.warning("batch undone in memory; reading it again", ("kafka.offsets", rewind.map(\.description).joined(separator: ",")),
                       ("batch.retry", String(consecutiveRetries)), ("retry.backoff_ms", String(ServiceConfiguration.milliseconds(backoff))),
                       ("error", lastBatchFailure.map { "\($0)" } ?? "unknown"))
        // A stop request ends the wait early; the shutdown then leaves the records to the next owner.
        stop.wait(for: backoff)
    }

    /// Exactly-once: one transaction with the batch's records and input offsets.
    ///
    /// - Returns: true when the transaction committed, false when it was
    ///   aborted and the batch must be undone.
    private func commitTransaction(_ prepared: PreparedBatch, producer: KafkaProducer, consumer: KafkaConsumer) throws -> Bool {
        var sending: Int?
        do {
            try producer.beginTransaction()
            for (index, record) in prepared.records.enumerated() {
                sending = index
                try producer.send(record, token: deliveryToken(index))
            }
            sending = nil
            let groupMetadata = try consumer.groupMetadata()
            try retrying("sending offsets to the transaction") {
                try producer.sendOffsetsToTransaction(prepared.offsets, groupMetadata: groupMetadata,
                                                      timeout: Self.transactionCallTimeout)
            }
            try retrying("committing the transaction") {
                try producer.commitTransaction(timeout: Self.transactionCallTimeout)
            }
            _ = producer.drainDeliveryReports()
            return true
        } catch let error as KafkaError where !error.isFatal {
            let failures = producer.drainDeliveryReports().filter { !$0.isSuccess && isCurrentBatch($0) }
            commitErrorLog.log(.error, key: "transaction.\(error.name)", "transaction failed; aborting it", [
                ("error", "\(error)"), ("batch.records", String(prepared.records.count)),
                ("delivery.failures", String(failures.count)),
                ("delivery.first_failure", failures.first?.error.map { "\($0)" } ?? "none"),
            ])
            lastBatchFailure = failures.first?.error ?? error
            try abortTransaction(producer)
            try stopIfRecordRejected(failures, sendError: sending.map { (error, $0) }, prepared: prepared)
            return false
        }
    }

    private func abortTransaction(_ producer: KafkaProducer) throws {
        do {
            try retrying("aborting the transaction") {
                try producer.abortTransaction(timeout: Self.transactionCallTimeout)
            }
        } catch let error as KafkaError where !error.isFatal {
            // Aborting fails with a state error when the transaction never began; there is nothing to undo then.
            commitErrorLog.log(.warning, key: "transaction-abort.\(error.name)", "aborting the transaction failed", [("error", "\(error)")])
        }
        _ = producer.drainDeliveryReports()
    }

    /// At-least-once: publish the records, wait for every delivery report,
    /// and commit the input offsets only when every record was acknowledged.
    ///
    /// - Returns: true when every record was acknowledged (even if the offset
    ///   commit then failed), false when a delivery failed and the batch must be undone.
    private func publishThenCommitOffsets(_ prepared: PreparedBatch, producer: KafkaProducer, consumer: KafkaConsumer) throws -> Bool {
        var failures: [KafkaDeliveryReport] = []
        var sent = 0
        var sendError: (KafkaError, Int)?
        do {
            for (index, record) in prepared.records.enumerated() {
                try producer.send(record, token: deliveryToken(index))
                sent += 1
            }
        } catch let error as KafkaError where !error.isFatal {
            sendError = (error, sent)
            commitErrorLog.log(.error, key: "send.\(error.name)", "sending a record failed",
                               [("error", "\(error)"), ("batch.records", String(prepared.records.count))])
        }

        let reports = try awaitDeliveryReports(count: sent, producer: producer)
        failures = reports.filter { !$0.isSuccess }
        if let error = fatalError.current { throw error }
        try stopIfRecordRejected(failures, sendError: sendError, prepared: prepared)
        guard sent == prepared.records.count, failures.isEmpty else {
            lastBatchFailure = failures.first?.error ?? sendError?.0
            commitErrorLog.log(.error, key: "delivery", "records of the batch were not acknowledged; undoing the batch", [
                ("batch.records", String(prepared.records.count)), ("records.sent", String(sent)),
                ("delivery.failures", String(failures.count)),
                ("delivery.first_failure", failures.first?.error.map { "\($0)" } ?? "none"),
            ])
            return false
        }

        do {
            try retrying("committing offsets") { try consumer.commit(prepared.offsets) }
        } catch let error as KafkaError where !error.isFatal {
            // The outputs and snapshots are published, so the state stays. A
            // later owner reads these records again and skips them by offset.
            metrics.recordOffsetCommitFailure()
            commitErrorLog.log(.error, key: "offset-commit.\(error.name)",
                               "committing input offsets failed; the records will be read again and skipped as duplicates",
                               [("error", "\(error)"), ("kafka.offsets", prepared.offsets.map(\.description).joined(separator: ","))])
        }
        return true
    }

    /// Waits for the reports of the current batch's `count` records; reports of older batches are ignored.
    private func awaitDeliveryReports(count: Int, producer: KafkaProducer) throws -> [KafkaDeliveryReport] {
        var reports: [KafkaDeliveryReport] = []
        let deadline = ContinuousClock.now + Self.atLeastOnceMessageTimeout + .seconds(30)
        while reports.count < count {
            if let error = fatalError.current { throw error }
            guard ContinuousClock.now < deadline else {
                throw PipelineError(description: "\(count - reports.count) of \(count) delivery reports did not arrive within \(Self.atLeastOnceMessageTimeout + .seconds(30)); the producer is stuck")
            }
            reports += producer.poll(timeout: .milliseconds(100)).filter(isCurrentBatch)
        }
        return reports
    }

    /// A delivery token: the batch sequence number in the high 32 bits, the record index in the low 32.
    private func deliveryToken(_ index: Int) -> UInt64 {
        (batchSequence & 0xFFFF_FFFF) << 32 | UInt64(index)
    }

    private func isCurrentBatch(_ report: KafkaDeliveryReport) -> Bool {
        report.token >> 32 == batchSequence & 0xFFFF_FFFF
    }

    func publishGauges() {
        let gauges = processor.gauges
        metrics.setContactGauges(perPartition: gauges.perPartition, statusCounts: gauges.statusCounts)
    }

    /// The wait before reading an undone batch again: 100 ms doubling to 10 s.
    static func retryBackoff(_ retries: Int) -> Duration {
        let exponent = min(max(retries - 1, 0), 7)
        return min(.milliseconds(100 * (1 << exponent)), .seconds(10))
    }
}
