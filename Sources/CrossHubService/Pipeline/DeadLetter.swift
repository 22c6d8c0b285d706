import Foundation
import Kafka

/// Why an input record was dead-lettered: a stable code and a message naming the field or value at fault.
struct DeadLetterReason: Error, Sendable, Equatable {
    /// A decoder code (`invalid_json`, `wrong_type`, `unknown_type`, ...) or
    /// one of the service's: `missing_key`, `key_mismatch`, `missing_value`,
    /// `oversized`, `partition_mismatch`, `type_topic_mismatch`, `occurred_at_in_future`.
    var code: String
    var message: String

    static let missingKey = "missing_key"
    static let keyMismatch = "key_mismatch"
    static let missingValue = "missing_value"
    static let oversized = "oversized"
    static let partitionMismatch = "partition_mismatch"
}

/// Builds dead-letter records: the original key, value and headers, plus
/// headers that say why and where the record came from.
///
/// A dead letter always fits the producer's `message.max.bytes`: when the
/// original value and the headers would not, the value is cut to a prefix
/// and `crosshub.value.truncated` and `crosshub.value.original_bytes` record the cut.
/// The headers are documented in `schemas/dead-letter-headers.schema.json`.
enum DeadLetter {
    static let codeHeader = "crosshub.error.code"
    static let messageHeader = "crosshub.error.message"
    static let topicHeader = "crosshub.source.topic"
    static let partitionHeader = "crosshub.source.partition"
    static let offsetHeader = "crosshub.source.offset"
    static let timestampHeader = "crosshub.source.timestamp"
    static let deadLetteredAtHeader = "crosshub.dead_lettered_at"
    static let truncatedHeader = "crosshub.value.truncated"
    static let originalBytesHeader = "crosshub.value.original_bytes"
    static let droppedHeadersHeader = "crosshub.headers.dropped"

    /// The headers this type adds. A record that already carries them (a
    /// dead letter published to an input topic again) loses the old ones, so
    /// that each header of the new dead letter describes this rejection only.
    static let ownHeaders: Set<String> = [
        codeHeader, messageHeader, topicHeader, partitionHeader, offsetHeader, timestampHeader,
        deadLetteredAtHeader, truncatedHeader, originalBytesHeader, droppedHeadersHeader,
    ]

    /// librdkafka's default `message.max.bytes`, used when the configuration does not set it.
    static let defaultMaxRecordBytes = 1_000_000

    /// Bytes kept free below `message.max.bytes` for the record and batch
    /// framing: the record batch header (61 bytes) and the varint lengths,
    /// timestamp and offset deltas of the record (at most 40 bytes), with room to spare.
    static let framingAllowance = 512

    /// Returns the dead-letter record of `message`.
    ///
    /// - Parameters:
    ///   - now: the time written to `crosshub.dead_lettered_at`.
    ///   - maxRecordBytes: the producer's `message.max.bytes`. The value is
    ///     cut to a prefix, and when even an empty value does not fit the
    ///     original headers are dropped, so that the key, the value, the
    ///     headers and ``framingAllowance`` stay within it.
    static func record(for message: KafkaConsumerMessage, reason: DeadLetterReason,
                       topic: String, now: Date, maxRecordBytes: Int = defaultMaxRecordBytes) -> KafkaProducerMessage {
        var ownHeaders: [KafkaHeader] = [
            KafkaHeader(key: codeHeader, string: reason.code),
            KafkaHeader(key: messageHeader, string: reason.message),
            KafkaHeader(key: topicHeader, string: message.topic),
            KafkaHeader(key: partitionHeader, string: String(message.partition)),
            KafkaHeader(key: offsetHeader, string: String(message.offset)),
        ]
        if let timestamp = message.timestamp {
            ownHeaders.append(KafkaHeader(key: timestampHeader, string: String(timestamp.milliseconds)))
        }
        ownHeaders.append(KafkaHeader(key: deadLetteredAtHeader, string: rfc3339Milliseconds(now)))

        var originalHeaders = message.headers
        originalHeaders.removeAll { Self.ownHeaders.contains($0.key) }
        let key = message.key.map(Array.init)
        let valueCount = message.value?.count ?? 0
        let keyCount = key?.count ?? 0

        // Room for the truncation headers is kept whether or not they are
        // needed, so that the check below does not depend on its own outcome.
        let truncationHeaders = [KafkaHeader(key: truncatedHeader, string: "true"),
                                 KafkaHeader(key: originalBytesHeader, string: String(valueCount))]
        let fixedBytes = framingAllowance + keyCount + serializedSize(ownHeaders) + serializedSize(truncationHeaders)
        var room = maxRecordBytes - fixedBytes - serializedSize(originalHeaders)
        if room < 0 && !originalHeaders.isEmpty {
            ownHeaders.append(KafkaHeader(key: droppedHeadersHeader, string: String(originalHeaders.count)))
            originalHeaders = []
            room = maxRecordBytes - fixedBytes - serializedSize(ownHeaders.suffix(1))
        }
        // NOTE: a key larger than message.max.bytes still yields a dead letter
        // that does not fit. The broker accepted the input record, so only a
        // producer limit below the broker's can cause this.

        var value = message.value.map(Array.init)
        if let original = value, original.count > room {
            value = Array(original.prefix(max(0, room)))
            ownHeaders += truncationHeaders
        }
        return KafkaProducerMessage(topic: topic, key: key, value: value, headers: originalHeaders + ownHeaders)
    }

    /// Computes the bytes `headers` take in a record: each key and value with two length varints of at most 5 bytes.
    static func serializedSize(_ headers: some Collection<KafkaHeader>) -> Int {
        headers.reduce(0) { $0 + $1.key.utf8.count + ($1.value?.count ?? 0) + 10 }
    }

    /// Returns the producer's `message.max.bytes` from its librdkafka properties, or librdkafka's default.
    static func maxRecordBytes(of properties: KafkaConfiguration) -> Int {
        properties["message.max.bytes"].flatMap { Int($0) } ?? defaultMaxRecordBytes
    }

    /// Formats `date` as RFC 3339 in UTC with milliseconds, for example `2026-03-01T09:30:00.125Z`.
    static func rfc3339Milliseconds(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let base = RFC3339Time.format(seconds.quotient)
        return String(base.dropLast()) + String(format: ".%03dZ", Int(seconds.remainder))
    }
}
