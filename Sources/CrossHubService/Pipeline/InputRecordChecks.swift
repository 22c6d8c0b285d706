import Kafka
import Qualification

/// The checks an input record passes before its event is folded, shared by
/// `crosshub run`, which dead-letters a record that fails one, and by replays
/// of the input topics, which count it invalid with the same code and message.
enum InputRecordChecks {
    /// Checks the record and decodes its event, stopping at the first failure.
    ///
    /// The checks, in order:
    /// - the value is present and within the decoder's size limit;
    /// - the key is present, the event is valid, and the key equals `contact_id`;
    /// - the partition is murmur2 of the key, when `murmur2PartitionCount` is set;
    /// - the event type belongs to the topic, when `eventTopics` is set;
    /// - `occurred_at` is within `futureSkew` of the record's timestamp, when both are present.
    static func check(_ message: KafkaConsumerMessage, decoder: EventDecoder, eventTopics: EventTopicRule?,
                      futureSkew: FutureSkewRule?, murmur2PartitionCount: Int?) -> Result<Event, DeadLetterReason> {
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
                message: "the key \(quoted(key.string)) differs from contact_id \(quoted(event.contactID)); producers must key every event by its contact_id so that a contact's events share one partition"))
        }
        if let count = murmur2PartitionCount, let reason = checkPartition(of: message, key: key, count: count) {
            return .failure(reason)
        }
        if let violation = eventTopics?.violation(type: event.type, topic: message.topic) {
            return .failure(DeadLetterReason(code: EventTopicRule.code, message: violation))
        }
        if let futureSkew, let timestamp = message.timestamp,
           let violation = futureSkew.violation(occurredAt: event.occurredAt, referenceMilliseconds: timestamp.milliseconds,
                                                reference: "the record's Kafka timestamp") {
            return .failure(DeadLetterReason(code: FutureSkewRule.code, message: violation))
        }
        return .success(event)
    }

    /// Returns a `partition_mismatch` reason when the record is not in the
    /// partition murmur2 of its key selects, or nil when it is.
    private static func checkPartition(of message: KafkaConsumerMessage, key: KafkaBytes, count: Int) -> DeadLetterReason? {
        let expected = key.withUnsafeBytes { KafkaPartitioner.partition(forKey: $0, partitionCount: count) }
        guard expected != message.partition else { return nil }
        return DeadLetterReason(
            code: DeadLetterReason.partitionMismatch,
            message: "the key \(quoted(key.string)) belongs in partition \(expected) of \(count) under murmur2, the Java client's default partitioner, "
                + "but the record is in partition \(message.partition); librdkafka producers such as kcat and confluent-kafka "
                + "must set partitioner=murmur2_random (kcat: -X topic.partitioner=murmur2_random), "
                + "or run crosshub with --input-partitioner any if every input topic uses one other partitioner")
    }

    private static func quoted(_ text: String) -> String {
        let prefix = text.count > 80 ? String(text.prefix(80)) + "..." : text
        return "\"\(prefix)\""
    }
}
