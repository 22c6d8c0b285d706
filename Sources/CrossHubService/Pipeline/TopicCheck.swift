import Kafka

/// The start-up check of the topics: every topic exists, the inputs have
/// equal partition counts, and the changelog has the same count. With
/// `--create-topics` it first creates what is missing.
struct TopicCheck {
    /// A topic problem that stops start-up, with what to do.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a metadata read (named by the first argument) with a timeout of
    /// the wait's choice and returns its result. The pipeline's wait repeats
    /// short reads, so that a stop request ends it.
    typealias MetadataWait = (String, (Duration) throws -> [String: Int?]) throws -> [String: Int?]

    let configuration: ServiceConfiguration
    let admin: KafkaAdminClient
    let logger: Logger
    let wait: MetadataWait

    /// Checks the topics and returns the input partition count.
    ///
    /// NOTE: listing every topic creates none, so the check sees a missing
    /// topic on Apache Kafka and on the embedded broker alike. But the
    /// embedded broker creates any topic that a client names in a metadata
    /// request (with 4 partitions), so there a topic some client has already
    /// named passes the check even if nobody created it on purpose.
    ///
    /// - Throws: ``Failure`` naming the topics and counts at fault, or a
    ///   ``KafkaError`` when the metadata cannot be read.
    func run() throws -> Int {
        let topics = configuration.topics
        var counts = try readPartitionCounts()
        let missing = topics.all.filter { (counts[$0] ?? nil) == nil }

        if !missing.isEmpty {
            guard configuration.createTopics else {
                throw Failure(description: "missing topics: \(missing.joined(separator: ", ")); create them with \(partitionAdvice(counts)) (the changelog with cleanup.policy=compact), or start with --create-topics")
            }
            try create(missing, existing: counts)
            counts = try readPartitionCounts()
        }

        let inputCounts = topics.inputs.all.map { ($0, (counts[$0] ?? nil) ?? 0) }
        guard let partitionCount = inputCounts.first?.1, inputCounts.allSatisfy({ $0.1 == partitionCount }) else {
            let listed = inputCounts.map { "\($0.0) has \($0.1)" }.joined(separator: ", ")
            throw Failure(description: "the input topics have different partition counts (\(listed)); partition p of every input must hold the same contacts, so give them equal counts")
        }
        let changelogCount = (counts[topics.changelog] ?? nil) ?? 0
        guard changelogCount == partitionCount else {
            throw Failure(description: "the changelog topic \(topics.changelog) has \(changelogCount) partitions but the inputs have \(partitionCount); recreate it with \(partitionCount) partitions and cleanup.policy=compact")
        }
        // NOTE: the changelog's cleanup.policy is not checked, because the
        // Kafka layer has no DescribeConfigs call; a delete policy loses
        // snapshots of contacts that stay quiet longer than retention.
        logger.info("topics checked", ("kafka.partitions", String(partitionCount)),
                    ("kafka.topics", topics.all.joined(separator: ",")))
        return partitionCount
    }

    /// Describes the partition count to create missing topics with: the count
    /// of the existing inputs when they agree, else the rule of equal counts.
    private func partitionAdvice(_ counts: [String: Int?]) -> String {
        let inputCounts = Set(configuration.topics.inputs.all.compactMap { counts[$0] ?? nil })
        guard inputCounts.count == 1, let count = inputCounts.first else {
            return "equal partition counts for the inputs and the changelog"
        }
        return "\(count) partitions, the count of the existing input topics"
    }

    private func readPartitionCounts() throws -> [String: Int?] {
        try wait("reading cluster metadata") { timeout in
            try admin.partitionCounts(of: configuration.topics.all, timeout: timeout)
        }
    }

    private func create(_ missing: [String], existing counts: [String: Int?]) throws {
        let topics = configuration.topics
        let existingInputCounts = topics.inputs.all.compactMap { counts[$0] ?? nil }
        let partitions = existingInputCounts.first ?? configuration.newTopicPartitions

        let newTopics = missing.map { name in
            KafkaNewTopic(name: name, partitions: partitions,
                          replicationFactor: configuration.newTopicReplicationFactor,
                          configs: name == topics.changelog ? ["cleanup.policy": "compact"] : [:])
        }
        logger.notice("creating missing topics", ("kafka.topics", missing.joined(separator: ",")),
                      ("kafka.partitions", String(partitions)),
                      ("kafka.replication_factor", String(configuration.newTopicReplicationFactor)))
        do {
            try admin.createTopics(newTopics, ifNotExists: true, timeout: configuration.metadataTimeout)
        } catch let error as KafkaError where error.kind == .unsupportedByBroker {
            throw Failure(description: "the embedded broker cannot create topics, so --create-topics does not work against it; start it with 'crosshub broker --topics' to create the default topics, or use --create-topics against Apache Kafka (missing: \(missing.joined(separator: ", ")))")
        }
    }
}
