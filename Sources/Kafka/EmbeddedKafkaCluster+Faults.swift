import CRdKafka

/// Fault injection. Broker ids run from 1 to the broker count; pass nil
/// where a method accepts it to mean every broker.
extension EmbeddedKafkaCluster {
    /// Disconnects the broker's clients and refuses new connections. Leaders do not move.
    public func setBrokerDown(_ broker: Int32?) throws {
        try KafkaError.check(rd_kafka_mock_broker_set_down(cluster, broker ?? -1),
                             context: "setting broker \(broker.map(String.init) ?? "all") down")
    }

    /// Accepts connections on the broker again.
    public func setBrokerUp(_ broker: Int32?) throws {
        try KafkaError.check(rd_kafka_mock_broker_set_up(cluster, broker ?? -1),
                             context: "setting broker \(broker.map(String.init) ?? "all") up")
    }

    /// Delays every response of the broker by `roundTripTime` (zero removes the delay).
    public func setRoundTripTime(_ roundTripTime: Duration, broker: Int32?) throws {
        try KafkaError.check(rd_kafka_mock_broker_set_rtt(cluster, broker ?? -1, milliseconds(roundTripTime)),
                             context: "setting the round-trip time of broker \(broker.map(String.init) ?? "all")")
    }

    /// Makes the next `codes.count` requests of type `api`, on any broker,
    /// fail with these codes in order. `_TRANSPORT` disconnects the client instead.
    public func pushRequestErrors(_ api: KafkaAPIKey, _ codes: [KafkaError.Code]) {
        let raw = codes.map(\.cValue)
        raw.withUnsafeBufferPointer { buffer in
            rd_kafka_mock_push_request_errors_array(cluster, api.rawValue, buffer.count, buffer.baseAddress)
        }
    }

    /// Makes the next request of type `api` on `broker` fail with `code`
    /// (or succeed, for ``KafkaError/Code/noError``) after `roundTripTime`.
    /// Broker errors take precedence over cluster-wide ones.
    public func pushRequestError(_ api: KafkaAPIKey, code: KafkaError.Code, roundTripTime: Duration = .zero,
                                 broker: Int32) throws {
        try KafkaError.check(crosshub_mock_broker_push_request_error_rtt(cluster, broker, api.rawValue, code.cValue,
                                                                          milliseconds(roundTripTime)),
                             context: "pushing a \(api) error on broker \(broker)")
    }

    /// Removes the cluster-wide errors pushed for `api` that were not used yet.
    public func clearRequestErrors(_ api: KafkaAPIKey) {
        rd_kafka_mock_clear_request_errors(cluster, api.rawValue)
    }

    /// Makes Metadata and AddPartitionsToTxn requests report `code` for
    /// `topic` (``KafkaError/Code/noError`` clears it).
    public func setTopicError(_ topic: String, code: KafkaError.Code) {
        rd_kafka_mock_topic_set_error(cluster, topic, code.cValue)
    }

    /// Moves a partition's leadership to `broker`, or makes it leaderless for nil.
    /// Creates the topic when it does not exist.
    public func setPartitionLeader(topic: String, partition: Int32, broker: Int32?) throws {
        try KafkaError.check(rd_kafka_mock_partition_set_leader(cluster, topic, partition, broker ?? -1),
                             context: "setting the leader of \(topic)[\(partition)]")
    }

    /// The coordinator kinds of ``setCoordinator(_:key:broker:)``.
    public enum CoordinatorKind: String, Sendable {
        case group
        case transaction
    }

    /// Places the coordinator of a group id or transactional id on `broker`.
    public func setCoordinator(_ kind: CoordinatorKind, key: String, broker: Int32) throws {
        try KafkaError.check(rd_kafka_mock_coordinator_set(cluster, kind.rawValue, key, broker),
                             context: "setting the \(kind.rawValue) coordinator of '\(key)'")
    }

    /// Limits the versions the brokers advertise for `api`; nil disables the request.
    public func setSupportedVersions(_ api: KafkaAPIKey, _ versions: ClosedRange<Int16>?) throws {
        try KafkaError.check(rd_kafka_mock_set_apiversion(cluster, api.rawValue,
                                                          versions?.lowerBound ?? -1, versions?.upperBound ?? -1),
                             context: "setting the supported versions of \(api)")
    }
}
