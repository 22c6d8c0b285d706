import Foundation
import Kafka
import Qualification

/// The contact state of the assigned partitions and the open batch: folds
/// input records, turns a finished batch into records to publish, and undoes
/// a batch that could not be committed.
///
/// Confined to the pipeline thread. It never talks to Kafka, so the batch
/// logic runs the same in tests without a broker.
struct BatchProcessor {
    // Both are changed only by the methods of this type and its extensions.
    /// Input partitions' state by partition number.
    var partitions: [Int32: PartitionState] = [:]
    var batch = OpenBatch()

    let topics: ServiceTopics
    /// The consumer group written into the ``ChangelogRestorer/groupHeader``
    /// header of every changelog record; nil writes no header.
    var changelogGroupID: String?
    let decoder: EventDecoder
    let scorer: Scorer
    let decider: any OutputDecider
    /// The producer's `message.max.bytes`, which every dead letter must fit.
    var maxDeadLetterBytes: Int
    /// The partitioner whose choice each record's partition is checked against.
    var inputPartitioner = InputPartitioner.murmur2
    /// Rejects events that arrive on another team's input topic.
    let eventTopics: EventTopicRule
    /// Rejects events dated too far after their record's Kafka timestamp.
    var futureSkew = FutureSkewRule()
    /// The input topics' partition count, known once the topics are checked;
    /// the partition check is skipped while it is nil.
    var inputPartitionCount: Int?
    private let inputTopics: Set<String>

    init(topics: ServiceTopics, maxEventBytes: Int, scorer: Scorer, decider: any OutputDecider,
         maxDeadLetterBytes: Int = DeadLetter.defaultMaxRecordBytes) {
        self.topics = topics
        self.decoder = EventDecoder(maxPayloadBytes: maxEventBytes)
        self.scorer = scorer
        self.decider = decider
        self.maxDeadLetterBytes = maxDeadLetterBytes
        self.inputTopics = Set(topics.inputs.all)
        self.eventTopics = EventTopicRule(topics: topics.inputs)
    }

    /// The outcome of adding one record, for logging.
    enum Intake: Equatable {
        case folded
        case duplicate(FoldOutcome)
        case deadLettered(DeadLetterReason)
    }

    /// An input record arrived for a partition number whose state is not loaded.
    struct UnknownPartition: Error, CustomStringConvertible {
        let partition: KafkaTopicPartition
        var description: String {
            "received a record of \(partition) whose state is not restored; the assignment and the state are out of step"
        }
    }

    // MARK: Partitions

    /// True when partition number `partition` has state loaded.
    func hasPartition(_ partition: Int32) -> Bool {
        partitions[partition] != nil
    }

    /// Installs a restored partition's contacts.
    ///
    /// - Precondition: the batch is empty.
    mutating func install(_ state: PartitionState) {
        precondition(batch.isEmpty, "partition \(state.partition) installed while a batch is open")
        partitions[state.partition] = state
    }

    /// Drops the state of `numbers` and returns the contact ids dropped.
    ///
    /// - Precondition: the batch is empty.
    mutating func drop(_ numbers: Set<Int32>) -> [String] {
        precondition(batch.isEmpty, "partitions dropped while a batch is open")
        var dropped: [String] = []
        for number in numbers {
            if let state = partitions.removeValue(forKey: number) {
                dropped += state.contacts.keys
            }
        }
        return dropped
    }

    /// Contacts per partition and contacts per published status, over every partition.
    var gauges: (perPartition: [Int32: Int], statusCounts: [String: Int]) {
        var perPartition: [Int32: Int] = [:]
        var statusCounts: [String: Int] = [:]
        for (number, state) in partitions {
            perPartition[number] = state.contacts.count
            statusCounts.merge(state.statusCounts, uniquingKeysWith: +)
        }
        return (perPartition, statusCounts)
    }

    // MARK: Intake

    /// Checks, decodes and folds one input record into the open batch.
    ///
    /// A record that fails one of ``InputRecordChecks`` is dead-lettered with
    /// the reason. The partition check applies under the murmur2 ``inputPartitioner``.
    ///
    /// - Throws: ``UnknownPartition`` when the record's partition number has no state.
    mutating func add(_ message: KafkaConsumerMessage, polledAt: ContinuousClock.Instant, now: Date) throws -> Intake {
        guard partitions[message.partition] != nil, inputTopics.contains(message.topic) else {
            throw UnknownPartition(partition: message.topicPartition)
        }
        batch.noteRecord(message, polledAt: polledAt)

        let checked = InputRecordChecks.check(message, decoder: decoder, eventTopics: eventTopics, futureSkew: futureSkew,
                                              murmur2PartitionCount: inputPartitioner == .murmur2 ? inputPartitionCount : nil)
        switch checked {
        case .failure(let reason):
            batch.deadLetters.append(DeadLetter.record(for: message, reason: reason, topic: topics.deadLetters, now: now,
                                                        maxRecordBytes: maxDeadLetterBytes))
            batch.tally.count(.deadLettered, topic: message.topic)
            batch.tally.countDeadLetter(code: reason.code)
            return .deadLettered(reason)
        case .success(let event):
            return fold(event, from: message)
        }
    }

    private mutating func fold(_ event: Event, from message: KafkaConsumerMessage) -> Intake {
        let key = ContactKey(partition: message.partition, contactID: event.contactID)
        let source = EventSource(topic: message.topic, partition: message.partition, offset: message.offset)

        let prior = partitions[key.partition]![event.contactID]
        batch.rememberPriorState(key, prior)
        if prior == nil {
            partitions[key.partition]!.replace(event.contactID, with: ContactState(contactID: event.contactID))
        }
        let outcome = partitions[key.partition]!.modify(event.contactID) { $0.fold(event, from: source) }

        guard outcome == .folded else {
            batch.tally.count(.duplicate, topic: message.topic)
            return .duplicate(outcome)
        }
        batch.tally.count(.folded, topic: message.topic)
        batch.noteFolded(key, cause: DecisionCause(eventID: event.eventID, eventType: event.type,
                                                   occurredAt: event.occurredAt, source: source))
        return .folded
    }
}
