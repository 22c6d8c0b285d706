import CrossHubService
import Foundation
import Kafka
import Qualification

extension BenchPipelineCommand {
    /// The figures of one throughput run.
    struct ThroughputRun {
        var rate: Double
        var batches: Int
        var changelogRecords: Int
    }

    /// The figures of one latency run.
    struct LatencyRun {
        /// Mean seconds from a record's Kafka timestamp to the commit of its batch.
        var meanSeconds: Double
        /// Fractions of the records committed within 100 ms and 250 ms of their timestamp.
        var withinTenthSecond: Double
        var withinHalfSecond: Double
        var recordsPerBatch: Double
    }

    /// Runs the service in the fresh group `group` over the `count` records
    /// already in the input topics, and returns records per second from the
    /// moment the instance is ready until every record is in a committed batch.
    static func throughputRun(_ cluster: EmbeddedKafkaCluster, count: Int, guarantee: DeliveryGuarantee,
                              settings: Settings, group: String) throws -> ThroughputRun {
        let configuration = try serviceConfiguration(cluster, guarantee: guarantee, settings: settings, group: group)
        let service = try startReady(configuration, settings: settings)

        let started = ContinuousClock.now
        var snapshot = service.metrics.snapshot()
        while snapshot.totalConsumed < UInt64(count) {
            if let exit = service.exitResult { throw UsageError("the service stopped early: \(exit)") }
            Thread.sleep(forTimeInterval: 0.01)
            snapshot = service.metrics.snapshot()
        }
        let seconds = ElapsedSeconds.of(ContinuousClock.now - started)
        service.requestStop()
        _ = service.waitUntilStopped()
        return ThroughputRun(rate: Double(count) / seconds, batches: Int(snapshot.batchesCommitted),
                             changelogRecords: Int(snapshot.changelogRecords))
    }

    /// Starts the service on empty input topics of its own, produces
    /// `settings.latencyRate` events per second for `settings.latencySeconds`,
    /// and returns how long the records took from their timestamp to their commit.
    static func latencyRun(_ cluster: EmbeddedKafkaCluster, events: [GeneratedEvent], guarantee: DeliveryGuarantee,
                           settings: Settings) throws -> LatencyRun {
        let group = "bench-latency-\(guarantee.rawValue)"
        var configuration = try serviceConfiguration(cluster, guarantee: guarantee, settings: settings, group: group)
        let defaults = InputTopics.defaults
        configuration.topics.inputs = InputTopics(marketing: "\(group).\(defaults.marketing)", sales: "\(group).\(defaults.sales)",
                                                  service: "\(group).\(defaults.service)")
        for topic in configuration.topics.inputs.all { try cluster.createTopic(topic, partitions: settings.partitions) }
        // librdkafka 2.0.2's mock broker responds to a fetch that finds no
        // data only after the whole fetch.wait.max.ms (500 ms by default),
        // even when records arrive meanwhile. Apache Kafka responds as soon as
        // data arrives, so a short wait keeps the mock's delay out of the figures.
        configuration.kafkaProperties = KafkaConfiguration(["fetch.wait.max.ms": "5"]).merging(configuration.kafkaProperties)
        let service = try startReady(configuration, settings: settings)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped()
        }

        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { producer.close() }
        let count = min(events.count, settings.latencyRate * settings.latencySeconds)
        let interval = 1.0 / Double(settings.latencyRate)
        let started = ContinuousClock.now
        for (index, event) in events.prefix(count).enumerated() {
            let due = started + .seconds(Double(index) * interval)
            if due > ContinuousClock.now { Thread.sleep(forTimeInterval: ElapsedSeconds.of(due - ContinuousClock.now)) }
            let topic = configuration.topics.inputs.all[defaults.all.firstIndex(of: event.topic) ?? 0]
            try producer.send(KafkaProducerMessage(topic: topic, key: Array(event.key.utf8), value: event.value))
            _ = producer.poll(timeout: .zero)
        }
        try producer.flush(timeout: .seconds(30))

        let deadline = ContinuousClock.now + .seconds(60)
        var snapshot = service.metrics.snapshot()
        while snapshot.totalConsumed < UInt64(count) {
            guard ContinuousClock.now < deadline else {
                throw UsageError("the service committed \(snapshot.totalConsumed) of \(count) records within 60 s")
            }
            Thread.sleep(forTimeInterval: 0.01)
            snapshot = service.metrics.snapshot()
        }
        let latency = snapshot.eventAge
        let cumulative = latency.cumulativeCounts
        func fraction(within bound: Double) -> Double {
            guard let index = latency.upperBounds.firstIndex(of: bound) else { return 0 }
            return Double(cumulative[index]) / Double(max(latency.count, 1))
        }
        return LatencyRun(meanSeconds: latency.sum / Double(max(latency.count, 1)),
                          withinTenthSecond: fraction(within: 0.1), withinHalfSecond: fraction(within: 0.5),
                          recordsPerBatch: Double(count) / Double(max(snapshot.batchesCommitted, 1)))
    }

    /// Builds the service settings of a run in the fresh group `group`, with a changelog topic of its own.
    private static func serviceConfiguration(_ cluster: EmbeddedKafkaCluster, guarantee: DeliveryGuarantee,
                                             settings: Settings, group: String) throws -> ServiceConfiguration {
        var configuration = ServiceConfiguration(bootstrapServers: cluster.bootstrapServers, instanceID: group)
        configuration.groupID = group
        configuration.guarantee = guarantee
        // On a shared changelog a later run would restore the states of an
        // earlier one and skip every input record by offset instead of processing it.
        configuration.topics.changelog = "crosshub.contact-state.\(group)"
        try cluster.createTopic(configuration.topics.changelog, partitions: settings.partitions)
        if let batchMaxEvents = settings.batchMaxEvents { configuration.batchMaxEvents = batchMaxEvents }
        if let backlog = settings.backlogBatchMaxEvents { configuration.backlogBatchMaxEvents = backlog }
        if let milliseconds = settings.commitIntervalMilliseconds { configuration.commitInterval = .milliseconds(milliseconds) }
        configuration.kafkaProperties = KafkaConfiguration(["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"])
            .merging(settings.kafkaProperties)
        return configuration
    }

    /// Starts an instance and waits until it has joined the group and restored its state.
    private static func startReady(_ configuration: ServiceConfiguration, settings: Settings) throws -> QualificationService {
        let service = try QualificationService(configuration: configuration, scorer: .default,
                                               decider: try QualificationDecider(),
                                               logger: Logger(level: settings.logLevel), version: VersionCommand.version)
        service.start()
        while !service.status.isReady {
            if let exit = service.exitResult { throw UsageError("the service stopped before it was ready: \(exit)") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return service
    }
}
