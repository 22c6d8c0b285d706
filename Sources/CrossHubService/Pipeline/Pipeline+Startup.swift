import Foundation
import Kafka

extension Pipeline {
    /// A stop request that arrived before the instance joined its group.
    struct StartupInterrupted: Error, CustomStringConvertible {
        var step: String
        var description: String { "start-up stopped by a shutdown request while \(step)" }
    }

    /// Checks the topics, creates the clients and subscribes. Every wait for
    /// the cluster ends within ``startupSlice`` of a stop request.
    ///
    /// - Throws: ``StartupInterrupted`` after a stop request, or the error
    ///   that stops start-up (missing topics, invalid settings, a cluster
    ///   that does not respond within ``ServiceConfiguration/metadataTimeout``).
    func start() throws {
        let admin = try KafkaAdminClient(configuration: adminConfiguration(), handlers: clientHandlers(statistics: false))
        let check = TopicCheck(configuration: configuration, admin: admin, logger: logger) { [self] step, body in
            try waitingForCluster(step, limit: configuration.metadataTimeout, body)
        }
        let partitionCount = try check.run()
        status.update { $0.inputPartitionCount = partitionCount }
        processor.inputPartitionCount = partitionCount

        let producer = try KafkaProducer(configuration: producerConfiguration(), handlers: clientHandlers(statistics: false))
        self.producer = producer
        if configuration.guarantee == .exactlyOnce {
            try waitingForCluster("initializing transactions", limit: Self.initTransactionsLimit) { timeout in
                try producer.initTransactions(timeout: timeout)
            }
        }
        if stop.isRequested { throw StartupInterrupted(step: "creating the consumer") }

        let consumer = try KafkaConsumer(configuration: consumerConfiguration(), handlers: clientHandlers(statistics: true))
        self.consumer = consumer
        try consumer.subscribe(topics: configuration.topics.inputs.all) { [unowned self] _, event in
            try self.handleRebalance(event)
        }
        startAssignmentWait()
        logger.info("joining consumer group", ("kafka.group", configuration.groupID),
                    ("kafka.topics", configuration.topics.inputs.all.joined(separator: ",")))
    }

    /// Calls `body` with a timeout of at most ``startupSlice`` until it
    /// succeeds, so that a stop request is seen between calls. A retriable
    /// error (a timeout, all brokers down) is logged, rate-limited, and
    /// the call is repeated until `limit` has passed.
    ///
    /// - Throws: ``StartupInterrupted`` when a stop is requested, the first
    ///   error that is not retriable, or a ``PipelineError`` naming the step
    ///   and the last error once `limit` has passed.
    func waitingForCluster<Result>(_ step: String, limit: Duration,
                                   _ body: (Duration) throws -> Result) throws -> Result {
        let started = ContinuousClock.now
        let deadline = started + limit
        while true {
            if stop.isRequested { throw StartupInterrupted(step: step) }
            let remaining = deadline - ContinuousClock.now
            do {
                return try body(max(.milliseconds(1), min(Self.startupSlice, remaining)))
            } catch let error as KafkaError where error.isRetriable && !error.isFatal {
                guard ContinuousClock.now < deadline else {
                    throw PipelineError(description: "\(step) did not succeed within \(ServiceConfiguration.milliseconds(limit)) ms: \(error); check that a broker listens on \(configuration.bootstrapServers) and that the listener settings in --kafka are right")
                }
                clientErrorLog.log(.warning, key: "startup.\(step)", "waiting for the Kafka cluster", [
                    ("operation", step), ("error", "\(error)"),
                    ("waited_ms", String(ServiceConfiguration.milliseconds(ContinuousClock.now - started))),
                ])
                // An error that returns at once (no broker connection yet) would otherwise spin.
                stop.wait(for: Self.startupRetryPause)
            }
        }
    }

    /// Stops after a shutdown request cut start-up or a restore short:
    /// nothing was processed since the assignment, so there is no batch to commit.
    func stopBeforeProcessing(_ reason: String) -> ServiceExit {
        logger.info("stopping before processing: \(reason)")
        status.update { $0.phase = .stopping }
        discardOpenBatch = true
        do {
            try consumer?.close()
        } catch {
            logger.warning("closing the consumer failed", ("error", "\(error)"))
        }
        consumer = nil
        producer?.close(timeout: .seconds(30))
        producer = nil
        logStop(level: .info, "crosshub run stopped")
        status.update { $0.phase = .stopped }
        return .stopped
    }

    /// The maximum timeout of one start-up call to the cluster, and so the
    /// maximum delay before start-up notices a stop request.
    static let startupSlice: Duration = .milliseconds(500)
    static let startupRetryPause: Duration = .milliseconds(100)
    static let initTransactionsLimit: Duration = .seconds(60)
}
