import CrossHubService
import Foundation
import Kafka
import Qualification

/// The parsed settings of `crosshub run`.
struct RunSettings {
    var configuration: ServiceConfiguration
    var policy: DecisionPolicy
    var scorer: Scorer
    var logLevel: LogLevel
    var logFormat: LogFormat
}

/// The options of `crosshub run` and their conversion to settings.
enum RunOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("brokers", env: "CROSSHUB_BROKERS", default: "localhost:9092",
                   help: "Kafka bootstrap servers, comma-separated host:port pairs."),
        OptionSpec("group-id", env: "CROSSHUB_GROUP_ID", default: "crosshub",
                   help: "Consumer group shared by every instance of one deployment."),
        OptionSpec("instance-id", env: "CROSSHUB_INSTANCE_ID",
                   help: "Name of this instance, part of the transactional.id; it must be unique among the group's running instances. It may change between restarts (the broker fences a stale instance by its group generation), but a restart with the same name aborts the previous process's open transaction at once instead of after transaction.timeout.ms. Default: the host name."),
        OptionSpec("transactional-id-prefix", env: "CROSSHUB_TRANSACTIONAL_ID_PREFIX", default: "crosshub",
                   help: "First part of the transactional.id PREFIX-GROUP-INSTANCE (exactly-once mode)."),
        OptionSpec("guarantee", env: "CROSSHUB_GUARANTEE", default: "exactly-once",
                   help: "Delivery guarantee: exactly-once (one transaction per batch) or at-least-once (offsets committed after every record is acknowledged)."),
        OptionSpec("batch-max-events", env: "CROSSHUB_BATCH_MAX_EVENTS", default: "500",
                   help: "Maximum input records per batch (one transaction in exactly-once mode) while the instance keeps up with the input, 1 to 100000."),
        OptionSpec("backlog-batch-max-events", env: "CROSSHUB_BACKLOG_BATCH_MAX_EVENTS", default: "5000",
                   help: "Maximum input records per batch while at least --batch-max-events more records are already fetched (a backlog), 1 to 100000; values below --batch-max-events act as it. A batch commits one transaction and rescores each contact it touches once, so larger batches catch up faster: 5000 processed a backlog 1.8 to 2.1 times as fast as 500 in 'crosshub bench pipeline'."),
        OptionSpec("commit-interval-ms", env: "CROSSHUB_COMMIT_INTERVAL_MS", default: "100",
                   help: "Milliseconds from the start of the poll that returns a batch's first record until the batch is committed, 1 to 60000; bounds the latency at low input rates."),
        OptionSpec("max-event-bytes", env: "CROSSHUB_MAX_EVENT_BYTES", default: "65536",
                   help: "Largest input record value in bytes, 64 to 16777216; larger records are dead-lettered as oversized."),
        OptionSpec("max-future-skew", env: "CROSSHUB_MAX_FUTURE_SKEW", default: "1d",
                   help: "How far an event's occurred_at may be after its record's Kafka timestamp: a whole number with d, h, m or s. Later events are dead-lettered as occurred_at_in_future, so that one future date cannot freeze a contact's features."),
        OptionSpec("input-partitioner", env: "CROSSHUB_INPUT_PARTITIONER", default: "murmur2",
                   help: "Partitioner of the input producers: murmur2 (the Java client's default; librdkafka producers need partitioner=murmur2_random) dead-letters a record outside its key's partition as partition_mismatch; any skips the check, for inputs that all share another partitioner."),
        ModelLoading.option,
        OptionSpec("marketing-topic", env: "CROSSHUB_MARKETING_TOPIC", default: "marketing.events", help: "Input topic of marketing events."),
        OptionSpec("sales-topic", env: "CROSSHUB_SALES_TOPIC", default: "sales.events", help: "Input topic of sales events."),
        OptionSpec("service-topic", env: "CROSSHUB_SERVICE_TOPIC", default: "service.events", help: "Input topic of service events."),
        OptionSpec("qualifications-topic", env: "CROSSHUB_QUALIFICATIONS_TOPIC", default: "crosshub.qualifications", help: "Output topic of qualification results."),
        OptionSpec("property-updates-topic", env: "CROSSHUB_PROPERTY_UPDATES_TOPIC", default: "crosshub.property-updates", help: "Output topic of CRM property patches."),
        OptionSpec("tasks-topic", env: "CROSSHUB_TASKS_TOPIC", default: "crosshub.tasks", help: "Output topic of sales tasks."),
        OptionSpec("notes-topic", env: "CROSSHUB_NOTES_TOPIC", default: "crosshub.notes", help: "Output topic of contact notes."),
        OptionSpec("notifications-topic", env: "CROSSHUB_NOTIFICATIONS_TOPIC", default: "crosshub.notifications", help: "Output topic of notifications."),
        OptionSpec("enrollments-topic", env: "CROSSHUB_ENROLLMENTS_TOPIC", default: "crosshub.enrollments", help: "Output topic of nurture enrollments."),
        OptionSpec("dead-letter-topic", env: "CROSSHUB_DEAD_LETTER_TOPIC", default: "crosshub.dead-letters", help: "Topic of rejected input records, with the reason in headers."),
        OptionSpec("changelog-topic", env: "CROSSHUB_CHANGELOG_TOPIC", default: "crosshub.contact-state", help: "Compacted changelog of contact snapshots; same partition count as the inputs. Each consumer group needs its own: start-up stops when the changelog holds state of another --group-id."),
        OptionSpec("create-topics", .flag, env: "CROSSHUB_CREATE_TOPICS",
                   help: "Create missing topics at start-up through the admin API (not supported by the embedded broker; use 'crosshub broker --topics' there)."),
        OptionSpec("topic-partitions", env: "CROSSHUB_TOPIC_PARTITIONS", default: "6",
                   help: "Partition count of topics --create-topics creates when no input topic exists yet, 1 to 10000; otherwise the inputs' count is used."),
        OptionSpec("replication-factor", env: "CROSSHUB_REPLICATION_FACTOR", default: "-1",
                   help: "Replication factor of topics --create-topics creates, 1 to 32; -1 uses the broker's default."),
    ] + DecisionPolicyOptions.options + [
        OptionSpec("kafka", .keyValue, env: "CROSSHUB_KAFKA",
                   help: "librdkafka property KEY=VALUE, such as security.protocol=SASL_SSL. Consumer-only properties (fetch.min.bytes) reach only the consumers and producer-only ones (linger.ms) only the producers, as librdkafka's CONFIGURATION.md marks them; prefix a key with consumer. or producer. to send it to one kind of client. The variable takes a comma-separated list, so give values with commas by flag or file. Order: the file, then the variable, then the flags, the last value of a key winning."),
        OptionSpec("kafka-properties-file", env: "CROSSHUB_KAFKA_PROPERTIES_FILE",
                   help: "File of librdkafka KEY=VALUE lines (# comments), read before --kafka; suited to mounted secrets."),
        OptionSpec("restore-timeout-seconds", env: "CROSSHUB_RESTORE_TIMEOUT_SECONDS", default: "240",
                   help: "Seconds the changelog restore of new partitions may take before the instance stops, 1 to 86400; keep below max.poll.interval.ms."),
        OptionSpec("statistics-interval-ms", env: "CROSSHUB_STATISTICS_INTERVAL_MS",
                   help: "Milliseconds between librdkafka statistics, the source of the consumer lag metric, 0 to 86400000; 0 turns them off. Default: 5000 when --http-port is set, else 0."),
        OptionSpec("http-port", env: "CROSSHUB_HTTP_PORT", default: "0",
                   help: "TCP port of the operations endpoint (/healthz, /readyz, /metrics, /contacts/ID), 0 to 65535; 0 turns the endpoint off."),
        OptionSpec("http-address", env: "CROSSHUB_HTTP_ADDRESS", default: "0.0.0.0",
                   help: "IPv4 or IPv6 address the operations endpoint binds to, such as 0.0.0.0 (every IPv4 interface), 127.0.0.1 or ::."),
        OptionSpec("stall-timeout-seconds", env: "CROSSHUB_STALL_TIMEOUT_SECONDS", default: "60",
                   help: "Seconds without a consumer poll, or without a committed batch while input records are waiting (an open batch, fetched records or an undone batch), after which /readyz reports the instance as stalled, 1 to 86400."),
        OptionSpec("stall-retries", env: "CROSSHUB_STALL_RETRIES", default: "5",
                   help: "Batches undone in a row (aborted transactions, failed deliveries) after which /readyz reports the instance as stalled until a batch commits, 1 to 1000."),
        OptionSpec("log-level", env: "CROSSHUB_LOG_LEVEL", default: "info",
                   help: "Lowest level logged: trace, debug, info, notice, warning, error or critical."),
        OptionSpec("log-format", env: "CROSSHUB_LOG_FORMAT", default: "logfmt",
                   help: "Log line format on standard error: logfmt or json."),
    ]

    /// Converts parsed options to settings.
    ///
    /// - Throws: `UsageError` naming the option, the value and the fix.
    static func settings(from options: ParsedOptions) throws -> RunSettings {
        var configuration = ServiceConfiguration(bootstrapServers: options.string("brokers") ?? "",
                                                 instanceID: options.string("instance-id") ?? ServiceConfiguration.defaultInstanceID)
        configuration.groupID = options.string("group-id") ?? ""
        configuration.transactionalIDPrefix = options.string("transactional-id-prefix") ?? ""

        let guaranteeText = options.string("guarantee") ?? ""
        guard let guarantee = DeliveryGuarantee(rawValue: guaranteeText) else {
            throw UsageError("invalid value '\(guaranteeText)' for --guarantee: expected exactly-once or at-least-once")
        }
        configuration.guarantee = guarantee
        configuration.batchMaxEvents = try options.int("batch-max-events", in: 1...100_000) ?? 500
        configuration.backlogBatchMaxEvents = try options.int("backlog-batch-max-events", in: 1...100_000) ?? 5000
        configuration.commitInterval = .milliseconds(try options.int("commit-interval-ms", in: 1...60_000) ?? 100)
        configuration.maxEventBytes = try options.int("max-event-bytes", in: 64...16_777_216) ?? 65_536
        let partitionerText = options.string("input-partitioner") ?? ""
        guard let partitioner = InputPartitioner(rawValue: partitionerText) else {
            throw UsageError("invalid value '\(partitionerText)' for --input-partitioner: expected murmur2 or any")
        }
        configuration.inputPartitioner = partitioner
        configuration.maxFutureSkew = try maxFutureSkew(from: options)
        configuration.createTopics = options.flag("create-topics")
        configuration.newTopicPartitions = try options.int("topic-partitions", in: 1...10_000) ?? 6
        configuration.newTopicReplicationFactor = try options.int("replication-factor", in: -1...32) ?? -1
        if configuration.newTopicReplicationFactor == 0 {
            throw UsageError("invalid value '0' for --replication-factor: expected 1 to 32, or -1 for the broker's default")
        }
        configuration.restoreTimeout = .seconds(try options.int("restore-timeout-seconds", in: 1...86_400) ?? 240)
        configuration.httpPort = try options.int("http-port", in: 0...65_535) ?? 0
        configuration.httpBindAddress = options.string("http-address") ?? "0.0.0.0"
        configuration.stallTimeout = .seconds(try options.int("stall-timeout-seconds", in: 1...86_400) ?? 60)
        configuration.stallRetries = try options.int("stall-retries", in: 1...1000) ?? 5
        // Statistics feed only the consumer lag metric, so they are off by default without the endpoint.
        let defaultStatisticsInterval = configuration.httpPort == 0 ? 0 : 5000
        configuration.statisticsInterval = .milliseconds(try options.int("statistics-interval-ms", in: 0...86_400_000) ?? defaultStatisticsInterval)
        configuration.topics = topics(from: options)
        configuration.kafkaProperties = try kafkaProperties(from: options)

        let policy = try DecisionPolicyOptions.policy(from: options)
        configuration.additionalSettings = [
            ("task-owner-fallback", policy.taskOwnerFallback),
            ("marketing-recipient", policy.marketingRecipient),
            ("sql-reentry-cooldown", DecisionPolicy.durationText(policy.sqlReentryCooldown)),
            ("business-hours", policy.businessHours.description),
            ("task-due-after", DecisionPolicy.durationText(policy.taskDueAfter)),
            ("nurture-workflows", policy.nurtureWorkflows.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")),
        ]

        let levelText = options.string("log-level") ?? "info"
        guard let level = LogLevel(name: levelText) else {
            throw UsageError("invalid value '\(levelText)' for --log-level: expected trace, debug, info, notice, warning, error or critical")
        }
        let formatText = options.string("log-format") ?? "logfmt"
        guard let format = LogFormat(rawValue: formatText) else {
            throw UsageError("invalid value '\(formatText)' for --log-format: expected logfmt or json")
        }

        let scorer = try ModelLoading.scorer(path: options.string("model"))
        do {
            try configuration.validate()
        } catch {
            throw UsageError("\(error)")
        }
        return RunSettings(configuration: configuration, policy: policy, scorer: scorer, logLevel: level, logFormat: format)
    }

    private static func topics(from options: ParsedOptions) -> ServiceTopics {
        var topics = ServiceTopics.defaults
        topics.inputs = InputTopics(marketing: options.string("marketing-topic") ?? "",
                                    sales: options.string("sales-topic") ?? "",
                                    service: options.string("service-topic") ?? "")
        let outputFlags: [(OutputKind, String)] = [
            (.qualification, "qualifications-topic"), (.propertyUpdate, "property-updates-topic"),
            (.task, "tasks-topic"), (.note, "notes-topic"), (.notification, "notifications-topic"),
            (.enrollment, "enrollments-topic"),
        ]
        for (kind, flag) in outputFlags {
            topics.outputs[kind] = options.string(flag) ?? ""
        }
        topics.deadLetters = options.string("dead-letter-topic") ?? ""
        topics.changelog = options.string("changelog-topic") ?? ""
        return topics
    }

    /// Parses `--max-future-skew`, shared with replay, compare and report.
    static func maxFutureSkew(from options: ParsedOptions) throws -> Duration {
        let text = options.string("max-future-skew") ?? "1d"
        guard let skew = Duration(unitText: text) else {
            throw UsageError("invalid value '\(text)' for --max-future-skew: expected a whole number with a unit d, h, m or s, such as 1d or 2h")
        }
        return skew
    }

    static func kafkaProperties(from options: ParsedOptions) throws -> KafkaConfiguration {
        var properties = KafkaConfiguration()
        if let path = options.string("kafka-properties-file") {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw UsageError("cannot read --kafka-properties-file \(path): \(error.localizedDescription)")
            }
            do {
                properties = try KafkaConfiguration(parsing: text.components(separatedBy: .newlines))
            } catch let error as KafkaError {
                throw UsageError("invalid --kafka-properties-file \(path): \(error.message)")
            }
        }
        for (index, entry) in options.strings("kafka").enumerated() {
            do {
                properties = properties.merging(try KafkaConfiguration(parsing: [entry]))
            } catch {
                // The entry is not echoed: without '=' there is no telling whether it contains a secret.
                throw UsageError("invalid --kafka entry number \(index + 1), counting CROSSHUB_KAFKA's entries first: expected KEY=VALUE, such as security.protocol=SASL_SSL")
            }
        }
        return properties
    }
}
