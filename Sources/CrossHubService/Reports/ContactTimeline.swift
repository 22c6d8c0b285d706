import Qualification

/// One contact's history replayed in event-time order: its status after
/// every event, and the moments the success measures need.
///
/// Events are applied in order of `occurred_at`, ties by event id, and the
/// contact is rescored after each one. The status is the effective one: a
/// human override in force at the event's time wins over the model.
public struct ContactTimeline: Sendable {
    public let contactID: String
    /// The status after each event that changed it, oldest first.
    public private(set) var statusChanges: [(at: EventTime, status: QualificationStatus)] = []
    /// The contact's first event of any type.
    public private(set) var firstTouch: EventTime?
    /// The first time the contact scored SQL; nil when it never did.
    public private(set) var firstSQL: EventTime?
    /// The first deal created at or after `firstSQL`.
    public private(set) var firstDealAfterSQL: EventTime?
    /// True when a deal was created before the contact first scored SQL.
    public private(set) var hadDealBeforeSQL = false
    public private(set) var leadsAccepted = 0
    public private(set) var leadsRejected = 0
    /// Amount of each won deal (its first Closed Won event), by deal id, and whether the contact was SQL before it.
    public private(set) var wonDeals: [String: (amount: Double?, afterSQL: Bool)] = [:]

    /// Replays `events` (one contact's, in any order) with `scorer`.
    public init(contactID: String, events: [Event], scorer: Scorer) {
        self.contactID = contactID
        let ordered = events.sorted { lhs, rhs in
            lhs.occurredAt != rhs.occurredAt ? lhs.occurredAt < rhs.occurredAt
                : lhs.eventID.utf8.lexicographicallyPrecedes(rhs.eventID.utf8)
        }
        var state = ContactState(contactID: contactID)
        var firstDealAt: EventTime?

        for event in ordered {
            state.fold(event)
            let time = event.occurredAt
            if firstTouch == nil { firstTouch = time }
            noteSalesEvent(event, firstDealAt: &firstDealAt)

            let modelStatus = scorer.score(state.features()).status
            let status = QualificationDecider.effectiveStatus(of: state, modelStatus: modelStatus, at: time)
            if status != statusChanges.last?.status {
                statusChanges.append((time, status))
            }
            if status == .salesQualifiedLead && firstSQL == nil {
                firstSQL = time
                hadDealBeforeSQL = firstDealAt.map { $0 < time } ?? false
                // A deal created by the event that made the contact SQL counts as a deal after SQL.
                if firstDealAt == time { firstDealAfterSQL = time }
            }
        }
    }

    private mutating func noteSalesEvent(_ event: Event, firstDealAt: inout EventTime?) {
        switch event.payload {
        case .leadAccepted:
            leadsAccepted += 1
        case .leadRejected:
            leadsRejected += 1
        case .dealCreated(let change), .dealStageChanged(let change):
            if case .dealCreated = event.payload {
                firstDealAt = firstDealAt ?? event.occurredAt
                if let firstSQL, firstDealAfterSQL == nil, event.occurredAt >= firstSQL {
                    firstDealAfterSQL = event.occurredAt
                }
            }
            if change.stage == .closedWon && wonDeals[change.dealID] == nil {
                // The won event is folded before the rescoring, so the contact counts as SQL only if it was before this event.
                wonDeals[change.dealID] = (change.amount, firstSQL.map { $0 < event.occurredAt } ?? false)
            }
        default:
            break
        }
    }

    /// Returns the status in force just before `time`, set by the last change earlier than it, or nil before the first event.
    public func status(before time: EventTime) -> QualificationStatus? {
        var current: QualificationStatus?
        for change in statusChanges {
            guard change.at < time else { break }
            current = change.status
        }
        return current
    }
}
