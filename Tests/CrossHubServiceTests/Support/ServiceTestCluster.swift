import Foundation
import Kafka
import Qualification
@testable import CrossHubService

/// An embedded cluster with every service topic, and helpers to feed the
/// service, run instances and read what they published.
final class ServiceTestCluster: @unchecked Sendable {
    // `@unchecked Sendable`: every stored property is immutable, and the
    // cluster and producer are thread-safe.
    let cluster: EmbeddedKafkaCluster
    let topics = ServiceTopics.defaults
    let partitions: Int
    private let producer: KafkaProducer

    init(partitions: Int = 2) throws {
        cluster = try EmbeddedKafkaCluster(brokers: 1)
        self.partitions = partitions
        for topic in topics.all {
            try cluster.createTopic(topic, partitions: partitions)
        }
        producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
    }

    deinit {
        producer.close(timeout: .seconds(5))
    }

    var bootstrapServers: String { cluster.bootstrapServers }

    /// Settings for a test instance: short group timeouts so that rebalances finish quickly.
    func configuration(group: String, instance: String = "test-1",
                       guarantee: DeliveryGuarantee = .exactlyOnce) -> ServiceConfiguration {
        var configuration = ServiceConfiguration(bootstrapServers: bootstrapServers, instanceID: instance)
        configuration.groupID = group
        configuration.guarantee = guarantee
        configuration.statisticsInterval = .seconds(1)
        configuration.kafkaProperties = ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]
        return configuration
    }

    /// Creates and starts an instance.
    func startService(_ configuration: ServiceConfiguration, decider: any OutputDecider = QualificationOnlyDecider(),
                      logs: MemoryLogSink = MemoryLogSink()) throws -> QualificationService {
        let service = try QualificationService(configuration: configuration, scorer: .default, decider: decider,
                                               logger: Logger(level: .debug, sink: logs), version: "test")
        service.start()
        return service
    }

    /// Produces generated events to their topics, keyed by contact id, and waits for every acknowledgement.
    func produce(_ events: [GeneratedEvent]) throws {
        for event in events {
            try producer.send(KafkaProducerMessage(topic: event.topic, key: Array(event.key.utf8), value: event.value))
        }
        try flush(expected: events.count)
    }

    /// Produces one record as given, for poison input.
    func produceRaw(topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader] = [],
                    partition: Int32? = nil) throws {
        try producer.send(KafkaProducerMessage(topic: topic, partition: partition, key: key, value: value, headers: headers))
        try flush(expected: 1)
    }

    private func flush(expected: Int) throws {
        try producer.flush(timeout: .seconds(30))
        let failures = producer.drainDeliveryReports().filter { !$0.isSuccess }
        if let failure = failures.first {
            throw DeadlineExceeded(description: "\(failures.count) of \(expected) test records failed: \(failure.error.map { "\($0)" } ?? "")")
        }
    }

    /// Reads every record of `topic` from the beginning to the current end of each partition.
    func readAll(_ topic: String) throws -> [KafkaConsumerMessage] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers,
                                                       properties: ["enable.partition.eof": "true"])
        configuration.isolationLevel = .readUncommitted
        let reader = try KafkaConsumer(configuration: configuration)
        defer { try? reader.close() }
        var starts: [KafkaTopicPartition: KafkaOffset] = [:]
        for partition in 0..<partitions {
            starts[KafkaTopicPartition(topic: topic, partition: Int32(partition))] = .beginning
        }
        try reader.assign(starts)

        var messages: [KafkaConsumerMessage] = []
        var ended = Set<Int32>()
        try waitUntil("the end of \(topic)", timeout: .seconds(30), interval: .milliseconds(1)) {
            let batch = try reader.pollBatch(maxMessages: 1000, timeout: .milliseconds(100))
            messages += batch.messages
            for end in batch.partitionEnds { ended.insert(end.partition) }
            return ended.count == partitions
        }
        return messages
    }

    /// Distinct output ids of `topic` with their values, from the `crosshub.output_id` header.
    ///
    /// The embedded broker does not hide aborted transactions from readers,
    /// so records of an aborted batch appear next to their committed redo;
    /// equal ids carry equal values, and this keeps one of each.
    func outputs(_ topic: String) throws -> [String: String] {
        var outputs: [String: String] = [:]
        for message in try readAll(topic) {
            guard let id = message.header("crosshub.output_id") else { continue }
            outputs[String(decoding: id, as: UTF8.self)] = message.value?.string ?? ""
        }
        return outputs
    }
}

extension ServiceTestCluster {
    /// Marketing events only, so that each contact's events sit in one
    /// partition of one topic and arrive in the same order on every run.
    /// With one record per batch, the decisions are then the same on every
    /// run, which lets tests compare outputs across runs.
    static func orderedEvents(contacts: Int, seed: UInt64 = 11) throws -> [GeneratedEvent] {
        var options = generationOptions(contacts: contacts, seed: seed)
        options.family = .marketing
        return try JourneyGenerator(options: options).events()
    }

    /// Every output record of every output topic, by output id.
    func allOutputs() throws -> [String: String] {
        var outputs: [String: String] = [:]
        for kind in OutputKind.allCases {
            outputs.merge(try self.outputs(topics.topic(for: kind))) { first, _ in first }
        }
        return outputs
    }

    /// Runs one instance over `events` from an empty cluster until every event is processed, and returns the outputs.
    static func referenceOutputs(_ events: [GeneratedEvent], partitions: Int, decider: any OutputDecider = QualificationOnlyDecider()) throws -> [String: String] {
        let environment = try ServiceTestCluster(partitions: partitions)
        try environment.produce(events)
        var configuration = environment.configuration(group: "reference")
        configuration.batchMaxEvents = 1
        configuration.backlogBatchMaxEvents = 1
        let service = try environment.startService(configuration, decider: decider)
        try waitUntil("the reference run") { service.metrics.snapshot().totalConsumed == UInt64(events.count) }
        service.requestStop()
        _ = service.waitUntilStopped(timeout: .seconds(30))
        return try environment.allOutputs()
    }
}
