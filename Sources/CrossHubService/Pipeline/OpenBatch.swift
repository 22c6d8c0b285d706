import Kafka
import Qualification

/// The input records read since the last commit, and what is needed to
/// commit them or to undo them.
///
/// Invariant: every contact changed since the last commit has an entry in
/// `priorStates`, holding its state from before the batch (nil when the
/// batch created it), so that ``BatchProcessor/undo()`` can put the state
/// back without reading the changelog.
struct OpenBatch {
    /// When the commit interval of the batch began: when its first record
    /// was added, or earlier when the pipeline sets it to the start of the
    /// poll that returned that record.
    var startedAt: ContinuousClock.Instant?
    var recordCount = 0
    /// Per input partition, the offset of the batch's first record: where to seek on undo.
    var firstOffsets: [KafkaTopicPartition: Int64] = [:]
    /// Per input partition, the offset after the batch's last record: what to commit.
    var nextOffsets: [KafkaTopicPartition: Int64] = [:]
    /// Contacts changed by the batch, in the order first touched.
    var touchedOrder: [ContactKey] = []
    var priorStates: [ContactKey: ContactState?] = [:]
    /// Per contact with at least one folded event, the newest of them.
    var causes: [ContactKey: DecisionCause] = [:]
    var deadLetters: [KafkaProducerMessage] = []
    var tally = BatchTally()
    /// Poll times with the number of records of each poll, for the processing latency.
    var polls: [(at: ContinuousClock.Instant, records: Int)] = []
    /// Kafka timestamps of the records, in milliseconds since the Unix epoch, for the event latency.
    var recordTimestamps: [Int64] = []

    var isEmpty: Bool { recordCount == 0 }

    /// Notes a record's position and times before it is processed.
    mutating func noteRecord(_ message: KafkaConsumerMessage, polledAt: ContinuousClock.Instant) {
        if startedAt == nil { startedAt = polledAt }
        recordCount += 1
        let partition = message.topicPartition
        if firstOffsets[partition] == nil { firstOffsets[partition] = message.offset }
        nextOffsets[partition] = message.offset + 1
        if let last = polls.last, last.at == polledAt {
            polls[polls.count - 1].records += 1
        } else {
            polls.append((polledAt, 1))
        }
        if let timestamp = message.timestamp { recordTimestamps.append(timestamp.milliseconds) }
    }

    /// Keeps the state of `key` from before the batch, unless the batch already changed it.
    mutating func rememberPriorState(_ key: ContactKey, _ state: ContactState?) {
        guard priorStates[key] == nil else { return }
        priorStates[key] = .some(state)
        touchedOrder.append(key)
    }

    /// Keeps `cause` when it is newer than the contact's cause so far; a tie goes to the later record.
    mutating func noteFolded(_ key: ContactKey, cause: DecisionCause) {
        if let current = causes[key], current.occurredAt > cause.occurredAt { return }
        causes[key] = cause
    }

    /// The offsets to commit, sorted by topic and partition.
    var commitOffsets: [KafkaTopicPartitionOffset] {
        nextOffsets.sorted { $0.key < $1.key }.map { KafkaTopicPartitionOffset($0.key, offset: $0.value) }
    }

    /// The offsets to seek to when the batch is undone, sorted by topic and partition.
    var rewindOffsets: [KafkaTopicPartitionOffset] {
        firstOffsets.sorted { $0.key < $1.key }.map { KafkaTopicPartitionOffset($0.key, offset: $0.value) }
    }
}
