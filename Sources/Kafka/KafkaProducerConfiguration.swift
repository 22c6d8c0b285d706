/// Settings of a ``KafkaProducer``.
///
/// The producer is idempotent by default (`enable.idempotence=true`, which
/// implies `acks=all`) and partitions with `murmur2_random`, the Java
/// client's default partitioner, so that other clients agree on the
/// partition of a key. ``properties`` passes any other librdkafka property
/// through and overrides a typed field with the same key. Consumer-only
/// properties and those with the `consumer.` prefix are left out (see
/// ``KafkaConfiguration/applicable(to:)``).
public struct KafkaProducerConfiguration: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `client.id`. nil keeps librdkafka's `rdkafka`.
    public var clientID: String?
    /// `enable.idempotence`.
    public var enableIdempotence = true
    /// `transactional.id`. Set it to use the transaction calls. Two live
    /// producers with one id fence each other. Reusing it after a restart
    /// makes `initTransactions` abort the previous process's open transaction
    /// at once, instead of after `transaction.timeout.ms`.
    public var transactionalID: String?
    /// `partitioner`, used for messages without an explicit partition.
    public var partitioner = "murmur2_random"
    /// `linger.ms`; nil keeps librdkafka's 5 ms.
    public var linger: Duration?
    /// `message.timeout.ms`: how long a message may wait for delivery,
    /// retries included, before its report fails with `_MSG_TIMED_OUT`.
    /// nil keeps librdkafka's 300 s (for a transactional producer,
    /// librdkafka lowers it to `transaction.timeout.ms`).
    public var messageTimeout: Duration?
    /// `transaction.timeout.ms`; nil keeps librdkafka's 60 s.
    public var transactionTimeout: Duration?
    /// `allow.auto.create.topics`: whether producing to an unknown topic requests that
    /// the broker create it. nil keeps the producer default of librdkafka 2.0.2 (true).
    /// NOTE: librdkafka 2.0.2's mock cluster creates unknown topics whatever this is set to.
    public var allowAutoCreateTopics: Bool?
    /// `statistics.interval.ms`; nil or zero disables statistics.
    public var statisticsInterval: Duration?
    /// How long ``KafkaProducer/send(_:token:)`` keeps polling and retrying
    /// while librdkafka's local queue is full (`queue.buffering.max.messages`
    /// or `queue.buffering.max.kbytes` reached) before it throws `_QUEUE_FULL`.
    /// This is a setting of this wrapper, not a librdkafka property.
    public var queueFullTimeout: Duration = .seconds(30)
    /// Raw librdkafka properties applied last.
    public var properties: KafkaConfiguration

    public init(bootstrapServers: String, transactionalID: String? = nil, properties: KafkaConfiguration = [:]) {
        self.bootstrapServers = bootstrapServers
        self.transactionalID = transactionalID
        self.properties = properties
    }

    /// The librdkafka properties these settings produce, with the producer's
    /// share of ``properties`` applied last.
    public var librdkafkaProperties: KafkaConfiguration {
        var rendered = KafkaConfiguration()
        rendered["bootstrap.servers"] = bootstrapServers
        rendered["client.id"] = clientID
        rendered["enable.idempotence"] = String(enableIdempotence)
        rendered["transactional.id"] = transactionalID
        rendered["partitioner"] = partitioner
        rendered["linger.ms"] = linger.map { String(milliseconds($0)) }
        rendered["message.timeout.ms"] = messageTimeout.map { String(milliseconds($0)) }
        rendered["transaction.timeout.ms"] = transactionTimeout.map { String(milliseconds($0)) }
        rendered["allow.auto.create.topics"] = allowAutoCreateTopics.map { String($0) }
        rendered["statistics.interval.ms"] = statisticsInterval.map { String(milliseconds($0)) }
        return rendered.merging(properties.applicable(to: .producer))
    }
}

/// Settings of a ``KafkaAdminClient``.
public struct KafkaAdminConfiguration: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `client.id`. nil keeps librdkafka's `rdkafka`.
    public var clientID: String?
    /// Raw librdkafka properties applied last.
    public var properties: KafkaConfiguration

    public init(bootstrapServers: String, properties: KafkaConfiguration = [:]) {
        self.bootstrapServers = bootstrapServers
        self.properties = properties
    }

    /// The librdkafka properties these settings produce, with the producer's
    /// share of ``properties`` applied last, because librdkafka's admin
    /// client is a producer-type handle.
    ///
    /// `allow.auto.create.topics` is false so that reading metadata never creates a topic.
    public var librdkafkaProperties: KafkaConfiguration {
        var rendered = KafkaConfiguration()
        rendered["bootstrap.servers"] = bootstrapServers
        rendered["client.id"] = clientID
        rendered["allow.auto.create.topics"] = "false"
        return rendered.merging(properties.applicable(to: .producer))
    }
}
