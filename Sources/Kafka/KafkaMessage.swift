/// A record header: a key and an optional value, as Kafka stores them.
public struct KafkaHeader: Sendable, Hashable {
    public let key: String
    /// The value bytes, or nil for a header with a null value.
    public let value: [UInt8]?

    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 encoding of `value`.
    public init(key: String, string value: String) {
        self.init(key: key, value: Array(value.utf8))
    }
}

/// A record timestamp in milliseconds since the Unix epoch, and who set it.
public struct KafkaTimestamp: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Set by the producer (`CreateTime`).
        case createTime
        /// Set by the broker when it appended the record (`LogAppendTime`).
        case logAppendTime
    }

    public let kind: Kind
    public let milliseconds: Int64

    public init(kind: Kind, milliseconds: Int64) {
        self.kind = kind
        self.milliseconds = milliseconds
    }
}

/// A record read by a ``KafkaConsumer``.
public struct KafkaConsumerMessage: Sendable, Hashable {
    public let topic: String
    public let partition: Int32
    public let offset: Int64
    /// The key bytes, or nil for a null key. They share a buffer with the other
    /// keys and values of the same poll (see ``KafkaBytes``).
    public let key: KafkaBytes?
    /// The value bytes, or nil for a null value (a tombstone). They share a
    /// buffer with the other keys and values of the same poll.
    public let value: KafkaBytes?
    /// Headers in the order the producer added them; empty when there are none.
    public let headers: [KafkaHeader]
    /// The record timestamp, or nil when the record has none.
    public let timestamp: KafkaTimestamp?

    public init(topic: String, partition: Int32, offset: Int64, key: KafkaBytes?, value: KafkaBytes?,
                headers: [KafkaHeader] = [], timestamp: KafkaTimestamp? = nil) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    public var topicPartition: KafkaTopicPartition {
        KafkaTopicPartition(topic: topic, partition: partition)
    }

    /// The offset to store or commit after processing this message: `offset + 1`.
    public var nextOffset: KafkaTopicPartitionOffset {
        KafkaTopicPartitionOffset(topic: topic, partition: partition, offset: offset + 1)
    }

    /// The value of the first header with `key`, or nil when there is none or its value is null.
    public func header(_ key: String) -> [UInt8]? {
        headers.first { $0.key == key }?.value ?? nil
    }
}

/// What one ``KafkaConsumer/pollBatch(maxMessages:timeout:)`` returned.
public struct KafkaConsumerBatch: Sendable, Hashable {
    /// The messages, in the order librdkafka delivered them.
    public let messages: [KafkaConsumerMessage]
    /// The partitions whose end the consumer reached during the call, each
    /// with the end offset: the offset the next message will get, or for a
    /// `read_committed` consumer the last stable offset. Empty unless the
    /// consumer has `enable.partition.eof=true`.
    public let partitionEnds: [KafkaTopicPartitionOffset]

    public init(messages: [KafkaConsumerMessage], partitionEnds: [KafkaTopicPartitionOffset]) {
        self.messages = messages
        self.partitionEnds = partitionEnds
    }
}
