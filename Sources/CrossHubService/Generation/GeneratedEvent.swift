/// One output line of the generator: a Kafka record with its topic, key and value.
public struct GeneratedEvent: Sendable, Equatable {
    /// The reason the line exists. Nothing in the bytes shows it, so tests
    /// and demos use it to check that a consumer found every duplicate and
    /// invalid line.
    public enum Origin: Sendable, Equatable, Hashable {
        /// An event of a contact's journey, emitted for the first time.
        case journey
        /// A second copy of a journey event: same `event_id`, same bytes.
        case duplicate
        /// A line that breaks the event contract.
        case invalid(InvalidLineKind)
    }

    /// The input topic the event is routed to.
    public var topic: String
    /// The record key: the contact id, also for invalid lines.
    public var key: String
    /// The record value: one JSON object without a line break.
    public var value: [UInt8]
    /// The event's `occurred_at` in seconds since the Unix epoch; for an
    /// invalid line, the time of the journey event it was derived from.
    public var occurredAt: Int64
    /// The event's `type`; for an invalid line, the type of the journey event it was derived from.
    public var eventType: String
    public var origin: Origin

    public init(topic: String, key: String, value: [UInt8], occurredAt: Int64, eventType: String, origin: Origin) {
        self.topic = topic
        self.key = key
        self.value = value
        self.occurredAt = occurredAt
        self.eventType = eventType
        self.origin = origin
    }
}

/// Line formats of `GeneratedEventBatch.write(format:to:)`.
public enum GeneratedEventFormat: String, Sendable, CaseIterable {
    /// One JSON value per line.
    case jsonl
    /// `key<TAB>value` per line, for `kcat -P -K '\t'`.
    case kcat
}
