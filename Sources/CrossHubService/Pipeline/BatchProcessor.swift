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
    private let inputTopics: Set<String>

    init(topics: ServiceTopics, maxEventBytes: Int, scorer: Scorer, decider: any OutputDecider) {
        self.topics = topics
        self.decoder = EventDecoder(maxPayloadBytes: maxEventBytes)
        self.scorer = scorer
        self.decider = decider
        self.inputTopics = Set(topics.inputs.all)
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
    /// Checks in order: value present and within the size limit, key
    /// present, event valid, key equal to the event's `contact_id`. A record
    /// that fails one is dead-lettered with the reason.
    ///
    /// - Throws: ``UnknownPartition`` when the record's partition number has no state.
    mutating func add(_ message: KafkaConsumerMessage, polledAt: ContinuousClock.Instant, now: Date) throws -> Intake {
        guard partitions[message.partition] != nil, inputTopics.contains(message.topic) else {
            throw UnknownPartition(partition: message.topicPartition)
        }
        batch.noteRecord(message, polledAt: polledAt)

        switch decodeChecked(message) {
        case .failure(let reason):
            batch.deadLetters.append(DeadLetter.record(for: message, reason: reason, topic: topics.deadLetters, now: now))
            batch.tally.count(.deadLettered, topic: message.topic)
            batch.tally.countDeadLetter(code: reason.code)
            return .deadLettered(reason)
        case .success(let event):
            return fold(event, from: message)
        }
    }

    private func decodeChecked(_ message: KafkaConsumerMessage) -> Result<Event, DeadLetterReason> {
        guard let value = message.value else {
            return .failure(DeadLetterReason(code: DeadLetterReason.missingValue,
                                             message: "the record has a null value; producers must send the event JSON as the value"))
        }
        guard value.count <= decoder.maxPayloadBytes else {
            return .failure(DeadLetterReason(code: DeadLetterReason.oversized,
                                             message: "the value has \(value.count) bytes, above the \(decoder.maxPayloadBytes)-byte limit (--max-event-bytes)"))
        }
        guard let key = message.key else {
            return .failure(DeadLetterReason(code: DeadLetterReason.missingKey,
                                             message: "the record has a null key; producers must key every event by its contact_id"))
        }

        let event: Event
        do {
            event = try decoder.decode(value)
        } catch {
            return .failure(DeadLetterReason(code: error.code.rawValue, message: error.description))
        }

        let matches = key.withUnsafeBytes { keyBytes in
            keyBytes.elementsEqual(event.contactID.utf8)
        }
        guard matches else {
            return .failure(DeadLetterReason(
                code: DeadLetterReason.keyMismatch,
                message: "the key \(Self.quoted(key.string)) differs from contact_id \(Self.quoted(event.contactID)); producers must key every event by its contact_id so that a contact's events share one partition"))
        }
        return .success(event)
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

    private static func quoted(_ text: String) -> String {
        let shown = text.count > 80 ? String(text.prefix(80)) + "..." : text
        return "\"\(shown)\""
    }
}
