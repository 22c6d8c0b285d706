/// A record to produce.
public struct KafkaProducerMessage: Sendable, Hashable {
    public var topic: String
    /// An explicit partition, or nil to let the configured partitioner choose
    /// (`murmur2_random` by default, which matches the Java client for non-null keys).
    public var partition: Int32?
    /// The key bytes, or nil for a null key.
    public var key: [UInt8]?
    /// The value bytes, or nil for a null value (a tombstone on compacted topics).
    public var value: [UInt8]?
    public var headers: [KafkaHeader]
    /// The record timestamp in milliseconds since the Unix epoch, or nil for the time of sending.
    public var timestampMilliseconds: Int64?

    public init(topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8]?,
                headers: [KafkaHeader] = [], timestampMilliseconds: Int64? = nil) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
        self.timestampMilliseconds = timestampMilliseconds
    }
}

/// The outcome of one produced message, from librdkafka's delivery report.
///
/// Every message that ``KafkaProducer/send(_:token:)`` accepted gets exactly
/// one report: success with the offset, or failure with the error. That
/// includes the messages ``KafkaProducer/close(timeout:)`` purges because
/// they were not delivered in time. A producer released without `close`
/// drops its undelivered messages.
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// The value the caller passed to `send` to recognise this message.
    public let token: UInt64
    public let topic: String
    /// The partition the message was written to, or the requested one on
    /// failure; -1 when it failed before a partition was chosen.
    public let partition: Int32
    /// The offset the broker assigned, or nil on failure (and for
    /// `acks=0`, where the broker returns none).
    public let offset: Int64?
    /// nil on success.
    public let error: KafkaError?

    public init(token: UInt64, topic: String, partition: Int32, offset: Int64?, error: KafkaError?) {
        self.token = token
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.error = error
    }

    public var isSuccess: Bool { error == nil }
}
