import Foundation
import Kafka
import Qualification

/// Reads changelog partitions from the beginning to their end and rebuilds
/// the contact states from the snapshots.
///
/// The newest snapshot of a contact wins, a null value (tombstone) removes
/// the contact, and a snapshot that does not decode, or whose contact id
/// differs from its key, is logged, counted and skipped, so the contact keeps
/// its previous snapshot. The end is the partition-EOF event of a
/// `read_committed` consumer, which librdkafka reports at the last stable
/// offset, so snapshots of a transaction still open are not waited for.
///
/// Every record the service writes carries its consumer group in the
/// ``groupHeader`` header. The restore stops with ``ForeignGroup`` when the
/// newest record of a contact comes from another group, unless a tombstone
/// (such as one of `crosshub reset`) follows it. Instances of two groups
/// that share a changelog would otherwise restore and overwrite each other's
/// state. Stopping is safer than skipping such records: skipping would start
/// this group from empty state and keep writing into the other group's changelog.
/// NOTE: records without the header (written before the header existed, or
/// by other tools) are restored as this group's.
struct ChangelogRestorer {
    /// The header that names the consumer group which wrote a changelog record.
    static let groupHeader = "crosshub.group_id"

    /// A changelog record written by another consumer group.
    struct ForeignGroup: Error, CustomStringConvertible {
        var description: String
    }

    /// What one partition's restore found.
    struct Result {
        var state: PartitionState
        var records = 0
        var corrupt = 0
        var seconds = 0.0
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A stop request arrived before the restore finished.
    struct Interrupted: Error, CustomStringConvertible {
        var description: String
    }

    let bootstrapServers: String
    let topic: String
    /// This instance's consumer group; records of any other group stop the restore.
    let groupID: String
    let clientID: String
    let kafkaProperties: KafkaConfiguration
    let handlers: KafkaClientHandlers
    let timeout: Duration
    let logger: Logger
    let stop: StopRequest

    /// Restores partitions `numbers` of the changelog.
    ///
    /// - Throws: ``Failure`` when a partition's end is not reached within the
    ///   timeout, ``Interrupted`` when a stop is requested first,
    ///   ``ForeignGroup`` for a record of another consumer group, and a
    ///   ``KafkaError`` when the reader cannot be created or assigned.
    func restore(_ numbers: [Int32]) throws -> [Result] {
        guard !numbers.isEmpty else { return [] }
        let started = ContinuousClock.now

        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers)
        configuration.clientID = clientID
        configuration.isolationLevel = .readCommitted
        // A short fetch wait makes the end of an empty or idle partition show up quickly.
        configuration.properties = KafkaConfiguration(["fetch.wait.max.ms": "50"])
            .merging(kafkaProperties).merging(["enable.partition.eof": "true"])
        let reader = try KafkaConsumer(configuration: configuration, handlers: handlers)
        defer {
            do { try reader.close() } catch { logger.warning("closing the changelog reader failed", ("error", "\(error)")) }
        }

        var starts: [KafkaTopicPartition: KafkaOffset] = [:]
        for number in numbers { starts[KafkaTopicPartition(topic: topic, partition: number)] = .beginning }
        try reader.assign(starts)

        var results: [Int32: Result] = [:]
        for number in numbers { results[number] = Result(state: PartitionState(partition: number)) }
        var pending = Set(numbers)
        // The newest record of each contact when another group wrote it, by partition and key.
        var foreign: [ContactKey: (group: String, offset: Int64)] = [:]
        let deadline = started + timeout
        let corruptLog = RateLimitedLogger(logger: logger, window: 10)
        defer { corruptLog.flushClosedWindows(now: .distantFuture) }

        while !pending.isEmpty {
            if stop.isRequested {
                throw Interrupted(description: "restore of \(topic) partitions \(Self.list(pending)) stopped by a shutdown request")
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "restore of \(topic) partitions \(Self.list(pending)) did not reach the end within \(timeout); check the brokers, or raise --restore-timeout-seconds (and max.poll.interval.ms) for large state")
            }
            let batch = try reader.pollBatch(maxMessages: 1000, timeout: .milliseconds(100))
            for message in batch.messages {
                guard results[message.partition] != nil else { continue }
                trackWriter(of: message, in: &foreign)
                apply(message, to: &results[message.partition]!, corruptLog: corruptLog)
            }
            var finished = batch.partitionEnds.map(\.partition)
            if batch.messages.isEmpty && batch.partitionEnds.isEmpty {
                finished += try partitionsAtHighWatermark(pending, reader: reader)
            }
            for partition in finished where pending.remove(partition) != nil {
                results[partition]!.seconds = Self.seconds(ContinuousClock.now - started)
            }
        }
        if let (key, writer) = foreign.min(by: { $0.value.offset < $1.value.offset }) {
            throw ForeignGroup(description: "changelog topic \(topic) contains state of consumer group '\(writer.group)' (contact \(key.contactID), partition \(key.partition), offset \(writer.offset), and \(foreign.count - 1) more contacts), but this instance is in group '\(groupID)', and restoring it would mix the state of two groups. Give group '\(groupID)' a changelog of its own with --changelog-topic, or, if group '\(writer.group)' is retired, clear the changelog with 'crosshub reset' first")
        }
        return numbers.map { results[$0]! }
    }

    /// Returns the pending partitions whose read position has reached the high watermark.
    ///
    /// NOTE: a fallback for an idle poll, because librdkafka 2.0.2 sometimes
    /// reports no partition end for a changelog partition of the embedded
    /// broker that was read before. The end event stays the first choice,
    /// since the high watermark can pass the last stable offset while a
    /// transaction is open.
    private func partitionsAtHighWatermark(_ pending: Set<Int32>, reader: KafkaConsumer) throws -> [Int32] {
        let partitions = pending.sorted().map { KafkaTopicPartition(topic: topic, partition: $0) }
        let positions = try reader.position(partitions)
        var finished: [Int32] = []
        for position in positions {
            let watermarks = try reader.queryWatermarks(position.topicPartition, timeout: .seconds(5))
            if watermarks.high == watermarks.low || (position.offset ?? -1) >= watermarks.high {
                finished.append(position.partition)
            }
        }
        return finished
    }

    /// Notes the writer of a contact's newest record: another group's
    /// snapshot is remembered, and this group's snapshot, a record without
    /// the header or a tombstone without it clears the contact.
    private func trackWriter(of message: KafkaConsumerMessage, in foreign: inout [ContactKey: (group: String, offset: Int64)]) {
        guard let key = message.key?.string, !key.isEmpty else { return }
        let contact = ContactKey(partition: message.partition, contactID: key)
        if let header = message.header(Self.groupHeader), String(decoding: header, as: UTF8.self) != groupID {
            foreign[contact] = (String(decoding: header, as: UTF8.self), message.offset)
        } else {
            foreign[contact] = nil
        }
    }

    private func apply(_ message: KafkaConsumerMessage, to result: inout Result, corruptLog: RateLimitedLogger) {
        result.records += 1
        let fields: [(String, String)] = [("kafka.topic", message.topic), ("kafka.partition", String(message.partition)),
                                          ("kafka.offset", String(message.offset))]
        guard let key = message.key?.string, !key.isEmpty else {
            result.corrupt += 1
            corruptLog.log(.warning, key: "changelog.corrupt", "skipped a changelog record without a key", fields)
            return
        }
        guard let value = message.value else {
            result.state.replace(key, with: nil)
            return
        }
        do {
            let state = try ContactState(snapshot: value)
            guard state.contactID == key else {
                result.corrupt += 1
                corruptLog.log(.warning, key: "changelog.corrupt", "skipped a changelog snapshot whose contact id differs from its key",
                               fields + [("contact.id", key), ("snapshot.contact_id", state.contactID)])
                return
            }
            result.state.replace(key, with: state)
        } catch {
            result.corrupt += 1
            corruptLog.log(.warning, key: "changelog.corrupt", "skipped a changelog snapshot that does not decode",
                           fields + [("contact.id", key), ("error", error.description)])
        }
    }

    static func list(_ numbers: Set<Int32>) -> String {
        numbers.sorted().map(String.init).joined(separator: ",")
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
