import Foundation
import Kafka
import Qualification

/// The records of a finished batch, ready to publish, and the offsets that commit it.
struct PreparedBatch {
    /// Outputs, dead letters and changelog snapshots, in that order.
    var records: [KafkaProducerMessage]
    /// The next offset of every input partition in the batch.
    var offsets: [KafkaTopicPartitionOffset]
    var outputCount: Int
    var deadLetterCount: Int
    var changelogCount: Int
}

/// What a committed batch leaves for the metrics and the contact directory.
struct CommittedBatch {
    var tally: BatchTally
    var changedContacts: [ContactDirectory.Entry]
    var polls: [(at: ContinuousClock.Instant, records: Int)]
    var recordTimestamps: [Int64]
}

extension BatchProcessor {
    /// Rescores each changed contact once, decides its outputs and encodes
    /// its snapshot, in the order the contacts were first touched.
    ///
    /// A contact with a folded event gets features as of its newest event,
    /// a score, a decision and `emitted` set from the decision. A contact
    /// whose state differs from before the batch gets one changelog record
    /// in its partition. Call once per batch, then ``completeCommit()`` or ``undo()``.
    mutating func prepareCommit() -> PreparedBatch {
        var outputs: [KafkaProducerMessage] = []
        var changelog: [KafkaProducerMessage] = []
        let changelogHeaders = changelogGroupID.map { [KafkaHeader(key: ChangelogRestorer.groupHeader, string: $0)] } ?? []

        for key in batch.touchedOrder {
            if let cause = batch.causes[key] {
                let state = partitions[key.partition]![key.contactID]!
                let result = scorer.score(state.features())
                let decision = decider.decide(DecisionInput(state: state, result: result, cause: cause))
                partitions[key.partition]!.modify(key.contactID) { $0.emitted = decision.emitted }
                for output in decision.outputs {
                    let topic = topics.topic(for: output.kind)
                    outputs.append(KafkaProducerMessage(
                        topic: topic, key: Array(output.key.utf8), value: output.value,
                        headers: output.headers.map { KafkaHeader(key: $0.name, string: $0.value) }))
                    batch.tally.countOutput(topic: topic)
                }
            }

            let current = partitions[key.partition]![key.contactID]
            let prior = batch.priorStates[key] ?? nil
            if let current, current != prior {
                changelog.append(KafkaProducerMessage(topic: topics.changelog, partition: key.partition,
                                                      key: Array(key.contactID.utf8), value: current.snapshotBytes(),
                                                      headers: changelogHeaders))
            }
        }
        batch.tally.changelogRecords = changelog.count

        return PreparedBatch(records: outputs + batch.deadLetters + changelog,
                             offsets: batch.commitOffsets,
                             outputCount: outputs.count,
                             deadLetterCount: batch.deadLetters.count,
                             changelogCount: changelog.count)
    }

    /// Closes the committed batch and returns what the metrics and the contact directory need.
    mutating func completeCommit() -> CommittedBatch {
        let changed = batch.touchedOrder.compactMap { key in
            partitions[key.partition]?[key.contactID].map { ContactDirectory.Entry(partition: key.partition, state: $0) }
        }
        let committed = CommittedBatch(tally: batch.tally, changedContacts: changed,
                                       polls: batch.polls, recordTimestamps: batch.recordTimestamps)
        batch = OpenBatch()
        return committed
    }

    /// Puts back every contact the batch touched as it was before the batch
    /// (removing contacts the batch created) and closes the batch.
    ///
    /// - Returns: per input partition of the batch, the offset of its first
    ///   record, where the consumer must seek to read the batch again.
    mutating func undo() -> [KafkaTopicPartitionOffset] {
        for key in batch.touchedOrder.reversed() {
            let prior = batch.priorStates[key] ?? nil
            partitions[key.partition]?.replace(key.contactID, with: prior)
        }
        let rewind = batch.rewindOffsets
        batch = OpenBatch()
        return rewind
    }
}
