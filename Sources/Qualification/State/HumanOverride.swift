/// A status pinned by a person (`qualification.override_set`).
public struct HumanOverride: Sendable, Equatable {
    public var status: QualificationStatus
    public var reason: String
    public var setBy: String
    /// When the override lapses; nil when it lasts until cleared.
    public var expiresAt: EventTime?

    public init(status: QualificationStatus, reason: String, setBy: String, expiresAt: EventTime?) {
        self.status = status
        self.reason = reason
        self.setBy = setBy
        self.expiresAt = expiresAt
    }

    /// Returns true when the override is still in force at `time`.
    public func isActive(at time: EventTime) -> Bool {
        expiresAt.map { time < $0 } ?? true
    }
}

extension ContactState {
    /// The override in force at `time`: the newest override event set it, it was not
    /// cleared by a newer one, and it has not expired. Its `occurredAt` is when it was
    /// set and its `eventID` the event that set it.
    public func activeOverride(at time: EventTime) -> LatestValue<HumanOverride>? {
        guard let decision = overrideDecision, let current = decision.value, current.isActive(at: time) else {
            return nil
        }
        return LatestValue(current, occurredAt: decision.occurredAt, eventID: decision.eventID)
    }
}
