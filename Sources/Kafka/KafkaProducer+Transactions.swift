import CRdKafka

/// Transactions need `transactional.id` (see ``KafkaProducerConfiguration/transactionalID``).
///
/// Every call throws ``KafkaError`` with librdkafka's classification:
/// - ``KafkaError/isRetriable``: call the same method again.
/// - ``KafkaError/transactionRequiresAbort``: call ``abortTransaction(timeout:)``,
///   rewind the consumer to the committed offsets, and begin again.
/// - ``KafkaError/isFatal``: the producer is fenced or broken; close it and
///   stop, or create a new producer with the same `transactional.id`.
extension KafkaProducer {
    /// Registers the `transactional.id` with the transaction coordinator and
    /// fences older producers with the same id. Call once before the first transaction.
    public func initTransactions(timeout: Duration) throws {
        try requireTransactional("initTransactions")
        client.context.log(.info, "initializing transactions for transactional.id=\(configuration["transactional.id"] ?? "")")
        try KafkaError.check(rd_kafka_init_transactions(client.handle, milliseconds(timeout)),
                             context: "initializing transactions")
    }

    /// Starts a transaction. Messages sent until commit or abort belong to it.
    public func beginTransaction() throws {
        try requireTransactional("beginTransaction")
        try KafkaError.check(rd_kafka_begin_transaction(client.handle), context: "beginning a transaction")
    }

    /// Adds consumer offsets to the current transaction, so that they are
    /// committed if and only if the transaction commits.
    ///
    /// - Parameters:
    ///   - offsets: the next offsets to read (last processed offset plus one).
    ///   - groupMetadata: from ``KafkaConsumer/groupMetadata()`` of the consumer that read the input.
    public func sendOffsetsToTransaction(_ offsets: [KafkaTopicPartitionOffset],
                                         groupMetadata: KafkaConsumerGroupMetadata,
                                         timeout: Duration) throws {
        try requireTransactional("sendOffsetsToTransaction")
        guard !offsets.isEmpty else { return }
        let list = RDPartitionList(offsets: offsets)
        try KafkaError.check(rd_kafka_send_offsets_to_transaction(client.handle, list.handle, groupMetadata.handle,
                                                                   milliseconds(timeout)),
                             context: "sending offsets to the transaction")
    }

    /// Flushes the transaction's messages and commits it with its offsets.
    ///
    /// A delivery failure of any message in the transaction makes this throw
    /// an error that requires abort. The failed message's report is also
    /// collected for ``poll(timeout:)``.
    public func commitTransaction(timeout: Duration) throws {
        try requireTransactional("commitTransaction")
        try KafkaError.check(rd_kafka_commit_transaction(client.handle, milliseconds(timeout)),
                             context: "committing the transaction")
    }

    /// Aborts the current transaction: its messages are marked aborted and
    /// its offsets are not committed. Messages still queued fail with `_PURGE_QUEUE`.
    public func abortTransaction(timeout: Duration) throws {
        try requireTransactional("abortTransaction")
        client.context.log(.notice, "aborting the current transaction")
        try KafkaError.check(rd_kafka_abort_transaction(client.handle, milliseconds(timeout)),
                             context: "aborting the transaction")
    }

    private func requireTransactional(_ operation: String) throws {
        guard isTransactional else {
            throw KafkaError(kind: .invalidConfiguration, code: .state,
                             message: "\(operation) needs a transactional producer; set transactionalID in KafkaProducerConfiguration")
        }
    }
}
