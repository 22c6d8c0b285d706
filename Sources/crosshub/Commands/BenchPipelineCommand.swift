import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub bench pipeline`: end-to-end rate of the service on the embedded
/// broker in both guarantees, beside the raw consume rate of the same topics,
/// and the latency from a record's timestamp to its commit at a low input rate.
enum BenchPipelineCommand: Command {
    static let name = "pipeline"
    static let summary = "Events per second through the service on the embedded broker, against the raw consume rate."

    static let parser = OptionParser(command: "bench pipeline", synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", default: "4000", help: "Generated contacts; about 50 events each over the default 90 days."),
        OptionSpec("partitions", default: "8", help: "Partitions of every topic; the embedded broker keeps about 5 MiB per partition."),
        OptionSpec("guarantee", default: "both",
                   help: "Guarantee to measure: exactly-once, at-least-once or both."),
        OptionSpec("batch-max-events", help: "The service's --batch-max-events. Default: the service default."),
        OptionSpec("backlog-batch-max-events", help: "The service's --backlog-batch-max-events. Default: the service default."),
        OptionSpec("commit-interval-ms", help: "The service's --commit-interval-ms. Default: the service default."),
        OptionSpec("kafka", .repeated, help: "librdkafka property KEY=VALUE for the service's clients, such as linger.ms=1."),
        OptionSpec("log-level", default: "warning", help: "Lowest level the service logs: trace, debug, info, notice, warning, error or critical."),
        OptionSpec("rounds", default: "1", help: "Runs of each guarantee, each in a fresh consumer group, alternating between the guarantees."),
        OptionSpec("latency-rate", default: "1000",
                   help: "Events per second produced to a caught-up instance for the latency figures; 0 skips them."),
        OptionSpec("latency-seconds", default: "5", help: "Seconds of producing at --latency-rate."),
    ])

    /// The settings of one benchmark run.
    struct Settings {
        var contacts = 4000
        var partitions = 8
        var guarantees: [DeliveryGuarantee] = [.exactlyOnce, .atLeastOnce]
        var batchMaxEvents: Int?
        var backlogBatchMaxEvents: Int?
        var commitIntervalMilliseconds: Int?
        var kafkaProperties = KafkaConfiguration()
        var logLevel = LogLevel.warning
        var rounds = 1
        var latencyRate = 1000
        var latencySeconds = 5
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: Settings
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            settings = try parseSettings(options)
        } catch {
            printError("crosshub bench pipeline: \(error)")
            return ExitStatus.usage
        }

        do {
            let cluster = try EmbeddedKafkaCluster(brokers: 1)
            for topic in ServiceTopics.defaults.all { try cluster.createTopic(topic, partitions: settings.partitions) }
            var options = JourneyGeneratorOptions()
            options.contacts = settings.contacts
            let events = try JourneyGenerator(options: options).events()
            try produce(events, to: cluster)
            print("events: \(events.count) from \(settings.contacts) contacts, \(settings.partitions) partitions per topic")

            try checkRetained(cluster, count: events.count, partitions: settings.partitions)
            let raw = try rawConsumeRate(cluster, count: events.count, partitions: settings.partitions)
            print(String(format: "raw consume (Swift consumer, no processing): %.0f events/s", raw))
            for round in 1...settings.rounds {
                for guarantee in settings.guarantees {
                    let run = try throughputRun(cluster, count: events.count, guarantee: guarantee,
                                                settings: settings, group: "bench-\(guarantee.rawValue)-\(round)")
                    print(String(format: "pipeline %@: %.0f events/s, %.3f of the raw rate; %d batches, %.0f records per batch, %.2f changelog records per event",
                                 guarantee.rawValue, run.rate, run.rate / raw, run.batches,
                                 Double(events.count) / Double(max(run.batches, 1)), Double(run.changelogRecords) / Double(events.count)))
                }
            }
            if settings.latencyRate > 0 {
                for guarantee in settings.guarantees {
                    let run = try latencyRun(cluster, events: events, guarantee: guarantee, settings: settings)
                    print(String(format: "latency %@ at %d events/s for %d s: mean %.0f ms from record timestamp to commit, %.1f%% within 100 ms, %.1f%% within 500 ms; %.0f records per batch",
                                 guarantee.rawValue, settings.latencyRate, settings.latencySeconds, run.meanSeconds * 1000,
                                 run.withinTenthSecond * 100, run.withinHalfSecond * 100, run.recordsPerBatch))
                }
            }
        } catch {
            printError("crosshub bench pipeline: \(error)")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    private static func parseSettings(_ options: ParsedOptions) throws -> Settings {
        var settings = Settings()
        settings.contacts = try options.int("contacts", in: 1...200_000) ?? settings.contacts
        settings.partitions = try options.int("partitions", in: 1...64) ?? settings.partitions
        switch options.string("guarantee") ?? "both" {
        case "both":
            settings.guarantees = [.exactlyOnce, .atLeastOnce]
        case let text:
            guard let guarantee = DeliveryGuarantee(rawValue: text) else {
                throw UsageError("invalid value '\(text)' for --guarantee: expected exactly-once, at-least-once or both")
            }
            settings.guarantees = [guarantee]
        }
        settings.batchMaxEvents = try options.int("batch-max-events", in: 1...100_000)
        settings.backlogBatchMaxEvents = try options.int("backlog-batch-max-events", in: 1...100_000)
        settings.commitIntervalMilliseconds = try options.int("commit-interval-ms", in: 1...60_000)
        for entry in options.strings("kafka") {
            settings.kafkaProperties = settings.kafkaProperties.merging(try KafkaConfiguration(parsing: [entry]))
        }
        let levelText = options.string("log-level") ?? "warning"
        guard let level = LogLevel(name: levelText) else {
            throw UsageError("invalid value '\(levelText)' for --log-level: expected trace, debug, info, notice, warning, error or critical")
        }
        settings.logLevel = level
        settings.rounds = try options.int("rounds", in: 1...100) ?? settings.rounds
        settings.latencyRate = try options.int("latency-rate", in: 0...100_000) ?? settings.latencyRate
        settings.latencySeconds = try options.int("latency-seconds", in: 1...600) ?? settings.latencySeconds
        return settings
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

    /// Checks that the embedded broker still has every produced record, so
    /// that the runs, which wait for every record, can finish.
    ///
    /// - Throws: `UsageError` when a partition dropped its oldest records,
    ///   which the mock broker does above about 5 MiB per partition.
    private static func checkRetained(_ cluster: EmbeddedKafkaCluster, count: Int, partitions: Int) throws {
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        defer { try? consumer.close() }
        var retained: Int64 = 0
        for topic in InputTopics.defaults.all {
            for partition in 0..<partitions {
                let watermarks = try consumer.queryWatermarks(KafkaTopicPartition(topic: topic, partition: Int32(partition)),
                                                              timeout: .seconds(10))
                retained += watermarks.high - watermarks.low
            }
        }
        guard retained == Int64(count) else {
            throw UsageError("the embedded broker kept \(retained) of \(count) records because it keeps about 5 MiB per partition; raise --partitions or lower --contacts")
        }
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
}

enum ElapsedSeconds {
    static func of(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
