import Foundation
import Kafka
import Qualification

extension BatchProcessor {
    /// Runs the record checks of ``add(_:polledAt:now:)`` and decodes the event.
    func decodeChecked(_ message: KafkaConsumerMessage) -> Result<Event, DeadLetterReason> {
        guard let value = message.value else {
            return .failure(DeadLetterReason(code: DeadLetterReason.missingValue,
                                             message: "the record has a null value; producers must send the event JSON as the value"))
        }
        guard value.count <= decoder.maxPayloadBytes else {
            return .failure(DeadLetterReason(code: DeadLetterReason.oversized,
                                             message: "the value has \(value.count) bytes, above the \(decoder.maxPayloadBytes)-byte limit (--max-event-bytes)"))
        }
        guard let key = message.key else {
            return .failure(DeadLetterReason(code: DeadLetterReason.missingKey,
                                             message: "the record has a null key; producers must key every event by its contact_id"))
        }

        let event: Event
        do {
            event = try decoder.decode(value)
        } catch {
            return .failure(DeadLetterReason(code: error.code.rawValue, message: error.description))
        }

        let matches = key.withUnsafeBytes { keyBytes in
            keyBytes.elementsEqual(event.contactID.utf8)
        }
        guard matches else {
            return .failure(DeadLetterReason(
                code: DeadLetterReason.keyMismatch,
                message: "the key \(Self.quoted(key.string)) differs from contact_id \(Self.quoted(event.contactID)); producers must key every event by its contact_id so that a contact's events share one partition"))
        }
        if let reason = checkPartition(of: message, key: key) {
            return .failure(reason)
        }
        if let violation = eventTopics.violation(type: event.type, topic: message.topic) {
            return .failure(DeadLetterReason(code: EventTopicRule.code, message: violation))
        }
        if let timestamp = message.timestamp,
           let violation = futureSkew.violation(occurredAt: event.occurredAt, referenceMilliseconds: timestamp.milliseconds,
                                                reference: "the record's Kafka timestamp") {
            return .failure(DeadLetterReason(code: FutureSkewRule.code, message: violation))
        }
        return .success(event)
    }

    /// Returns a `partition_mismatch` reason when the record is not in the
    /// partition murmur2 of its key selects, or nil when it is or the check is off.
    private func checkPartition(of message: KafkaConsumerMessage, key: KafkaBytes) -> DeadLetterReason? {
        guard inputPartitioner == .murmur2, let count = inputPartitionCount else { return nil }
        let expected = key.withUnsafeBytes { KafkaPartitioner.partition(forKey: $0, partitionCount: count) }
        guard expected != message.partition else { return nil }
        return DeadLetterReason(
            code: DeadLetterReason.partitionMismatch,
            message: "the key \(Self.quoted(key.string)) belongs in partition \(expected) of \(count) under murmur2, the Java client's default partitioner, "
                + "but the record is in partition \(message.partition); librdkafka producers such as kcat and confluent-kafka "
                + "must set partitioner=murmur2_random (kcat: -X topic.partitioner=murmur2_random), "
                + "or run crosshub with --input-partitioner any if every input topic uses one other partitioner")
    }

    private static func quoted(_ text: String) -> String {
        let shown = text.count > 80 ? String(text.prefix(80)) + "..." : text
        return "\"\(shown)\""
    }
}
