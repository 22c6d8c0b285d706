import Qualification

/// One topic-partition's consumer positions from librdkafka's statistics JSON.
///
/// Offsets that librdkafka does not know yet are nil (it writes -1001 for
/// them). The field names follow librdkafka's STATISTICS.md (2.0.2).
public struct KafkaPartitionStatistics: Sendable, Equatable {
    public var topic: String
    public var partition: Int32
    /// `consumer_lag`: the end offset (`ls_offset` under `read_committed`,
    /// `hi_offset` otherwise) minus `committed_offset`; nil when librdkafka
    /// reports -1 because either offset is unknown.
    public var consumerLag: Int64?
    /// `consumer_lag_stored`: the end offset minus `stored_offset`; nil when unknown.
    public var consumerLagStored: Int64?
    /// `committed_offset`: the last offset this consumer committed or fetched for the group.
    public var committedOffset: Int64?
    /// `app_offset`: one past the last message handed to the application.
    public var applicationOffset: Int64?
    /// `hi_offset`: the partition's high watermark.
    public var highWatermark: Int64?
    /// `ls_offset`: the partition's last stable offset.
    public var lastStableOffset: Int64?
    /// `fetch_state`: `none` for a partition this consumer does not fetch, `active` while fetching.
    public var fetchState: String?

    /// Returns the end offset minus `app_offset`: the messages not yet handed to
    /// the application, whatever was committed. The end offset is `ls_offset`
    /// for a `read_committed` consumer and `hi_offset` otherwise.
    ///
    /// Use this under exactly-once, where the producer commits offsets with
    /// `send_offsets_to_transaction` and the consumer's `committed_offset`
    /// may stay at the value fetched at assignment, so that `consumerLag`
    /// overstates the lag. A transaction's commit marker occupies the last
    /// offset of a transactional input, so this reads 1 when all data was consumed.
    /// NOTE: the staleness of `committed_offset` under transactions follows
    /// from reading librdkafka 2.0.2's documentation; it was not observed against a broker here.
    public func positionLag(readCommitted: Bool) -> Int64? {
        guard let end = readCommitted ? lastStableOffset : highWatermark,
              let position = applicationOffset, position <= end else {
            return nil
        }
        return end - position
    }
}

/// Reads consumer positions from the statistics JSON that librdkafka emits
/// every `statistics.interval.ms`.
public enum KafkaStatistics {
    /// Returns every partition under `topics.*.partitions.*`, skipping the
    /// internal unassigned partition -1, sorted by topic and partition.
    ///
    /// - Throws: `KafkaStatisticsError` when the text is not JSON or `topics`
    ///   or a partition entry does not have the documented shape.
    public static func partitions(fromJSON text: String) throws(KafkaStatisticsError) -> [KafkaPartitionStatistics] {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
        guard case .object(let root) = document else {
            throw .unexpectedShape("the statistics document is not a JSON object")
        }
        guard let topicsValue = root["topics"] else {
            return []
        }
        guard case .object(let topics) = topicsValue else {
            throw .unexpectedShape("'topics' is not an object")
        }

        var result: [KafkaPartitionStatistics] = []
        for (topicName, topicValue) in topics {
            guard case .object(let topic) = topicValue else {
                throw .unexpectedShape("topics.\(topicName) is not an object")
            }
            guard case .object(let partitions)? = topic["partitions"] else { continue }
            for (key, partitionValue) in partitions {
                guard let partition = Int32(key) else {
                    throw .unexpectedShape("topics.\(topicName).partitions has the key '\(key)', which is not a partition number")
                }
                guard partition >= 0 else { continue }
                guard case .object(let fields) = partitionValue else {
                    throw .unexpectedShape("topics.\(topicName).partitions.\(key) is not an object")
                }
                result.append(KafkaPartitionStatistics(
                    topic: topicName, partition: partition,
                    consumerLag: nonNegative(fields["consumer_lag"]),
                    consumerLagStored: nonNegative(fields["consumer_lag_stored"]),
                    committedOffset: nonNegative(fields["committed_offset"]),
                    applicationOffset: nonNegative(fields["app_offset"]),
                    highWatermark: nonNegative(fields["hi_offset"]),
                    lastStableOffset: nonNegative(fields["ls_offset"]),
                    fetchState: fields["fetch_state"].flatMap { if case .string(let state) = $0 { state } else { nil } }))
            }
        }
        return result.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
    }

    /// Returns the lag of every partition this consumer fetches (`fetch_state`
    /// other than `none`) whose lag is known, for `CrossHubMetricsSnapshot.consumerLag`.
    ///
    /// - Parameter positionBased: false reads `consumer_lag`, the end offset
    ///   minus the committed offset. true computes `positionLag(readCommitted:)`,
    ///   which stays right under exactly-once. It falls back to `consumer_lag`
    ///   while nothing was consumed since the assignment, because the position
    ///   is then the committed offset.
    /// - Throws: `KafkaStatisticsError` as `partitions(fromJSON:)` does.
    public static func consumerLag(fromJSON text: String, positionBased: Bool = false,
                                   readCommitted: Bool = true) throws(KafkaStatisticsError) -> [ConsumerLag] {
        try partitions(fromJSON: text).compactMap { partition in
            guard partition.fetchState != "none" else { return nil }
            let lag = positionBased ? (partition.positionLag(readCommitted: readCommitted) ?? partition.consumerLag) : partition.consumerLag
            return lag.map { ConsumerLag(topic: partition.topic, partition: partition.partition, messages: $0) }
        }
    }

    /// Returns an integer field that is zero or more, and nil for the -1 or -1001 that librdkafka writes for "unknown".
    private static func nonNegative(_ value: JSONValue?) -> Int64? {
        switch value {
        case .integer(let number)? where number >= 0:
            number
        case .number(let number)? where number >= 0 && number < 9.2e18:
            Int64(number)
        default:
            nil
        }
    }
}

/// Statistics JSON that does not have the shape librdkafka documents.
public enum KafkaStatisticsError: Error, Equatable, CustomStringConvertible {
    case invalidJSON(String)
    case unexpectedShape(String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason):
            "librdkafka statistics are not valid JSON: \(reason)"
        case .unexpectedShape(let reason):
            "librdkafka statistics have an unexpected shape: \(reason); compare with librdkafka's STATISTICS.md"
        }
    }
}
