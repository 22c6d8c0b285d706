import Foundation
import Kafka

/// Why an input record was dead-lettered: a stable code and a message naming the field or value at fault.
struct DeadLetterReason: Error, Sendable, Equatable {
    /// A decoder code (`invalid_json`, `wrong_type`, `unknown_type`, ...) or
    /// one of the service's: `missing_key`, `key_mismatch`, `missing_value`, `oversized`.
    var code: String
    var message: String

    static let missingKey = "missing_key"
    static let keyMismatch = "key_mismatch"
    static let missingValue = "missing_value"
    static let oversized = "oversized"
}

/// Builds dead-letter records: the original key, value and headers, plus
/// headers that say why and where the record came from.
///
/// The headers are documented in `schemas/dead-letter-headers.schema.json`.
enum DeadLetter {
    static let codeHeader = "crosshub.error.code"
    static let messageHeader = "crosshub.error.message"
    static let topicHeader = "crosshub.source.topic"
    static let partitionHeader = "crosshub.source.partition"
    static let offsetHeader = "crosshub.source.offset"
    static let timestampHeader = "crosshub.source.timestamp"
    static let deadLetteredAtHeader = "crosshub.dead_lettered_at"

    /// Returns the dead-letter record of `message`.
    ///
    /// - Parameter now: the time written to `crosshub.dead_lettered_at`.
    static func record(for message: KafkaConsumerMessage, reason: DeadLetterReason,
                       topic: String, now: Date) -> KafkaProducerMessage {
        var headers = message.headers
        headers.append(KafkaHeader(key: codeHeader, string: reason.code))
        headers.append(KafkaHeader(key: messageHeader, string: reason.message))
        headers.append(KafkaHeader(key: topicHeader, string: message.topic))
        headers.append(KafkaHeader(key: partitionHeader, string: String(message.partition)))
        headers.append(KafkaHeader(key: offsetHeader, string: String(message.offset)))
        if let timestamp = message.timestamp {
            headers.append(KafkaHeader(key: timestampHeader, string: String(timestamp.milliseconds)))
        }
        headers.append(KafkaHeader(key: deadLetteredAtHeader, string: rfc3339Milliseconds(now)))
        return KafkaProducerMessage(topic: topic, key: message.key.map(Array.init),
                                    value: message.value.map(Array.init), headers: headers)
    }

    /// Formats `date` as RFC 3339 in UTC with milliseconds, for example `2026-03-01T09:30:00.125Z`.
    static func rfc3339Milliseconds(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let base = RFC3339Time.format(seconds.quotient)
        return String(base.dropLast()) + String(format: ".%03dZ", Int(seconds.remainder))
    }
}
