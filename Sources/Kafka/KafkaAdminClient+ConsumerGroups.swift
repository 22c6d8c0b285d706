import CRdKafka

extension KafkaAdminClient {
    /// Describes a consumer group: its state and its members with their assignments.
    ///
    /// A group that does not exist is described as `dead` with no members,
    /// as Kafka reports it.
    ///
    /// - Throws: ``KafkaError`` of kind ``KafkaError/Kind/unsupportedByBroker``
    ///   against librdkafka's mock cluster, which has no DescribeGroups (an
    ///   ``EmbeddedKafkaCluster`` or `crosshub broker`), `_TIMED_OUT` when no
    ///   result arrives within `timeout`, or the group's error.
    public func describeConsumerGroup(_ groupID: String, timeout: Duration) throws -> KafkaConsumerGroupDescription {
        // The request is not sent to the mock cluster: with librdkafka 2.0.2,
        // destroying a client that sent it there blocked for good.
        let bootstrapServers = client.context.configuration["bootstrap.servers"] ?? ""
        if try EmbeddedKafkaClusterRegistry.contains(anyOf: bootstrapServers) || isMockCluster(timeout: timeout) {
            throw KafkaError(kind: .unsupportedByBroker, code: .unsupportedFeature,
                             message: "DescribeConsumerGroups for '\(groupID)' failed: the broker at \(bootstrapServers) is librdkafka's mock cluster, which does not implement DescribeGroups")
        }

        let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS)!
        defer { rd_kafka_AdminOptions_destroy(options) }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, milliseconds(timeout), &buffer, buffer.count)

        let queue = rd_kafka_queue_new(client.handle)!
        defer { rd_kafka_queue_destroy(queue) }
        groupID.withCString { name in
            var names: [UnsafePointer<CChar>?] = [name]
            rd_kafka_DescribeConsumerGroups(client.handle, &names, 1, options, queue)
        }

        // The request times out after `timeout`; the extra second lets its result event arrive.
        let event = rd_kafka_queue_poll(queue, milliseconds(timeout + .seconds(1)))
        client.pollMainQueue(timeoutMilliseconds: 0)
        guard let event else {
            throw KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT, context: "DescribeConsumerGroups for '\(groupID)'",
                             message: "no result within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }

        let requestError = rd_kafka_event_error(event)
        if requestError != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw describeError(groupID, code: requestError, text: String(cString: rd_kafka_event_error_string(event)))
        }
        var count = 0
        guard let result = rd_kafka_event_DescribeConsumerGroups_result(event),
              let groups = rd_kafka_DescribeConsumerGroups_result_groups(result, &count), count > 0,
              let group = groups[0] else {
            throw KafkaError(kind: .librdkafka, code: .unknown, message: "DescribeConsumerGroups for '\(groupID)' returned no group")
        }
        if let error = rd_kafka_ConsumerGroupDescription_error(group), rd_kafka_error_code(error) != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw describeError(groupID, code: rd_kafka_error_code(error), text: String(cString: rd_kafka_error_string(error)))
        }

        var members: [KafkaConsumerGroupDescription.Member] = []
        for index in 0..<rd_kafka_ConsumerGroupDescription_member_count(group) {
            guard let member = rd_kafka_ConsumerGroupDescription_member(group, index) else { continue }
            var assignment: [KafkaTopicPartition] = []
            if let assigned = rd_kafka_MemberDescription_assignment(member),
               let partitions = rd_kafka_MemberAssignment_partitions(assigned) {
                assignment = RDPartitionList.partitions(of: partitions).sorted()
            }
            members.append(KafkaConsumerGroupDescription.Member(
                consumerID: String(cString: rd_kafka_MemberDescription_consumer_id(member)),
                clientID: String(cString: rd_kafka_MemberDescription_client_id(member)),
                host: String(cString: rd_kafka_MemberDescription_host(member)),
                groupInstanceID: rd_kafka_MemberDescription_group_instance_id(member).map { String(cString: $0) },
                assignment: assignment))
        }
        let stateName = String(cString: rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(group)))
        return KafkaConsumerGroupDescription(
            groupID: groupID,
            state: KafkaConsumerGroupDescription.State(rawValue: stateName) ?? .unknown,
            partitionAssignor: rd_kafka_ConsumerGroupDescription_partition_assignor(group).map { String(cString: $0) } ?? "",
            members: members)
    }

    /// Returns the cluster id from the metadata, or nil when the brokers report none.
    ///
    /// - Throws: ``KafkaError`` with `_TIMED_OUT` when no broker responds within `timeout`.
    public func clusterID(timeout: Duration) throws -> String? {
        _ = try listTopics(timeout: timeout)
        guard let id = rd_kafka_clusterid(client.handle, milliseconds(timeout)) else { return nil }
        defer { rd_kafka_mem_free(client.handle, id) }
        return String(cString: id)
    }

    /// True when the cluster is librdkafka's mock cluster, whose cluster id
    /// starts with `mockCluster` (checked with librdkafka 2.0.2).
    func isMockCluster(timeout: Duration) throws -> Bool {
        try clusterID(timeout: timeout)?.hasPrefix("mockCluster") ?? false
    }

    private func describeError(_ groupID: String, code: rd_kafka_resp_err_t, text: String) -> KafkaError {
        let resolved = KafkaError.Code(code)
        if resolved == .unsupportedFeature || resolved == .unsupportedVersion {
            return KafkaError(kind: .unsupportedByBroker, code: resolved,
                              message: "DescribeConsumerGroups for '\(groupID)' failed: the broker does not support DescribeGroups (\(text))")
        }
        return KafkaError(kind: .librdkafka, code: resolved, message: "DescribeConsumerGroups for '\(groupID)' failed: \(text)",
                          isRetriable: resolved.isRetriableByDefault)
    }
}
