import Foundation
import Kafka

extension Pipeline {
    var clientID: String { "crosshub-\(configuration.instanceID)" }

    func consumerConfiguration() -> KafkaConsumerConfiguration {
        var settings = KafkaConsumerConfiguration(bootstrapServers: configuration.bootstrapServers,
                                                  groupID: configuration.groupID)
        settings.clientID = clientID
        settings.partitionAssignmentStrategy = "range"
        settings.autoOffsetReset = .earliest
        settings.isolationLevel = .readCommitted
        settings.statisticsInterval = configuration.statisticsInterval
        settings.properties = configuration.kafkaProperties
        return settings
    }

    func producerConfiguration() -> KafkaProducerConfiguration {
        var settings = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServers)
        settings.clientID = clientID
        settings.enableIdempotence = true
        if configuration.guarantee == .exactlyOnce {
            settings.transactionalID = configuration.transactionalID
        } else {
            // Every delivery report must arrive well within max.poll.interval.ms,
            // because the loop waits for them before it polls again.
            settings.messageTimeout = Self.atLeastOnceMessageTimeout
        }
        settings.properties = configuration.kafkaProperties
        return settings
    }

    func adminConfiguration() -> KafkaAdminConfiguration {
        var settings = KafkaAdminConfiguration(bootstrapServers: configuration.bootstrapServers)
        settings.clientID = clientID
        settings.properties = configuration.kafkaProperties
        return settings
    }

    /// Handlers that route librdkafka's logs into the service log with their
    /// level, rate-limit repeated client errors, keep the first fatal error
    /// for the loop, and (for the input consumer) keep statistics.
    func clientHandlers(statistics: Bool) -> KafkaClientHandlers {
        let logger = logger
        let metrics = metrics
        let fatalError = fatalError
        let errorLog = clientErrorLog
        let status = status

        let log: @Sendable (KafkaLogRecord) -> Void = { record in
            var level = LogLevel(syslogSeverity: Int(record.level.rawValue))
            // The Kafka layer's own info lines (facility SWIFT) repeat what the service logs itself.
            if record.facility == "SWIFT" && level == .info { level = .debug }
            let fields: [(String, String)] = [("kafka.client", record.clientName), ("kafka.facility", record.facility)]
            logger.log(level, record.message, fields)
        }
        let error: @Sendable (KafkaError) -> Void = { error in
            let fields: [(String, String)] = [("error", error.description)]
            if error.code == .allBrokersDown { status.recordBrokersDown(true) }
            if error.isFatal {
                // The pipeline's stop line is the one critical line of a
                // fatal stop and names the first fatal error. Later reports,
                // often the same error from close, go to debug.
                let first = fatalError.set(error)
                logger.log(first ? .error : .debug, "fatal Kafka client error; the instance stops", fields)
            } else {
                errorLog.log(.warning, key: "kafka.error.\(error.name)", "Kafka client error; librdkafka retries on its own", fields)
            }
        }
        var statisticsHandler: (@Sendable (String) -> Void)?
        if statistics {
            // Under exactly-once the offsets go through the producer's transaction,
            // so the consumer's committed offsets do not move; see KafkaStatistics.
            let positionBased = configuration.guarantee == .exactlyOnce
            statisticsHandler = { @Sendable json in
                do {
                    try metrics.recordStatistics(json, positionBased: positionBased)
                    if try KafkaStatistics.hasBrokerUp(fromJSON: json) == true { status.recordBrokersDown(false) }
                } catch {
                    errorLog.log(.warning, key: "kafka.statistics", "librdkafka statistics could not be read; the consumer lag metric keeps its last value",
                                 [("error", "\(error)")])
                }
            }
        }
        return KafkaClientHandlers(log: log, error: error, statistics: statisticsHandler)
    }

    /// Calls `body` until it succeeds, retrying retriable ``KafkaError``s with
    /// exponential backoff (100 ms doubling to 5 s) for up to `limit`.
    ///
    /// - Throws: the first error that is not retriable, or the last
    ///   retriable one once `limit` has passed.
    func retrying<Result>(_ what: String, limit: Duration = .seconds(60), _ body: () throws -> Result) throws -> Result {
        let deadline = ContinuousClock.now + limit
        var backoff: Duration = .milliseconds(100)
        var attempt = 1
        while true {
            do {
                return try body()
            } catch let error as KafkaError where error.isRetriable && !error.isFatal && ContinuousClock.now + backoff < deadline {
                logger.warning("retrying after a retriable Kafka error", ("operation", what), ("attempt", String(attempt)),
                               ("retry.backoff_ms", String(ServiceConfiguration.milliseconds(backoff))), ("error", "\(error)"))
                metrics.recordCallRetry()
                // The wait ignores stop requests: the batch being committed must finish either way.
                Thread.sleep(forTimeInterval: ChangelogRestorer.seconds(backoff))
                backoff = min(backoff * 2, .seconds(5))
                attempt += 1
            }
        }
    }

    static let atLeastOnceMessageTimeout: Duration = .seconds(60)
}
