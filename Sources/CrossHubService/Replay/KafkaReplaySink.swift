import Kafka
import Qualification

/// Writes output records to their topics through an idempotent producer.
///
/// Topics must exist: ``init(settings:topics:)`` checks them, because a
/// replay creates nothing. ``finish()`` flushes and fails when any record
/// was not acknowledged, naming the first error.
public final class KafkaReplaySink: ReplaySink {
    private let producer: KafkaProducer
    private let settings: ReplayKafkaSettings
    public private(set) var sent = 0
    public private(set) var acknowledged = 0
    private var firstFailure: KafkaError?
    private var failures = 0

    /// - Parameter topics: every topic the replay may write to.
    /// - Throws: ``ReplayError`` for a missing topic, or ``KafkaError`` when the producer cannot be created.
    public init(settings: ReplayKafkaSettings, topics: [String]) throws {
        self.settings = settings
        _ = try settings.partitionCounts(of: Array(Set(topics)).sorted())
        var configuration = KafkaProducerConfiguration(bootstrapServers: settings.bootstrapServers, properties: settings.properties)
        configuration.clientID = settings.clientID
        configuration.enableIdempotence = true
        configuration.linger = .milliseconds(20)
        configuration.allowAutoCreateTopics = false
        producer = try KafkaProducer(configuration: configuration, handlers: settings.handlers())
    }

    public func write(_ record: OutputRecord, topic: String) throws {
        let message = KafkaProducerMessage(topic: topic, key: Array(record.key.utf8), value: record.value,
                                           headers: record.headers.map { KafkaHeader(key: $0.name, string: $0.value) })
        try producer.send(message, token: UInt64(sent))
        sent += 1
        if sent % 1000 == 0 {
            collect(producer.poll(timeout: .zero))
        }
    }

    public func finish() throws {
        do {
            try producer.flush(timeout: .seconds(120))
        } catch {
            collect(producer.drainDeliveryReports())
            producer.close(timeout: .seconds(5))
            throw ReplayError("\(sent - acknowledged) of \(sent) output records were not acknowledged: \(error); rerun the replay, because output ids let consumers drop the records already written")
        }
        collect(producer.drainDeliveryReports())
        producer.close(timeout: .seconds(5))
        if let firstFailure {
            throw ReplayError("\(failures) of \(sent) output records failed: \(firstFailure); fix the cause and rerun the replay, because output ids let consumers drop the records already written")
        }
        settings.logger.info("replay outputs written", ("outputs", String(sent)))
    }

    private func collect(_ reports: [KafkaDeliveryReport]) {
        for report in reports {
            if let error = report.error {
                failures += 1
                firstFailure = firstFailure ?? error
            } else {
                acknowledged += 1
            }
        }
    }
}
