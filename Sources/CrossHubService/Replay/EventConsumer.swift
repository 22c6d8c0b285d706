import Qualification

/// A fold of decoded input events that the replay inputs feed: the replay
/// fold, and the history of `crosshub report`.
public protocol EventConsumer {
    var intake: EventIntake { get set }
    /// Contacts seen so far, for progress lines.
    var contactCount: Int { get }
    mutating func fold(_ event: Event)
}

extension ReplayFold: EventConsumer {
    public var contactCount: Int { contacts.count }
}
