import Foundation
import Kafka

extension Pipeline {
    /// Stops the pipeline when Kafka rejected a record of the batch itself
    /// (``KafkaError/Code/rejectsRecord``) in ``maxRecordRejections`` attempts in a row.
    ///
    /// The first rejection among the delivery reports, then the error of the
    /// send that threw, counts. The attempts before the last are retried, in
    /// case an operator raised the topic's `max.message.bytes` meanwhile;
    /// each is logged. The count goes back to zero when a batch commits.
    ///
    /// - Parameter sendError: the error of the send that threw and the index of its record.
    /// - Throws: a ``PipelineError`` naming the record, the input event behind it and the fix.
    func stopIfRecordRejected(_ failures: [KafkaDeliveryReport], sendError: (KafkaError, Int)?,
                              prepared: PreparedBatch) throws {
        var rejection: (error: KafkaError, index: Int)?
        if let report = failures.first(where: { $0.error?.code.rejectsRecord == true }), let error = report.error {
            rejection = (error, Int(report.token & 0xFFFF_FFFF))
        } else if let sendError, sendError.0.code.rejectsRecord {
            rejection = sendError
        }
        guard let rejection else { return }

        consecutiveRecordRejections += 1
        let subject = prepared.records.indices.contains(rejection.index)
            ? describeRecord(prepared.records[rejection.index], index: rejection.index, prepared: prepared)
            : "a record"
        guard consecutiveRecordRejections >= Self.maxRecordRejections else {
            logger.warning("Kafka rejected a record of the batch; retrying the batch in case the limit changed",
                           ("error", "\(rejection.error)"), ("record", subject),
                           ("rejection.attempt", String(consecutiveRecordRejections)),
                           ("rejection.max_attempts", String(Self.maxRecordRejections)))
            return
        }
        let batchOffsets = processor.batch.rewindOffsets.map(\.description).joined(separator: ",")
        throw PipelineError(description:
            "Kafka rejected \(subject) with \(rejection.error.name) (\(rejection.error.message)) in "
            + "\(consecutiveRecordRejections) attempts in a row, so the instance stops without committing the batch "
            + "that starts at \(batchOffsets). Fix: \(Self.fix(for: rejection.error.code)); the next start reads the batch again")
    }

    /// Attempts of a batch that Kafka rejects a record of before the pipeline stops.
    static let maxRecordRejections = 3

    /// Names the record's role, topic, size and the input record behind it.
    private func describeRecord(_ record: KafkaProducerMessage, index: Int, prepared: PreparedBatch) -> String {
        let size = (record.key?.count ?? 0) + (record.value?.count ?? 0) + DeadLetter.serializedSize(record.headers)
        let key = record.key.map { String(decoding: $0.prefix(80), as: UTF8.self) } ?? ""
        let target = "for \(record.topic) (\(size) bytes with key and headers, key \"\(key)\")"

        if index < prepared.outputCount {
            return "an output record \(target), caused by \(causeDescription(contactID: key))"
        }
        if index < prepared.outputCount + prepared.deadLetterCount {
            func header(_ name: String) -> String {
                record.headers.last { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) } ?? "?"
            }
            return "the dead letter \(target) of input \(header(DeadLetter.topicHeader)) partition "
                + "\(header(DeadLetter.partitionHeader)) offset \(header(DeadLetter.offsetHeader))"
        }
        return "the changelog snapshot \(target) in partition \(record.partition.map(String.init) ?? "?"), caused by \(causeDescription(contactID: key))"
    }

    private func causeDescription(contactID: String) -> String {
        guard let cause = processor.batch.causes.first(where: { $0.key.contactID == contactID })?.value,
              let source = cause.source else {
            return "the batch's events of contact \"\(contactID)\""
        }
        return "input \(source.topic) partition \(source.partition) offset \(source.offset) (event \(cause.eventID))"
    }

    private static func fix(for code: KafkaError.Code) -> String {
        switch code {
        case .messageSizeTooLarge, .recordListTooLarge, .invalidMessageSize:
            "raise the producer's limit with --kafka message.max.bytes=BYTES and the topic's max.message.bytes "
                + "on the broker to at least the record's size, or lower --max-event-bytes"
        case .unknownPartition:
            "give the changelog topic as many partitions as the input topics"
        default:
            "check the topic's configuration (message.timestamp.difference.max.ms, cleanup.policy, "
                + "max.message.bytes) and the broker log for why it rejects the record"
        }
    }
}
