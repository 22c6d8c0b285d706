import Foundation
import Qualification

/// The settings of one replay.
public struct ReplaySettings: Sendable {
    public var input: ReplayInput
    public var window = ReplayWindow.unbounded
    public var scorer: Scorer
    /// The decision policy; a replay always sets `backfill`, and
    /// `sideEffects` is `suppress` unless `--with-side-effects` is given.
    public var policy: DecisionPolicy
    /// The topic of each output kind, for the records' `topic` and for the Kafka sink.
    public var outputTopics: [OutputKind: String] = ServiceTopics.defaults.outputs
    public var decoder = EventDecoder()
    /// How many invalid events the summary keeps for printing; all are counted.
    public var maxKeptInvalid = 1000
    /// The future-date rule of `crosshub run`, or nil for none.
    public var futureSkew: FutureSkewRule? = FutureSkewRule()
    /// Keeps every contact's final qualification in the summary, for comparisons.
    public var keepsQualifications = false

    /// Creates settings with side effects suppressed.
    public init(input: ReplayInput, scorer: Scorer, policy: DecisionPolicy = DecisionPolicy()) {
        self.input = input
        self.scorer = scorer
        var policy = policy
        policy.sideEffects = .suppress
        self.policy = policy
    }

    /// Returns the topic of `kind`.
    public func topic(for kind: OutputKind) -> String {
        outputTopics[kind] ?? ServiceTopics.defaults.topic(for: kind)
    }

    /// The topics that the replay writes to: side-effect topics only when side effects are emitted.
    public var writtenTopics: [String] {
        OutputKind.allCases.filter { !$0.isSideEffect || policy.sideEffects == .emit }.map(topic(for:))
    }
}

/// The counts of a finished replay: events by outcome, contacts, outputs per kind and time.
public struct ReplaySummary: Sendable {
    public var tally: ReplayTally
    public var contacts: Int
    /// Contacts with at least one output record.
    public var contactsWithOutputs = 0
    public var outputs: [OutputKind: Int] = [:]
    public var invalidEvents: [InvalidReplayEvent]
    public var seconds: Double
    /// Every contact's final qualification in contact-id order, when the settings ask for them.
    public var qualifications: [ReplayedQualification] = []

    /// Input events per second over the whole run.
    public var rate: Double { seconds > 0 ? Double(tally.read) / seconds : 0 }

    public var totalOutputs: Int { outputs.values.reduce(0, +) }

    /// The summary as one line: events by outcome, contacts, outputs per kind and rate.
    public var description: String {
        var parts = ["\(tally.read) events read", "\(tally.folded) folded", "\(tally.warmUp) warm-up",
                     "\(tally.duplicates) duplicate", "\(tally.invalid) invalid", "\(tally.afterWindow) after the window"]
        if tally.blank > 0 { parts.append("\(tally.blank) blank lines") }
        parts.append("\(contacts) contacts")
        let kinds = OutputKind.allCases.map { "\(outputs[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        parts.append("outputs: \(kinds)")
        parts.append(String(format: "%.1f s, %.0f events/s", seconds, rate))
        return parts.joined(separator: "; ")
    }
}

/// Replays input history with a model: reads the events, folds them per
/// contact, decides each contact's outputs once, and writes them to a sink
/// in contact-id order (see ``ReplayDecider`` for the decision).
///
/// Nothing in the output depends on partition counts, poll sizes or arrival
/// order, and a record's `cause.source` is always null, so a replay from the
/// topics and one from files of the same events write the same bytes.
public enum Replay {
    /// Runs a replay.
    ///
    /// - Throws: ``ReplayError`` or ``KafkaError`` when the input cannot be
    ///   read or the sink fails; invalid events only count.
    public static func run(_ settings: ReplaySettings, sink: inout some ReplaySink,
                           progress: ReplayProgress? = nil) throws -> ReplaySummary {
        try settings.window.validate()
        let started = ContinuousClock.now
        var fold = ReplayFold(window: settings.window,
                              intake: EventIntake(decoder: settings.decoder, maxKeptInvalid: settings.maxKeptInvalid,
                                                  futureSkew: settings.futureSkew))
        try settings.input.read(into: &fold, progress: progress)

        let decider = try ReplayDecider(scorer: settings.scorer, policy: settings.policy)
        var summary = ReplaySummary(tally: fold.intake.tally, contacts: fold.contacts.count,
                                    invalidEvents: fold.intake.invalidEvents, seconds: 0)
        for contactID in fold.sortedContactIDs {
            let (outputs, qualification) = decider.decide(fold.contacts[contactID]!)
            for record in outputs {
                try sink.write(record, topic: settings.topic(for: record.kind))
                summary.outputs[record.kind, default: 0] += 1
            }
            if !outputs.isEmpty { summary.contactsWithOutputs += 1 }
            if settings.keepsQualifications { summary.qualifications.append(qualification) }
        }
        try sink.finish()
        summary.seconds = ReplayProgress.seconds(ContinuousClock.now - started)
        return summary
    }
}
