import Qualification

/// One contact of a replay: its state over the whole window and, with a
/// `--from`, its state from the warm-up events alone.
public struct ReplayContact: Sendable {
    /// Every event up to `--to`, warm-up included.
    public internal(set) var state: ContactState
    /// The events before `--from`; nil when the contact has none.
    public internal(set) var warmUpState: ContactState?
    /// The newest folded event (greatest `occurred_at`, ties to the higher event id).
    public internal(set) var newest: DecisionCause
    /// The newest warm-up event; nil without one.
    public internal(set) var newestWarmUp: DecisionCause?
}

/// Folds the events of a replay into one ``ReplayContact`` per contact, in
/// memory, and accounts for every event in ``EventIntake/tally``.
///
/// The result does not depend on the order of arrival: the fold is
/// order-tolerant, and the newest event is chosen by time and id, never by
/// position. So partition counts, poll sizes and file order give the same
/// contacts, with two exceptions. A duplicate that arrives more than
/// `RecentEventIDs.capacity` events of its contact after the original is
/// folded twice. And past the campaign or deal limit of `ContactState`,
/// which campaigns or deals a contact keeps depends on arrival order.
public struct ReplayFold: Sendable {
    public let window: ReplayWindow
    public var intake: EventIntake
    public private(set) var contacts: [String: ReplayContact] = [:]

    public init(window: ReplayWindow = .unbounded, intake: EventIntake = EventIntake()) {
        self.window = window
        self.intake = intake
    }

    /// Folds a decoded event by its place in the window.
    public mutating func fold(_ event: Event) {
        let placement = window.placement(of: event.occurredAt)
        if placement == .after {
            intake.tally.afterWindow += 1
            return
        }

        let cause = DecisionCause(eventID: event.eventID, eventType: event.type, occurredAt: event.occurredAt, source: nil)
        guard var contact = contacts.removeValue(forKey: event.contactID) else {
            var state = ContactState(contactID: event.contactID)
            state.fold(event)
            var contact = ReplayContact(state: state, warmUpState: nil, newest: cause, newestWarmUp: nil)
            if placement == .warmUp { Self.foldWarmUp(event, cause: cause, into: &contact) }
            count(placement)
            contacts[event.contactID] = contact
            return
        }

        // Removing and re-inserting the contact keeps its state uniquely referenced, so the fold mutates in place.
        if contact.state.fold(event) == .folded {
            if Self.isNewer(cause, than: contact.newest) { contact.newest = cause }
            if placement == .warmUp { Self.foldWarmUp(event, cause: cause, into: &contact) }
            count(placement)
        } else {
            intake.tally.duplicates += 1
        }
        contacts[event.contactID] = contact
    }

    private mutating func count(_ placement: ReplayWindow.Placement) {
        if placement == .warmUp {
            intake.tally.warmUp += 1
        } else {
            intake.tally.folded += 1
        }
    }

    private static func foldWarmUp(_ event: Event, cause: DecisionCause, into contact: inout ReplayContact) {
        var warmUp = contact.warmUpState ?? ContactState(contactID: event.contactID)
        contact.warmUpState = nil
        warmUp.fold(event)
        contact.warmUpState = warmUp
        if contact.newestWarmUp.map({ isNewer(cause, than: $0) }) ?? true {
            contact.newestWarmUp = cause
        }
    }

    /// True when `candidate` is newer than `current`: a later time, or the same time and a higher event id.
    static func isNewer(_ candidate: DecisionCause, than current: DecisionCause) -> Bool {
        if candidate.occurredAt != current.occurredAt {
            return candidate.occurredAt > current.occurredAt
        }
        return current.eventID.utf8.lexicographicallyPrecedes(candidate.eventID.utf8)
    }

    /// The contact ids sorted by their UTF-8 bytes, the order of every replay output.
    public var sortedContactIDs: [String] {
        contacts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
