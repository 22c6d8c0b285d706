/// One event of a contact's journey before it is encoded: when it happened
/// and its type-specific data.
struct JourneyEvent {
    /// Seconds since the Unix epoch.
    var time: Int64
    var payload: EventPayload
}

/// The `data` of each event type in the input catalog. Identifiers are kept
/// as numbers and turned into strings only when the event is encoded. The
/// large cases are `indirect` so that events stay small to sort and copy.
enum EventPayload {
    case pageViewed(page: Int, highValue: Bool?)
    case formSubmitted(formID: String)
    case contentDownloaded(assetID: String)
    case emailDelivered(campaign: Int)
    case emailOpened(campaign: Int)
    case emailClicked(campaign: Int)
    case leadScoreChanged(score: Int)
    case mqlChanged(mql: Bool)
    indirect case profileUpdated(ProfilePatch)

    case activityLogged(kind: String)
    case meetingBooked(meeting: Int, startsAt: Int64)
    case meetingAttended(meeting: Int)
    case meetingNoShow(meeting: Int)
    /// Call length in tenths of a minute.
    case callLogged(tenthsOfMinute: Int)
    case emailReplied
    indirect case dealCreated(DealUpdate)
    indirect case dealStageChanged(DealUpdate)
    case objectionRaised(topic: String?)
    case leadAccepted
    case leadRejected(reason: String)

    case customerStatusChanged(customer: Bool, since: Int64?)
    case ticketOpened(ticket: Int)
    case ticketClosed(ticket: Int)
    case csatSubmitted(score: Int)
    case npsSubmitted(score: Int)
    case productUsageReported(score: Int)
    case expansionRecorded(amount: Int)

    indirect case overrideSet(status: String, reason: String, setBy: String, expiresAt: Int64?)
    case overrideCleared

    /// The event type name, as written in the `type` field.
    var typeName: String {
        switch self {
        case .pageViewed: "marketing.page_viewed"
        case .formSubmitted: "marketing.form_submitted"
        case .contentDownloaded: "marketing.content_downloaded"
        case .emailDelivered: "marketing.email_delivered"
        case .emailOpened: "marketing.email_opened"
        case .emailClicked: "marketing.email_clicked"
        case .leadScoreChanged: "marketing.lead_score_changed"
        case .mqlChanged: "marketing.mql_changed"
        case .profileUpdated: "contact.profile_updated"
        case .activityLogged: "sales.activity_logged"
        case .meetingBooked: "sales.meeting_booked"
        case .meetingAttended: "sales.meeting_attended"
        case .meetingNoShow: "sales.meeting_no_show"
        case .callLogged: "sales.call_logged"
        case .emailReplied: "sales.email_replied"
        case .dealCreated: "sales.deal_created"
        case .dealStageChanged: "sales.deal_stage_changed"
        case .objectionRaised: "sales.objection_raised"
        case .leadAccepted: "sales.lead_accepted"
        case .leadRejected: "sales.lead_rejected"
        case .customerStatusChanged: "service.customer_status_changed"
        case .ticketOpened: "service.ticket_opened"
        case .ticketClosed: "service.ticket_closed"
        case .csatSubmitted: "service.csat_submitted"
        case .npsSubmitted: "service.nps_submitted"
        case .productUsageReported: "service.product_usage_reported"
        case .expansionRecorded: "service.expansion_recorded"
        case .overrideSet: "qualification.override_set"
        case .overrideCleared: "qualification.override_cleared"
        }
    }

    /// The topic family, which follows from the type name's prefix.
    var family: InputTopicFamily {
        switch self {
        case .pageViewed, .formSubmitted, .contentDownloaded, .emailDelivered, .emailOpened,
             .emailClicked, .leadScoreChanged, .mqlChanged, .profileUpdated:
            .marketing
        case .activityLogged, .meetingBooked, .meetingAttended, .meetingNoShow, .callLogged,
             .emailReplied, .dealCreated, .dealStageChanged, .objectionRaised, .leadAccepted,
             .leadRejected, .overrideSet, .overrideCleared:
            .sales
        case .customerStatusChanged, .ticketOpened, .ticketClosed, .csatSubmitted, .npsSubmitted,
             .productUsageReported, .expansionRecorded:
            .service
        }
    }

    /// True for prospect-initiated touches, which drive engagement recency,
    /// frequency and velocity; false for deliveries, rep activity, score
    /// changes and profile syncs.
    var isEngagement: Bool {
        switch self {
        case .pageViewed, .formSubmitted, .contentDownloaded, .emailOpened, .emailClicked,
             .meetingAttended, .callLogged, .emailReplied, .ticketOpened, .csatSubmitted,
             .npsSubmitted:
            true
        default:
            false
        }
    }
}

/// A deal event's data.
struct DealUpdate {
    var deal: Int
    var stage: DealStage
    /// Writes the internal id (`contractsent`) instead of the label (`Contract Sent`).
    var usesInternalID: Bool
    /// Deal value in whole currency units; nil leaves `amount` out.
    var amount: Int?
}

/// HubSpot's default sales pipeline stages, in pipeline order.
enum DealStage: Int, CaseIterable, Comparable {
    case appointmentScheduled
    case qualifiedToBuy
    case presentationScheduled
    case decisionMakerBoughtIn
    case contractSent
    case closedWon
    case closedLost

    var label: String {
        switch self {
        case .appointmentScheduled: "Appointment Scheduled"
        case .qualifiedToBuy: "Qualified to Buy"
        case .presentationScheduled: "Presentation Scheduled"
        case .decisionMakerBoughtIn: "Decision Maker Bought-In"
        case .contractSent: "Contract Sent"
        case .closedWon: "Closed Won"
        case .closedLost: "Closed Lost"
        }
    }

    var internalID: String {
        switch self {
        case .appointmentScheduled: "appointmentscheduled"
        case .qualifiedToBuy: "qualifiedtobuy"
        case .presentationScheduled: "presentationscheduled"
        case .decisionMakerBoughtIn: "decisionmakerboughtin"
        case .contractSent: "contractsent"
        case .closedWon: "closedwon"
        case .closedLost: "closedlost"
        }
    }

    static func < (lhs: DealStage, rhs: DealStage) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The fields of one `contact.profile_updated` event; nil fields are left out.
struct ProfilePatch {
    var email: String?
    var firstName: String?
    var lastName: String?
    var company: String?
    var industry: String?
    var employees: Int?
    var companySize: String?
    var annualRevenue: Int?
    var jobTitle: String?
    var jobFunction: String?
    var decisionMaker: Bool?
    var ownerID: String?
    var ownerEmail: String?

    var isEmpty: Bool {
        email == nil && firstName == nil && lastName == nil && company == nil && industry == nil
            && employees == nil && companySize == nil && annualRevenue == nil && jobTitle == nil
            && jobFunction == nil && decisionMaker == nil && ownerID == nil && ownerEmail == nil
    }
}
