import CRdKafka

/// Topic administration and cluster metadata.
///
/// Threading: every method blocks the calling thread until the broker
/// responds or the timeout passes; logs and errors collected meanwhile are
/// handled on that thread before the method returns. Safe from any thread.
public final class KafkaAdminClient: @unchecked Sendable {
    // `@unchecked Sendable`: the stored properties are immutable and
    // librdkafka's handle is thread-safe.

    let client: RDClient
    private let bootstrapServers: String

    /// Creates the client. It connects lazily, on the first call.
    ///
    /// - Throws: ``KafkaError`` of kind `invalidConfiguration` naming the rejected property.
    public init(configuration: KafkaAdminConfiguration, handlers: KafkaClientHandlers = KafkaClientHandlers()) throws {
        bootstrapServers = configuration.bootstrapServers
        client = try RDClient(type: RD_KAFKA_PRODUCER, configuration: configuration.librdkafkaProperties, handlers: handlers)
    }

    /// Creates topics and waits for the broker's response.
    ///
    /// - Parameter ifNotExists: when true, a topic that already exists is not an error.
    /// - Throws: ``KafkaError`` naming every topic that failed. Against a
    ///   broker without the CreateTopics request (librdkafka's mock cluster,
    ///   and so ``EmbeddedKafkaCluster``), the error has kind
    ///   ``KafkaError/Kind/unsupportedByBroker``.
    public func createTopics(_ topics: [KafkaNewTopic], ifNotExists: Bool = false, timeout: Duration) throws {
        guard !topics.isEmpty else { return }
        for topic in topics {
            guard !topic.name.isEmpty, topic.partitions >= 1,
                  topic.replicationFactor >= 1 || topic.replicationFactor == KafkaNewTopic.brokerDefaultReplicationFactor else {
                throw KafkaError.invalidArgument("invalid new topic '\(topic.name)': needs a name, at least 1 partition and a replication factor of at least 1 (or -1 for the broker's default), got \(topic.partitions) partitions and replication factor \(topic.replicationFactor)")
            }
        }
        try rejectOnEmbeddedCluster("CreateTopics", topics: topics.map(\.name))
        var handles: [OpaquePointer?] = []
        defer { handles.forEach { rd_kafka_NewTopic_destroy($0) } }

        for topic in topics {
            var buffer = [CChar](repeating: 0, count: 512)
            guard let handle = rd_kafka_NewTopic_new(topic.name, Int32(clamping: topic.partitions),
                                                     Int32(clamping: topic.replicationFactor), &buffer, buffer.count) else {
                throw KafkaError.invalidArgument("invalid new topic '\(topic.name)': \(string(fromBuffer: buffer))")
            }
            handles.append(handle)
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                try KafkaError.check(rd_kafka_NewTopic_set_config(handle, name, value),
                                     context: "setting config \(name)=\(value) of new topic '\(topic.name)'")
            }
        }

        let names = topics.map(\.name)
        client.context.log(.info, "creating topics \(names.joined(separator: ", "))")
        try runAdminRequest("CreateTopics", topics: names, timeout: timeout, ignoring: ifNotExists ? [.topicAlreadyExists] : []) { options, queue in
            handles.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_CreateTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
            }
        } results: { event, count in
            rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), count)
        }
    }

    /// Deletes topics and waits for the broker's response.
    ///
    /// - Throws: ``KafkaError`` naming every topic that failed; kind
    ///   ``KafkaError/Kind/unsupportedByBroker`` against the embedded broker.
    public func deleteTopics(_ names: [String], timeout: Duration) throws {
        guard !names.isEmpty else { return }
        try rejectOnEmbeddedCluster("DeleteTopics", topics: names)
        var handles: [OpaquePointer?] = names.map { rd_kafka_DeleteTopic_new($0) }
        defer { handles.forEach { rd_kafka_DeleteTopic_destroy($0) } }

        client.context.log(.info, "deleting topics \(names.joined(separator: ", "))")
        try runAdminRequest("DeleteTopics", topics: names, timeout: timeout, ignoring: []) { options, queue in
            handles.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_DeleteTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
            }
        } results: { event, count in
            rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), count)
        }
    }

    /// Reads the metadata of every topic in the cluster, sorted by name.
    ///
    /// - Throws: ``KafkaError`` when no broker responds within `timeout`, naming the bootstrap servers.
    public func listTopics(timeout: Duration) throws -> [KafkaTopicMetadata] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(client.handle, 1, nil, &metadata, milliseconds(timeout))
        client.pollMainQueue(timeoutMilliseconds: 0)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(code: result,
                             context: "reading cluster metadata from bootstrap.servers=\(bootstrapServers) within \(timeout) failed; check that a broker listens there",
                             client: client.handle)
        }
        defer { rd_kafka_metadata_destroy(metadata) }

        var topics: [KafkaTopicMetadata] = []
        for topicIndex in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[topicIndex]
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            let partitions = (0..<Int(topic.partition_cnt)).map { index in
                let partition = topic.partitions[index]
                return KafkaPartitionMetadata(
                    id: partition.id, leader: partition.leader,
                    replicas: Array(UnsafeBufferPointer(start: partition.replicas, count: Int(partition.replica_cnt))),
                    inSyncReplicas: Array(UnsafeBufferPointer(start: partition.isrs, count: Int(partition.isr_cnt))))
            }
            topics.append(KafkaTopicMetadata(name: String(cString: topic.topic), partitions: partitions.sorted { $0.id < $1.id }))
        }
        return topics.sorted { $0.name < $1.name }
    }

    /// Returns the partition count of each named topic, or nil for a topic that does not exist.
    ///
    /// Reads the metadata of all topics, so that asking never creates a topic
    /// on a broker with `auto.create.topics.enable`.
    public func partitionCounts(of topics: [String], timeout: Duration) throws -> [String: Int?] {
        let known = Dictionary(uniqueKeysWithValues: try listTopics(timeout: timeout).map { ($0.name, $0.partitionCount) })
        var counts: [String: Int?] = [:]
        for topic in topics { counts[topic] = known[topic] }
        return counts
    }

    /// Sends one admin request on a temporary queue, waits for its result
    /// event and throws for the request and per-topic errors.
    private func runAdminRequest(_ request: String, topics: [String], timeout: Duration,
                                 ignoring ignored: Set<KafkaError.Code>,
                                 send: (OpaquePointer, OpaquePointer) -> Void,
                                 results: (OpaquePointer, UnsafeMutablePointer<Int>) -> UnsafeMutablePointer<OpaquePointer?>?) throws {
        let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_ANY)!
        defer { rd_kafka_AdminOptions_destroy(options) }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, milliseconds(timeout), &buffer, buffer.count)
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, milliseconds(timeout), &buffer, buffer.count)

        let queue = rd_kafka_queue_new(client.handle)!
        defer { rd_kafka_queue_destroy(queue) }
        send(options, queue)

        // The request itself times out after `timeout`; the extra second lets its result event arrive.
        let event = rd_kafka_queue_poll(queue, milliseconds(timeout + .seconds(1)))
        client.pollMainQueue(timeoutMilliseconds: 0)
        guard let event else {
            throw KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT, context: "\(request) for \(topics.joined(separator: ", "))",
                             message: "no result within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }

        let requestError = rd_kafka_event_error(event)
        if requestError != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw adminError(request, code: KafkaError.Code(requestError),
                             text: String(cString: rd_kafka_event_error_string(event)), topics: topics)
        }

        var count = 0
        guard let list = results(event, &count) else { return }
        var failures: [(topic: String, code: KafkaError.Code, text: String)] = []
        for index in 0..<count {
            guard let result = list[index] else { continue }
            let code = KafkaError.Code(rd_kafka_topic_result_error(result))
            guard code != .noError, !ignored.contains(code) else { continue }
            let text = rd_kafka_topic_result_error_string(result).map { String(cString: $0) } ?? code.text
            failures.append((String(cString: rd_kafka_topic_result_name(result)), code, text))
        }
        guard let first = failures.first else { return }
        let detail = failures.map { "'\($0.topic)': \($0.text) (\($0.code.name))" }.joined(separator: "; ")
        throw adminError(request, code: first.code, text: detail, topics: failures.map(\.topic))
    }

    private func adminError(_ request: String, code: KafkaError.Code, text: String, topics: [String]) -> KafkaError {
        let listed = topics.joined(separator: ", ")
        if code == .unsupportedFeature || code == .unsupportedVersion {
            return unsupported(request, listed: listed, detail: text)
        }
        var message = "\(request) for \(listed) failed: \(text)"
        if code == .timedOut {
            // librdkafka's mock cluster names no controller, so librdkafka waits for one until the timeout.
            message += ". A broker without a controller, such as librdkafka's mock cluster behind an embedded or out-of-process test broker, never answers admin requests"
        }
        return KafkaError(kind: .librdkafka, code: code, message: message,
                          isRetriable: code.isRetriableByDefault, topic: topics.count == 1 ? topics[0] : nil)
    }

    private func rejectOnEmbeddedCluster(_ request: String, topics: [String]) throws {
        if EmbeddedKafkaClusterRegistry.contains(anyOf: bootstrapServers) {
            throw unsupported(request, listed: topics.joined(separator: ", "),
                              detail: "bootstrap.servers=\(bootstrapServers) is an EmbeddedKafkaCluster in this process")
        }
    }

    private func unsupported(_ request: String, listed: String, detail: String) -> KafkaError {
        KafkaError(kind: .unsupportedByBroker, code: .unsupportedFeature,
                   message: "\(request) for \(listed) failed: the broker does not support the \(request) request (\(detail)). On the embedded broker (librdkafka's mock cluster) create topics with EmbeddedKafkaCluster.createTopic instead; topics cannot be deleted there")
    }
}
