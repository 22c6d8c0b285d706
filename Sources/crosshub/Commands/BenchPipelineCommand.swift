import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub bench pipeline`: end-to-end rate of the service on the embedded
/// broker in both guarantees, beside the raw consume rate of the same topics.
enum BenchPipelineCommand: Command {
    static let name = "pipeline"
    static let summary = "Events per second through the service on the embedded broker, against the raw consume rate."

    static let parser = OptionParser(command: "bench pipeline", synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", default: "4000", help: "Generated contacts; about 50 events each over the default 90 days."),
        OptionSpec("partitions", default: "4", help: "Partitions of every topic."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        let contacts: Int
        let partitions: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            contacts = try options.int("contacts", in: 1...200_000) ?? 4000
            partitions = try options.int("partitions", in: 1...64) ?? 4
        } catch {
            printError("crosshub bench pipeline: \(error)")
            return ExitStatus.usage
        }

        do {
            let cluster = try EmbeddedKafkaCluster(brokers: 1)
            for topic in ServiceTopics.defaults.all { try cluster.createTopic(topic, partitions: partitions) }
            var options = JourneyGeneratorOptions()
            options.contacts = contacts
            let events = try JourneyGenerator(options: options).events()
            try produce(events, to: cluster)
            print("events: \(events.count) from \(contacts) contacts, \(partitions) partitions per topic")

            let raw = try rawConsumeRate(cluster, count: events.count, partitions: partitions)
            print(String(format: "raw consume (Swift consumer, no processing): %.0f events/s", raw))
            for guarantee in [DeliveryGuarantee.exactlyOnce, .atLeastOnce] {
                let rate = try pipelineRate(cluster, count: events.count, guarantee: guarantee)
                print(String(format: "pipeline %@: %.0f events/s, %.3f of the raw rate", guarantee.rawValue, rate, rate / raw))
            }
        } catch {
            printError("crosshub bench pipeline: \(error)")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    static func produce(_ events: [GeneratedEvent], to cluster: EmbeddedKafkaCluster) throws {
        var configuration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.linger = .milliseconds(20)
        let producer = try KafkaProducer(configuration: configuration)
        for event in events {
            try producer.send(KafkaProducerMessage(topic: event.topic, key: Array(event.key.utf8), value: event.value))
        }
        try producer.flush(timeout: .seconds(120))
        producer.close()
    }

    /// Reads every input record once with an assign-only consumer and returns records per second.
    static func rawConsumeRate(_ cluster: EmbeddedKafkaCluster, count: Int, partitions: Int) throws -> Double {
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        var starts: [KafkaTopicPartition: KafkaOffset] = [:]
        for topic in InputTopics.defaults.all {
            for partition in 0..<partitions { starts[KafkaTopicPartition(topic: topic, partition: Int32(partition))] = .beginning }
        }
        let started = ContinuousClock.now
        try consumer.assign(starts)
        var read = 0
        while read < count {
            read += try consumer.poll(maxMessages: 1000, timeout: .milliseconds(100)).count
        }
        let seconds = ElapsedSeconds.of(ContinuousClock.now - started)
        try consumer.close()
        return Double(count) / seconds
    }

    /// Runs the service in a fresh group until it has consumed `count` records and returns records per second.
    static func pipelineRate(_ cluster: EmbeddedKafkaCluster, count: Int, guarantee: DeliveryGuarantee,
                             group: String? = nil) throws -> Double {
        var configuration = ServiceConfiguration(bootstrapServers: cluster.bootstrapServers, instanceID: group ?? "bench-\(guarantee.rawValue)")
        configuration.groupID = group ?? "bench-\(guarantee.rawValue)"
        configuration.guarantee = guarantee
        configuration.kafkaProperties = ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]
        let service = try QualificationService(configuration: configuration, scorer: .default,
                                               decider: try QualificationDecider(),
                                               logger: Logger(level: .warning), version: VersionCommand.version)
        service.start()
        // The clock starts once the group is joined and the state restored, so the join delay is not counted.
        while !service.status.isReady {
            if let exit = service.exitResult { throw UsageError("the service stopped before it was ready: \(exit)") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let started = ContinuousClock.now
        while service.metrics.snapshot().totalConsumed < UInt64(count) {
            if let exit = service.exitResult { throw UsageError("the service stopped early: \(exit)") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let seconds = ElapsedSeconds.of(ContinuousClock.now - started)
        service.requestStop()
        _ = service.waitUntilStopped()
        return Double(count) / seconds
    }
}

private enum ElapsedSeconds {
    static func of(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
