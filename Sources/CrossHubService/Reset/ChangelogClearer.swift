import Foundation
import Kafka

/// Empties the changelog of contact snapshots, so that restarted instances restore nothing.
struct ChangelogClearer {
    let settings: ReplayKafkaSettings
    let topic: String
    let partitions: Int

    /// Clears the changelog by the `clearing` method and returns a sentence for the operator about what was done.
    ///
    /// - Parameter keys: set to the number of keys that had a snapshot.
    func clear(_ clearing: ResetPlan.ChangelogClearing, keys: inout Int) throws -> String {
        switch clearing {
        case .tombstones:
            let live = try liveKeys()
            keys = live.values.reduce(0) { $0 + $1.count }
            try writeTombstones(live)
            return "wrote \(keys) tombstones to \(topic) (\(live.count) of \(partitions) partitions had snapshots); the restore treats them as removals and compaction drops them later"
        case .recreate(let replicationFactor):
            let admin = try settings.adminClient()
            try unlessEmbedded("delete and recreate") {
                try admin.deleteTopics([topic], timeout: settings.timeout)
                try waitUntilGone(admin)
                try admin.createTopics([KafkaNewTopic(name: topic, partitions: partitions, replicationFactor: replicationFactor,
                                                      configs: ["cleanup.policy": "compact"])], timeout: settings.timeout)
            }
            return "deleted \(topic) and created it again, empty, with \(partitions) partitions and cleanup.policy=compact"
        case .newTopic(let name, let replicationFactor):
            let admin = try settings.adminClient()
            try unlessEmbedded("create a new changelog") {
                try admin.createTopics([KafkaNewTopic(name: name, partitions: partitions, replicationFactor: replicationFactor,
                                                      configs: ["cleanup.policy": "compact"])], timeout: settings.timeout)
            }
            return "created \(name) with \(partitions) partitions and cleanup.policy=compact; \(topic) is unchanged"
        }
    }

    private func unlessEmbedded(_ what: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as KafkaError where error.kind == .unsupportedByBroker {
            throw ReplayError("cannot \(what) on this broker: \(error.message). Use --changelog tombstones, which works on every broker")
        }
    }

    private func waitUntilGone(_ admin: KafkaAdminClient) throws {
        let deadline = ContinuousClock.now + settings.timeout
        while ContinuousClock.now < deadline {
            if (try admin.partitionCounts(of: [topic], timeout: settings.timeout)[topic] ?? nil) == nil { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw ReplayError("\(topic) still exists \(settings.timeout) after its deletion; check the brokers, then create it with \(partitions) partitions and cleanup.policy=compact")
    }

    /// Reads the changelog to the end offsets seen at the start and returns,
    /// per partition, the keys whose latest record has a value.
    func liveKeys() throws -> [Int32: [[UInt8]]] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: settings.bootstrapServers)
        configuration.clientID = settings.clientID
        // Aborted snapshots count too: a tombstone for a key the restore would not see removes nothing.
        configuration.isolationLevel = .readUncommitted
        configuration.properties = KafkaConfiguration(["fetch.wait.max.ms": "50"]).merging(settings.properties)
        let reader = try KafkaConsumer(configuration: configuration, handlers: settings.handlers())
        defer { try? reader.close() }

        var ends: [KafkaTopicPartition: Int64] = [:]
        for number in 0..<partitions {
            let partition = KafkaTopicPartition(topic: topic, partition: Int32(number))
            let watermarks = try reader.queryWatermarks(partition, timeout: settings.timeout)
            if watermarks.high > watermarks.low { ends[partition] = watermarks.high }
        }
        guard !ends.isEmpty else { return [:] }
        try reader.assign(Dictionary(uniqueKeysWithValues: ends.keys.map { ($0, KafkaOffset.beginning) }), timeout: settings.timeout)

        var latest: [Int32: [[UInt8]: Bool]] = [:]
        let deadline = ContinuousClock.now + .seconds(300)
        while !ends.isEmpty {
            guard ContinuousClock.now < deadline else {
                throw ReplayError("reading \(topic) did not reach the end offsets within 300 s; check the brokers and run the reset again")
            }
            let messages = try reader.poll(maxMessages: 1000, timeout: .milliseconds(100))
            for message in messages {
                if let key = message.key { latest[message.partition, default: [:]][Array(key)] = message.value != nil }
                if let end = ends[message.topicPartition], message.offset + 1 >= end { ends[message.topicPartition] = nil }
            }
            if messages.isEmpty {
                for position in try reader.position(ends.keys.sorted()) where (position.offset ?? -1) >= ends[position.topicPartition] ?? .max {
                    ends[position.topicPartition] = nil
                }
            }
        }
        return latest.mapValues { keys in keys.filter(\.value).map(\.key).sorted { $0.lexicographicallyPrecedes($1) } }
            .filter { !$0.value.isEmpty }
    }

    private func writeTombstones(_ keys: [Int32: [[UInt8]]]) throws {
        guard !keys.isEmpty else { return }
        var configuration = KafkaProducerConfiguration(bootstrapServers: settings.bootstrapServers, properties: settings.properties)
        configuration.clientID = settings.clientID
        configuration.enableIdempotence = true
        configuration.allowAutoCreateTopics = false
        let producer = try KafkaProducer(configuration: configuration, handlers: settings.handlers())
        defer { producer.close(timeout: .seconds(5)) }
        for (partition, partitionKeys) in keys.sorted(by: { $0.key < $1.key }) {
            for key in partitionKeys {
                try producer.send(KafkaProducerMessage(topic: topic, partition: partition, key: key, value: nil))
            }
        }
        try producer.flush(timeout: .seconds(120))
        let failures = producer.drainDeliveryReports().filter { !$0.isSuccess }
        if let first = failures.first {
            throw ReplayError("\(failures.count) tombstones to \(topic) failed: \(first.error.map { "\($0)" } ?? ""); run the reset again to finish clearing the changelog")
        }
    }
}
