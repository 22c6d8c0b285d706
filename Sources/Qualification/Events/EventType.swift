/// Every event type crosshub accepts, named `<source>.<what happened>`.
///
/// The JSON Schema of each type's `data` is `schemas/events/<raw value>.schema.json`.
public enum EventType: String, Sendable, CaseIterable, Hashable {
    case pageViewed = "marketing.page_viewed"
    case formSubmitted = "marketing.form_submitted"
    case contentDownloaded = "marketing.content_downloaded"
    case emailDelivered = "marketing.email_delivered"
    case emailOpened = "marketing.email_opened"
    case emailClicked = "marketing.email_clicked"
    case leadScoreChanged = "marketing.lead_score_changed"
    case mqlChanged = "marketing.mql_changed"

    case profileUpdated = "contact.profile_updated"

    case activityLogged = "sales.activity_logged"
    case meetingBooked = "sales.meeting_booked"
    case meetingAttended = "sales.meeting_attended"
    case meetingNoShow = "sales.meeting_no_show"
    case callLogged = "sales.call_logged"
    case salesEmailReplied = "sales.email_replied"
    case dealCreated = "sales.deal_created"
    case dealStageChanged = "sales.deal_stage_changed"
    case objectionRaised = "sales.objection_raised"
    case leadAccepted = "sales.lead_accepted"
    case leadRejected = "sales.lead_rejected"

    case customerStatusChanged = "service.customer_status_changed"
    case ticketOpened = "service.ticket_opened"
    case ticketClosed = "service.ticket_closed"
    case csatSubmitted = "service.csat_submitted"
    case npsSubmitted = "service.nps_submitted"
    case productUsageReported = "service.product_usage_reported"
    case expansionRecorded = "service.expansion_recorded"

    case overrideSet = "qualification.override_set"
    case overrideCleared = "qualification.override_cleared"

    /// Every type with its name's UTF-8 bytes, for matching without building a String.
    private static let namesAsBytes: [(type: EventType, name: [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Returns the type whose name is the given bytes.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> EventType? {
        for entry in namesAsBytes where entry.name.count == bytes.count {
            var index = 0
            while index < bytes.count && entry.name[index] == bytes[index] {
                index += 1
            }
            if index == bytes.count { return entry.type }
        }
        return nil
    }

    /// Returns the known type closest to an unknown name, when one is within a few edits of it.
    static func suggestion(for name: String) -> EventType? {
        let candidates = allCases.map { ($0, editDistance(Array(name.utf8), Array($0.rawValue.utf8))) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }
}

/// Levenshtein distance between two byte strings.
private func editDistance(_ source: [UInt8], _ target: [UInt8]) -> Int {
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for (sourceIndex, sourceByte) in source.enumerated() {
        current[0] = sourceIndex + 1
        for (targetIndex, targetByte) in target.enumerated() {
            let substitution = previous[targetIndex] + (sourceByte == targetByte ? 0 : 1)
            current[targetIndex + 1] = min(substitution, previous[targetIndex + 1] + 1, current[targetIndex] + 1)
        }
        swap(&previous, &current)
    }
    return previous[target.count]
}
