import CRdKafka

extension KafkaConsumer {
    /// Runs the caller's rebalance handler, then applies the assignment change.
    ///
    /// Called by librdkafka's `rebalance_cb` on the thread inside `poll` or `close`.
    static func handleRebalance(client: OpaquePointer, code: rd_kafka_resp_err_t,
                                partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
                                context: RDCallbackContext) {
        let topicPartitions = partitions.map { RDPartitionList.partitions(of: $0) } ?? []
        let (handler, consumer) = context.rebalance.withLock { ($0.handler, $0.consumer) }
        let cooperative = rd_kafka_rebalance_protocol(client).map { String(cString: $0) } == "COOPERATIVE"
        let listed = topicPartitions.sorted().map(\.description).joined(separator: ", ")

        let event: KafkaRebalanceEvent
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            event = .assigned(topicPartitions)
            context.log(.info, "partitions assigned: \(listed)")
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(client) != 0
            event = .revoked(topicPartitions, lost: lost)
            context.log(lost ? .warning : .info, "partitions \(lost ? "lost" : "revoked"): \(listed)")
        default:
            context.report(KafkaError(code: code, context: "rebalance failed", client: client))
            applyAssignment(nil, assign: false, cooperative: false, client: client, context: context)
            return
        }

        if let handler, let consumer {
            do {
                try handler(consumer, event)
            } catch {
                context.log(.error, "rebalance handler failed on \(event.kindName) of \(listed): \(error)")
                context.rebalance.withLock { $0.pendingError = $0.pendingError ?? error }
            }
        }

        let isAssign = code == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS
        applyAssignment(partitions, assign: isAssign, cooperative: cooperative, client: client, context: context)
    }

    private static func applyAssignment(_ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
                                        assign: Bool, cooperative: Bool,
                                        client: OpaquePointer, context: RDCallbackContext) {
        var failure: KafkaError?
        if cooperative, let partitions {
            let error = assign ? rd_kafka_incremental_assign(client, partitions)
                               : rd_kafka_incremental_unassign(client, partitions)
            if let error { failure = KafkaError(consuming: error, context: "applying the incremental assignment") }
        } else {
            let result = rd_kafka_assign(client, assign ? partitions : nil)
            if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                failure = KafkaError(code: result, context: "applying the assignment", client: client)
            }
        }

        context.rebalance.withLock { rebalance in
            rebalance.occurred = true
            if let failure { rebalance.pendingError = rebalance.pendingError ?? failure }
        }
        if let failure { context.log(.error, "\(failure)") }
    }

    /// Passes the result of an asynchronous commit to the offset commit handler.
    ///
    /// Called through `rd_kafka_commit_queue`'s callback on the polling thread. An
    /// empty commit (`_NO_OFFSET`, nothing stored since the last commit) is
    /// not an error and is not reported.
    static func handleOffsetCommit(code: rd_kafka_resp_err_t,
                                   offsets: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
                                   context: RDCallbackContext, client: OpaquePointer?) {
        guard code != RD_KAFKA_RESP_ERR__NO_OFFSET else { return }
        let handler = context.rebalance.withLock { $0.offsetCommitHandler }

        let result: Result<[KafkaTopicPartitionOffset], KafkaError>
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            result = .failure(KafkaError(code: code, context: "committing offsets", client: client))
        } else if let offsets {
            // The list stays owned by librdkafka, so copy it without adopting the pointer.
            let copy = RDPartitionList(adopting: rd_kafka_topic_partition_list_copy(offsets))
            do {
                result = .success(try copy.offsets(context: "committing offsets"))
            } catch let error as KafkaError {
                result = .failure(error)
            } catch {
                result = .failure(KafkaError(kind: .librdkafka, message: "committing offsets: \(error)"))
            }
        } else {
            result = .success([])
        }

        if let handler {
            handler(result)
        } else if case .failure(let error) = result {
            context.report(error)
        }
    }
}

extension KafkaRebalanceEvent {
    var kindName: String {
        switch self {
        case .assigned: return "assign"
        case .revoked(_, let lost): return lost ? "loss" : "revoke"
        }
    }
}
