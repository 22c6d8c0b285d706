import Kafka
import Qualification

/// An invalid configuration: every problem found, each naming the setting, the value and the fix.
public struct ServiceConfigurationError: Error, Sendable, CustomStringConvertible {
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// The `crosshub run` flag without dashes, for example `batch-max-events`.
        public var setting: String
        public var message: String

        public var description: String { "--\(setting): \(message)" }
    }

    public var issues: [Issue]

    public var description: String {
        "invalid configuration:\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// The flag name of each output kind's topic.
struct OutputKindFlag {
    let kind: OutputKind
    let flag: String

    static let all: [OutputKindFlag] = [
        OutputKindFlag(kind: .qualification, flag: "qualifications-topic"),
        OutputKindFlag(kind: .propertyUpdate, flag: "property-updates-topic"),
        OutputKindFlag(kind: .task, flag: "tasks-topic"),
        OutputKindFlag(kind: .note, flag: "notes-topic"),
        OutputKindFlag(kind: .notification, flag: "notifications-topic"),
        OutputKindFlag(kind: .enrollment, flag: "enrollments-topic"),
    ]
}

extension ServiceConfiguration {
    /// librdkafka properties that the service sets itself, because its
    /// guarantees depend on them, with the setting to use instead.
    static let reservedKafkaProperties: [String: String] = [
        "group.id": "use --group-id",
        "transactional.id": "use --instance-id and --transactional-id-prefix",
        "enable.auto.commit": "the service commits offsets itself after each batch",
        "enable.auto.offset.store": "the service commits offsets itself after each batch",
        "isolation.level": "the service reads with read_committed so that aborted outputs of other producers stay hidden",
        "partition.assignment.strategy": "the service needs the range assignor so that partition p of every input lands on one instance",
        "enable.idempotence": "the service needs the idempotent producer for both guarantees",
        "enable.partition.eof": "the service sets it only on its changelog reader",
    ]

    /// Checks every setting.
    ///
    /// - Throws: ``ServiceConfigurationError`` listing every problem, each
    ///   with the flag, the value and what to do.
    public func validate() throws(ServiceConfigurationError) {
        var issues: [ServiceConfigurationError.Issue] = []
        func fail(_ setting: String, _ message: String) {
            issues.append(.init(setting: setting, message: message))
        }

        validateBrokers(fail)
        if groupID.isEmpty { fail("group-id", "the group id is empty; give the consumer group name every instance shares, for example crosshub") }
        if instanceID.isEmpty || instanceID.contains(where: \.isWhitespace) {
            fail("instance-id", "invalid instance id '\(instanceID)': give a stable name without spaces, for example the pod name of a StatefulSet")
        }
        if transactionalIDPrefix.isEmpty || transactionalIDPrefix.contains(where: \.isWhitespace) {
            fail("transactional-id-prefix", "invalid prefix '\(transactionalIDPrefix)': give a name without spaces, for example crosshub")
        }
        if !(1...100_000).contains(batchMaxEvents) {
            fail("batch-max-events", "invalid value \(batchMaxEvents): expected 1 to 100000 records per batch")
        }
        if !(1...100_000).contains(backlogBatchMaxEvents) {
            fail("backlog-batch-max-events", "invalid value \(backlogBatchMaxEvents): expected 1 to 100000 records per batch")
        }
        let interval = Self.milliseconds(commitInterval)
        if !(1...60_000).contains(interval) {
            fail("commit-interval-ms", "invalid value \(interval): expected 1 to 60000 milliseconds, below the 60 s transaction timeout")
        }
        if !(64...16_777_216).contains(maxEventBytes) {
            fail("max-event-bytes", "invalid value \(maxEventBytes): expected 64 to 16777216 bytes")
        }
        if !(1...10_000).contains(newTopicPartitions) {
            fail("topic-partitions", "invalid value \(newTopicPartitions): expected 1 to 10000 partitions")
        }
        if newTopicReplicationFactor != KafkaNewTopic.brokerDefaultReplicationFactor && !(1...32).contains(newTopicReplicationFactor) {
            fail("replication-factor", "invalid value \(newTopicReplicationFactor): expected 1 to 32, or -1 for the broker's default")
        }
        if let httpPort, !(0...65_535).contains(httpPort) {
            fail("http-port", "invalid port \(httpPort): expected 0 (off) to 65535")
        }
        if SocketAddress(httpBindAddress, port: 0) == nil {
            fail("http-address", "invalid address '\(httpBindAddress)': expected an IPv4 or IPv6 literal such as 0.0.0.0, 127.0.0.1 or ::")
        }
        let stallSeconds = Self.milliseconds(stallTimeout) / 1000
        if !(1...86_400).contains(stallSeconds) {
            fail("stall-timeout-seconds", "invalid value \(stallSeconds): expected 1 to 86400 seconds")
        }
        if !(1...1000).contains(stallRetries) {
            fail("stall-retries", "invalid value \(stallRetries): expected 1 to 1000 batches")
        }
        let statistics = Self.milliseconds(statisticsInterval)
        if statistics < 0 || statistics > 86_400_000 {
            fail("statistics-interval-ms", "invalid value \(statistics): expected 0 (off) to 86400000 milliseconds")
        }
        let restoreSeconds = Self.milliseconds(restoreTimeout) / 1000
        if !(1...86_400).contains(restoreSeconds) {
            fail("restore-timeout-seconds", "invalid value \(restoreSeconds): expected 1 to 86400 seconds; keep it below max.poll.interval.ms")
        }
        validateTopics(fail)
        validateKafkaProperties(fail)

        if !issues.isEmpty { throw ServiceConfigurationError(issues: issues) }
    }

    private func validateBrokers(_ fail: (String, String) -> Void) {
        let entries = bootstrapServers.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !entries.isEmpty, !entries.contains(where: \.isEmpty) else {
            fail("brokers", "invalid broker list '\(bootstrapServers)': give host:port pairs separated by commas, for example kafka-1:9092,kafka-2:9092")
            return
        }
        for entry in entries {
            let address = entry.split(separator: "/").last.map(String.init) ?? entry
            guard let colon = address.lastIndex(of: ":"), colon != address.startIndex,
                  let port = Int(address[address.index(after: colon)...]), (1...65_535).contains(port) else {
                fail("brokers", "invalid broker address '\(entry)': expected host:port with a port from 1 to 65535, for example localhost:9092")
                continue
            }
        }
    }

    private func validateTopics(_ fail: (String, String) -> Void) {
        var named: [(flag: String, name: String)] = [
            ("marketing-topic", topics.inputs.marketing),
            ("sales-topic", topics.inputs.sales),
            ("service-topic", topics.inputs.service),
        ]
        named += OutputKindFlag.all.map { ($0.flag, topics.topic(for: $0.kind)) }
        named += [("dead-letter-topic", topics.deadLetters), ("changelog-topic", topics.changelog)]

        for (flag, name) in named where !Self.isValidTopicName(name) {
            fail(flag, "invalid topic name '\(name)': use 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-', other than '.' and '..'")
        }

        // Each output topic carries one record schema, which consumers of that topic rely on, so no two roles share a topic.
        for (index, first) in named.enumerated() {
            for second in named[(index + 1)...] where first.name == second.name {
                fail(second.flag, "topic '\(second.name)' is also the --\(first.flag); give each input, each output kind, the dead letters and the changelog a topic of their own")
            }
        }
    }

    private func validateKafkaProperties(_ fail: (String, String) -> Void) {
        for key in kafkaProperties.properties.keys.sorted() {
            let prefix = KafkaClientRole.allCases.first { key.hasPrefix($0.prefix) }?.prefix ?? ""
            if let reason = Self.reservedKafkaProperties[String(key.dropFirst(prefix.count))] {
                fail("kafka", "property \(key) is set by the service: \(reason)")
            }
        }
        do {
            try kafkaProperties.validate()
        } catch let error as KafkaError {
            fail("kafka", error.message)
        } catch {
            fail("kafka", "\(error)")
        }
    }

    /// Returns true for a legal Kafka topic name.
    static func isValidTopicName(_ name: String) -> Bool {
        guard (1...249).contains(name.utf8.count), name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}
