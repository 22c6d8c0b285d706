import Foundation
import Kafka
import Qualification

/// One run of `crosshub demo`, in this process: an embedded Kafka broker,
/// every topic, a generated population published to the input topics, and
/// one service instance that consumes it until it has caught up.
///
/// The run ends when the service has committed every published record as
/// folded, duplicate or dead-lettered, counted by its metrics. Committed
/// input offsets are not a usable signal here because the embedded broker
/// does not store offsets committed inside a transaction. The service then
/// stops gracefully, and the broker goes away with the run.
public struct DemoRun: Sendable {
    public let settings: DemoSettings
    public let scorer: Scorer
    let logger: Logger
    let version: String

    /// Topic names: the defaults of `crosshub run`.
    public let topics = ServiceTopics.defaults

    /// - Parameter version: the program version for the service's start-up log.
    /// - Throws: ``DemoError`` naming an invalid setting.
    public init(settings: DemoSettings, scorer: Scorer = .default, logger: Logger, version: String) throws(DemoError) {
        try settings.validate()
        self.settings = settings
        self.scorer = scorer
        self.logger = logger
        self.version = version
    }

    /// Runs the demo and returns its summary.
    ///
    /// - Parameter progress: called on the calling thread about once a second.
    /// - Throws: ``DemoError`` when a step fails or times out, or the service
    ///   stops with an error. The service is stopped before the error is thrown.
    public func run(progress: @escaping (DemoProgress) -> Void) throws -> DemoSummary {
        var reporter = DemoProgressReporter(handler: progress)
        let cluster = try startCluster()
        defer { withExtendedLifetime(cluster) {} }

        let service = try startService(bootstrapServers: cluster.bootstrapServers)
        do {
            // The group's first join takes about 3 s on the embedded broker, so the population is generated meanwhile.
            let generated = try JourneyGenerator(options: settings.population).generate()
            logger.info("generated the population", ("demo.records", String(generated.count)),
                        ("demo.contacts", String(settings.population.contacts)))
            try waitUntilReady(service, total: generated.count, reporter: &reporter)

            let started = ContinuousClock.now
            let published = try publish(generated, bootstrapServers: cluster.bootstrapServers, service: service,
                                        started: started, reporter: &reporter)
            try waitUntilCaughtUp(service, published: published, started: started, reporter: &reporter)
            let seconds = ChangelogRestorer.seconds(ContinuousClock.now - started)

            let metrics = service.metrics.snapshot()
            let states = try committedStates(service, folded: Int(metrics.total(.folded)))
            try stop(service)
            return DemoSummary(settings: settings, generation: generated.summary, published: published, seconds: seconds,
                               metrics: metrics, states: states, scorer: scorer, topics: topics)
        } catch {
            abandon(service)
            throw error
        }
    }

    // MARK: - Steps

    private func startCluster() throws -> EmbeddedKafkaCluster {
        let cluster: EmbeddedKafkaCluster
        do {
            cluster = try EmbeddedKafkaCluster(brokers: 1, handlers: clientHandlers())
        } catch {
            throw DemoError("starting the embedded Kafka broker failed: \(error)")
        }
        for topic in topics.all {
            do {
                try cluster.createTopic(topic, partitions: settings.partitions)
            } catch {
                throw DemoError("creating topic '\(topic)' on the embedded broker failed: \(error)")
            }
        }
        logger.info("embedded Kafka broker started", ("kafka.bootstrap", cluster.bootstrapServers),
                    ("kafka.topics", String(topics.all.count)), ("kafka.partitions", String(settings.partitions)))
        return cluster
    }

    private func startService(bootstrapServers: String) throws -> QualificationService {
        var configuration = ServiceConfiguration(bootstrapServers: bootstrapServers, instanceID: "demo")
        configuration.groupID = "crosshub-demo"
        configuration.guarantee = settings.guarantee
        configuration.topics = topics
        let service: QualificationService
        do {
            service = try QualificationService(configuration: configuration, scorer: scorer,
                                               decider: try QualificationDecider(), logger: logger, version: version)
        } catch {
            throw DemoError("configuring the service failed: \(error)")
        }
        service.start()
        return service
    }

    private func waitUntilReady(_ service: QualificationService, total: Int, reporter: inout DemoProgressReporter) throws {
        let deadline = ContinuousClock.now + settings.readyTimeout
        while !service.status.isReady {
            try checkRunning(service, while: "joining the consumer group")
            guard ContinuousClock.now < deadline else {
                throw DemoError("the service did not join the consumer group within \(settings.readyTimeout) "
                    + "(phase \(service.status.snapshot().phase.rawValue)); run again with --log-level info to see why")
            }
            reporter.tick(.joining, published: 0, total: total, processed: 0)
            Thread.sleep(forTimeInterval: 0.01)
        }
        logger.info("service ready", ("kafka.partitions", service.status.snapshot().assignedPartitions.map(String.init).joined(separator: ",")))
    }

    private func waitUntilCaughtUp(_ service: QualificationService, published: Int, started: ContinuousClock.Instant,
                                   reporter: inout DemoProgressReporter) throws {
        while true {
            let processed = Int(service.metrics.snapshot().totalConsumed)
            if processed >= published { break }
            try checkRunning(service, while: "processing")
            try checkCatchUpDeadline(started: started, processed: processed, published: published)
            reporter.tick(.catchingUp, published: published, total: published, processed: processed)
            Thread.sleep(forTimeInterval: 0.01)
        }
        logger.info("service caught up", ("demo.records", String(published)))
    }

    /// Returns the committed state of every contact once the states contain
    /// every folded record.
    ///
    /// The service publishes a batch's contact states right after it adds the
    /// batch to the metrics, so for a moment after catching up the states may
    /// lag the counts by one batch.
    private func committedStates(_ service: QualificationService, folded: Int) throws -> [ContactState] {
        let prefix = settings.population.contactIDPrefix
        let contactIDs = (0..<settings.population.contacts).map { prefix + String($0) }
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let states = contactIDs.compactMap { service.contacts.lookup($0)?.state }
            let foldedInStates = states.reduce(0) { $0 + $1.foldedEventCount }
            if foldedInStates == folded { return states }
            guard ContinuousClock.now < deadline else {
                throw DemoError("the committed contact states contain \(foldedInStates) folded events, "
                    + "but the service's metrics count \(folded) folded records")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Stops the service and waits for it, so that it commits, leaves the group and closes its clients.
    private func stop(_ service: QualificationService) throws {
        service.requestStop()
        guard let exit = service.waitUntilStopped(timeout: Self.stopTimeout) else {
            throw DemoError("the service did not stop within \(Self.stopTimeout) after the stop request")
        }
        if case .failed(let reason) = exit {
            throw DemoError("the service stopped with an error: \(reason)")
        }
        logger.info("service stopped")
    }

    /// Stops the service after a failed step; a second failure is logged, not thrown, so the first stays visible.
    private func abandon(_ service: QualificationService) {
        service.requestStop()
        if service.waitUntilStopped(timeout: Self.stopTimeout) == nil {
            logger.warning("the service did not stop within \(Self.stopTimeout) after a failed demo step; exiting anyway")
        }
    }

    // MARK: - Checks

    func checkRunning(_ service: QualificationService, while step: String) throws {
        guard let exit = service.exitResult else { return }
        switch exit {
        case .failed(let reason):
            throw DemoError("the service stopped with an error while \(step): \(reason)")
        case .stopped:
            throw DemoError("the service stopped while \(step) without a stop request")
        }
    }

    func checkCatchUpDeadline(started: ContinuousClock.Instant, processed: Int, published: Int) throws {
        guard ContinuousClock.now - started > settings.catchUpTimeout else { return }
        throw DemoError("timed out after \(settings.catchUpTimeout): the service processed \(processed) of "
            + "\(published) published records; raise --timeout-seconds or lower --contacts")
    }

    /// Handlers that send the broker's and the publisher's librdkafka log
    /// lines and errors to the demo's logger.
    func clientHandlers() -> KafkaClientHandlers {
        let logger = logger
        return KafkaClientHandlers(
            log: { record in
                logger.log(LogLevel(syslogSeverity: Int(record.level.rawValue)), record.message,
                           [("kafka.client", record.clientName), ("kafka.facility", record.facility)])
            },
            error: { error in
                logger.warning("Kafka client error", ("error", error.description))
            })
    }

    static let stopTimeout: Duration = .seconds(60)
}
