import Qualification

/// The rule that rejects an event dated too far after its record was
/// produced: `occurred_at` later than the reference time plus ``maxSkew``.
///
/// The service and replays of the input topics take the record's Kafka
/// timestamp as the reference, not the wall clock, so that every run over
/// the same records decides the same way. Only lines of a file, which have
/// no record timestamp, are measured from the start of the replay. One event
/// dated years ahead would otherwise become the contact's as-of time and
/// freeze its recency and frequency features.
public struct FutureSkewRule: Sendable, Equatable {
    /// How far `occurred_at` may be after the reference time.
    public var maxSkew: Duration

    /// One day: room for producer clock skew and for local times marked as
    /// UTC (at most 14 hours off), while a contact's as-of time runs at most a day ahead.
    public static let defaultMaxSkew: Duration = .seconds(86_400)
    /// The dead-letter and invalid-event code.
    public static let code = "occurred_at_in_future"

    public init(maxSkew: Duration = defaultMaxSkew) {
        self.maxSkew = maxSkew
    }

    /// Returns the message of a violation when `occurredAt` is more than
    /// ``maxSkew`` after `referenceMilliseconds`, or nil when it is not.
    ///
    /// - Parameters:
    ///   - referenceMilliseconds: the record's Kafka timestamp, in milliseconds since the Unix epoch.
    ///   - reference: what the reference is, for the message, such as "the record's Kafka timestamp".
    public func violation(occurredAt: EventTime, referenceMilliseconds: Int64, reference: String) -> String? {
        let (seconds, attoseconds) = maxSkew.components
        let skewMicroseconds = seconds * EventTime.microsecondsPerSecond + attoseconds / 1_000_000_000_000
        let (referenceMicroseconds, overflow) = referenceMilliseconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        let latest = referenceMicroseconds.addingReportingOverflow(skewMicroseconds)
        guard !latest.overflow, occurredAt.microsecondsSinceEpoch > latest.partialValue else { return nil }

        let referenceTime = EventTime(microsecondsSinceEpoch: referenceMicroseconds)
        return "occurred_at \(occurredAt.rfc3339) is more than \(DecisionPolicy.durationText(maxSkew)) after \(reference) "
            + "\(referenceTime.rfc3339); fix the producer's clock or time zone, or raise --max-future-skew"
    }
}
