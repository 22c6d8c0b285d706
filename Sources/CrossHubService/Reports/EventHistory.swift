import Qualification

/// Every valid event of a history, kept per contact for `crosshub report`,
/// which replays each contact in event-time order.
///
/// An event id seen before for the same contact is counted as a duplicate
/// and dropped, whatever the distance between the copies.
public struct EventHistory: EventConsumer {
    public var intake: EventIntake
    public private(set) var events: [String: [Event]] = [:]
    private var seenIDs: [String: Set<String>] = [:]

    public init(intake: EventIntake = EventIntake()) {
        self.intake = intake
    }

    public var contactCount: Int { events.count }

    public mutating func fold(_ event: Event) {
        guard seenIDs[event.contactID, default: []].insert(event.eventID).inserted else {
            intake.tally.duplicates += 1
            return
        }
        intake.tally.folded += 1
        events[event.contactID, default: []].append(event)
    }
}
