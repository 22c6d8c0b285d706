/// The counts of one batch, added to ``ServiceMetrics`` only once the batch is committed.
struct BatchTally: Sendable {
    /// Consumed records per input topic and outcome.
    var outcomes: [String: [EventOutcome: Int]] = [:]
    var deadLettersByCode: [String: Int] = [:]
    var outputsByTopic: [String: Int] = [:]
    var changelogRecords = 0

    var recordCount: Int {
        outcomes.values.reduce(0) { $0 + $1.values.reduce(0, +) }
    }

    mutating func count(_ outcome: EventOutcome, topic: String) {
        outcomes[topic, default: [:]][outcome, default: 0] += 1
    }

    mutating func countDeadLetter(code: String) {
        deadLettersByCode[code, default: 0] += 1
    }

    mutating func countOutput(topic: String) {
        outputsByTopic[topic, default: 0] += 1
    }
}
