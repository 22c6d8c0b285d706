/// A value that the newest event sets, with the event's time and id.
///
/// "Newest" is the greatest `occurredAt`; events at the same instant are
/// ordered by `eventID`, comparing UTF-8 bytes, and the higher id wins. The
/// result is the same whatever order the events arrive in.
public struct LatestValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var occurredAt: EventTime
    public var eventID: String

    public init(_ value: Value, occurredAt: EventTime, eventID: String) {
        self.value = value
        self.occurredAt = occurredAt
        self.eventID = eventID
    }

    /// Returns true when an event at `time` with `eventID` is newer than the one that set this value.
    public func isOlder(than time: EventTime, eventID: String) -> Bool {
        if time != occurredAt { return occurredAt < time }
        return self.eventID.utf8.lexicographicallyPrecedes(eventID.utf8)
    }
}

extension Optional {
    /// Replaces the value when the offered event is newer than the one that set it.
    ///
    /// - Returns: true when the value was replaced.
    @discardableResult
    mutating func offer<Value>(_ value: Value, at time: EventTime, eventID: String) -> Bool
    where Wrapped == LatestValue<Value> {
        if let current = self, !current.isOlder(than: time, eventID: eventID) {
            return false
        }
        self = LatestValue(value, occurredAt: time, eventID: eventID)
        return true
    }
}
