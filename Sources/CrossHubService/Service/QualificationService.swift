import Foundation
import Qualification
import Synchronization

/// One instance of the qualification service: consumes the input topics,
/// folds each contact's events, rescores changed contacts, and publishes
/// outputs, dead letters and changelog snapshots with the configured
/// delivery guarantee.
///
/// ``start()`` runs the pipeline on a dedicated thread, which owns the
/// Kafka clients and all contact state. Other threads use only
/// ``requestStop()``, the waits, and the published snapshots: ``status``,
/// ``metrics`` and ``contacts``.
public final class QualificationService: Sendable {
    public let configuration: ServiceConfiguration
    public let metrics = ServiceMetrics()
    public let status: ServiceStatus
    /// The committed contact states, for lookups.
    public let contacts = ContactDirectory()

    let scorer: Scorer
    private let decider: any OutputDecider
    let logger: Logger
    private let version: String
    private let stopRequest = StopRequest()
    private let exit = Mutex<ServiceExit?>(nil)
    private let exitCondition = NSCondition()
    private let started = Mutex(false)

    /// Creates an instance without connecting to Kafka.
    ///
    /// - Parameters:
    ///   - version: the program version for the start-up log.
    /// - Throws: ``ServiceConfigurationError`` listing every invalid setting.
    public init(configuration: ServiceConfiguration, scorer: Scorer, decider: any OutputDecider,
                logger: Logger, version: String) throws(ServiceConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.status = ServiceStatus(stallTimeout: configuration.stallTimeout, retryLimit: configuration.stallRetries)
        self.scorer = scorer
        self.decider = decider
        self.logger = logger
        self.version = version
    }

    /// Starts the pipeline thread. Calling it again does nothing.
    public func start() {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }

        let thread = Thread { [self] in
            let result = makePipeline().run()
            exitCondition.lock()
            exit.withLock { $0 = result }
            exitCondition.broadcast()
            exitCondition.unlock()
        }
        thread.name = "crosshub-pipeline"
        thread.start()
    }

    /// Runs the pipeline on the calling thread until it stops.
    public func run() -> ServiceExit {
        started.withLock { $0 = true }
        let result = makePipeline().run()
        exit.withLock { $0 = result }
        return result
    }

    /// Asks the pipeline to commit its open batch, leave the group and stop.
    /// Safe from any thread, including a signal handler's Dispatch queue.
    ///
    /// - Returns: false when a stop was already requested.
    @discardableResult
    public func requestStop() -> Bool {
        stopRequest.request()
    }

    /// Blocks until the pipeline thread has stopped.
    public func waitUntilStopped() -> ServiceExit {
        exitCondition.lock()
        defer { exitCondition.unlock() }
        while true {
            if let result = exit.withLock({ $0 }) { return result }
            exitCondition.wait()
        }
    }

    /// Blocks until the pipeline thread has stopped or `timeout` passes.
    ///
    /// - Returns: how it ended, or nil when it is still running.
    public func waitUntilStopped(timeout: Duration) -> ServiceExit? {
        let deadline = Date().addingTimeInterval(ChangelogRestorer.seconds(timeout))
        exitCondition.lock()
        defer { exitCondition.unlock() }
        while true {
            if let result = exit.withLock({ $0 }) { return result }
            if !exitCondition.wait(until: deadline) { return exit.withLock { $0 } }
        }
    }

    /// How the pipeline ended, or nil while it runs.
    public var exitResult: ServiceExit? {
        exit.withLock { $0 }
    }

    private func makePipeline() -> Pipeline {
        Pipeline(configuration: configuration, scorer: scorer, decider: decider, logger: logger,
                 metrics: metrics, status: status, directory: contacts, stop: stopRequest, version: version)
    }
}
