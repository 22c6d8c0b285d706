import Foundation
import Kafka
import Qualification

/// Reads every partition of the input topics from the beginning to the end
/// offsets captured when it starts, with an assign-mode consumer.
///
/// The consumer has a generated group id that it never joins and never
/// commits to, so the live group's offsets are untouched. Records produced
/// after the start are not read, so a read always ends. It reads with
/// `read_committed`, as the service does.
struct TopicReader {
    let settings: ReplayKafkaSettings
    let topics: InputTopics
    let pollSize: Int

    func read(into consumer: inout some EventConsumer, progress: ReplayProgress?) throws {
        consumer.intake.eventTopics = EventTopicRule(topics: topics)
        let counts = try settings.partitionCounts(of: topics.all)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: settings.bootstrapServers)
        configuration.clientID = settings.clientID
        configuration.isolationLevel = .readCommitted
        // A short fetch error backoff avoids idle pauses of about 500 ms (librdkafka's default) that halved the measured rate.
        configuration.properties = KafkaConfiguration(["fetch.wait.max.ms": "50", "fetch.error.backoff.ms": "20"])
            .merging(settings.properties).merging(["enable.partition.eof": "true"])
        let reader = try KafkaConsumer(configuration: configuration, handlers: settings.handlers())
        defer {
            do { try reader.close() } catch { settings.logger.warning("closing the replay reader failed", ("error", "\(error)")) }
        }

        // The end offsets are captured before the first fetch, so that records produced meanwhile are left for the live service.
        var ends: [KafkaTopicPartition: Int64] = [:]
        var total = 0
        for topic in topics.all {
            for number in 0..<(counts[topic] ?? 0) {
                let partition = KafkaTopicPartition(topic: topic, partition: Int32(number))
                let watermarks = try reader.queryWatermarks(partition, timeout: settings.timeout)
                total += Int(watermarks.high - watermarks.low)
                if watermarks.high > watermarks.low { ends[partition] = watermarks.high }
            }
        }
        progress?.total = total
        settings.logger.info("replay reading input topics", ("kafka.topics", topics.all.joined(separator: ",")),
                             ("kafka.partitions", String(counts.values.reduce(0, +))), ("records", String(total)))
        guard !ends.isEmpty else { return }

        try reader.assign(Dictionary(uniqueKeysWithValues: ends.keys.map { ($0, KafkaOffset.beginning) }), timeout: settings.timeout)
        var pending = ends
        var idleSince: ContinuousClock.Instant?
        while !pending.isEmpty {
            let batch = try reader.pollBatch(maxMessages: pollSize, timeout: .milliseconds(100))
            for message in batch.messages {
                guard let end = pending[message.topicPartition], message.offset < end else { continue }
                progress?.done += 1
                ingest(message, into: &consumer)
                if message.offset + 1 >= end { pending[message.topicPartition] = nil }
            }
            for partitionEnd in batch.partitionEnds where (partitionEnd.offset ?? -1) >= (pending[partitionEnd.topicPartition] ?? .max) {
                pending[partitionEnd.topicPartition] = nil
            }
            progress?.tick(events: consumer.intake.tally.read, contacts: consumer.contactCount)

            if batch.messages.isEmpty && batch.partitionEnds.isEmpty {
                idleSince = idleSince ?? .now
                try finishPartitionsAtEnd(&pending, reader: reader, idleSince: idleSince!)
            } else {
                idleSince = nil
            }
        }
    }

    private func ingest(_ message: KafkaConsumerMessage, into consumer: inout some EventConsumer) {
        if let event = consumer.intake.decodeRecord(message) {
            consumer.fold(event)
        }
    }

    /// Drops the pending partitions whose position has reached their end.
    ///
    /// Needed after an idle poll because the end of a partition whose last
    /// offset is a transaction marker is never a record, and librdkafka
    /// 2.0.2 does not always report a partition end after a seek on the
    /// embedded broker. Fails after 60 s without progress.
    private func finishPartitionsAtEnd(_ pending: inout [KafkaTopicPartition: Int64], reader: KafkaConsumer,
                                       idleSince: ContinuousClock.Instant) throws {
        for position in try reader.position(pending.keys.sorted()) {
            if let offset = position.offset, offset >= pending[position.topicPartition] ?? .max {
                pending[position.topicPartition] = nil
            }
        }
        if !pending.isEmpty && ContinuousClock.now - idleSince > .seconds(60) {
            let listed = pending.keys.sorted().map { "\($0) (end \(pending[$0]!))" }.joined(separator: ", ")
            throw ReplayError("no records arrived for 60 s before the end offsets captured at the start of \(listed); check the brokers, or whether an open transaction keeps the last stable offset below them")
        }
    }
}
