import Kafka

/// The Kafka connection settings of the replay, compare, report and reset commands.
public struct ReplayKafkaSettings: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// librdkafka properties applied to every client (security, tuning).
    public var properties: KafkaConfiguration = [:]
    /// `client.id` of every client, shown in broker logs.
    public var clientID = "crosshub-replay"
    /// How long to wait for metadata, watermarks and admin calls.
    public var timeout: Duration = .seconds(30)
    public var logger: Logger

    public init(bootstrapServers: String, logger: Logger) {
        self.bootstrapServers = bootstrapServers
        self.logger = logger
    }

    /// Handlers that send librdkafka's logs to the logger at their level and
    /// log client errors as warnings, rate-limited, because librdkafka retries them.
    func handlers() -> KafkaClientHandlers {
        let logger = logger
        let errorLog = RateLimitedLogger(logger: logger, window: 10)
        return KafkaClientHandlers(
            log: { record in
                var level = LogLevel(syslogSeverity: Int(record.level.rawValue))
                if record.facility == "SWIFT" && level == .info { level = .debug }
                logger.log(level, record.message, [("kafka.client", record.clientName), ("kafka.facility", record.facility)])
            },
            error: { error in
                errorLog.log(error.isFatal ? .error : .warning, key: "kafka.error.\(error.name)",
                             "Kafka client error", [("error", error.description)])
            })
    }

    func adminClient() throws -> KafkaAdminClient {
        var configuration = KafkaAdminConfiguration(bootstrapServers: bootstrapServers, properties: properties)
        configuration.clientID = clientID
        return try KafkaAdminClient(configuration: configuration, handlers: handlers())
    }

    /// Returns the partition count of each topic.
    ///
    /// - Throws: ``ReplayError`` naming the missing topics, because these
    ///   commands create no topic.
    func partitionCounts(of topics: [String]) throws -> [String: Int] {
        let counts = try adminClient().partitionCounts(of: topics, timeout: timeout)
        var found: [String: Int] = [:]
        var missing: [String] = []
        for topic in topics {
            if let count = counts[topic] ?? nil { found[topic] = count } else { missing.append(topic) }
        }
        guard missing.isEmpty else {
            throw ReplayError("missing topics: \(missing.joined(separator: ", ")) at \(bootstrapServers); create them first or correct the topic names (nothing is created implicitly)")
        }
        return found
    }
}
