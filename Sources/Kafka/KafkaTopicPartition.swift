/// A partition of a topic.
public struct KafkaTopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let topic: String
    public let partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// A partition with an offset: a committed, stored or current position.
///
/// ``offset`` is Kafka's "next offset to read" (the offset of the last
/// processed message plus one), or nil when there is none, for example for a
/// partition that has no committed offset yet.
public struct KafkaTopicPartitionOffset: Sendable, Hashable, CustomStringConvertible {
    public let topic: String
    public let partition: Int32
    public let offset: Int64?
    /// Optional commit metadata, stored by the broker with a committed offset.
    public let metadata: String?

    public init(topic: String, partition: Int32, offset: Int64?, metadata: String? = nil) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.metadata = metadata
    }

    public init(_ topicPartition: KafkaTopicPartition, offset: Int64?, metadata: String? = nil) {
        self.init(topic: topicPartition.topic, partition: topicPartition.partition,
                  offset: offset, metadata: metadata)
    }

    public var topicPartition: KafkaTopicPartition {
        KafkaTopicPartition(topic: topic, partition: partition)
    }

    public var description: String {
        "\(topic)[\(partition)]@\(offset.map(String.init) ?? "none")"
    }
}

/// The start position of a consumer in an assigned partition.
public enum KafkaOffset: Sendable, Hashable, CustomStringConvertible {
    /// The log start offset (the oldest retained message).
    case beginning
    /// The high watermark: only messages produced after the assignment are read.
    case end
    /// The group's committed offset, or `auto.offset.reset` when there is none.
    case stored
    /// An absolute offset.
    case offset(Int64)
    /// The first offset whose timestamp is at or after this time, in
    /// milliseconds since the Unix epoch, resolved with `offsets_for_times`.
    /// A time after the last message resolves to the end.
    case timestamp(milliseconds: Int64)

    public var description: String {
        switch self {
        case .beginning: return "beginning"
        case .end: return "end"
        case .stored: return "stored"
        case .offset(let value): return String(value)
        case .timestamp(let milliseconds): return "timestamp \(milliseconds) ms"
        }
    }
}

/// The low and high watermark offsets of a partition.
public struct KafkaWatermarks: Sendable, Hashable {
    /// The log start offset: the oldest offset still stored.
    public let low: Int64
    /// The offset the next produced message will get. For a `read_committed`
    /// consumer the broker may report the last stable offset instead, which
    /// stops before the first open transaction.
    public let high: Int64

    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }
}
