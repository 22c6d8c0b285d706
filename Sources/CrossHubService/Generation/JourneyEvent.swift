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

    /// Every event type name of the catalog, indexed by `typeIndex`.
    static let typeNames: [String] = [
        "marketing.page_viewed", "marketing.form_submitted", "marketing.content_downloaded",
        "marketing.email_delivered", "marketing.email_opened", "marketing.email_clicked",
        "marketing.lead_score_changed", "marketing.mql_changed", "contact.profile_updated",
        "sales.activity_logged", "sales.meeting_booked", "sales.meeting_attended",
        "sales.meeting_no_show", "sales.call_logged", "sales.email_replied",
        "sales.deal_created", "sales.deal_stage_changed", "sales.objection_raised",
        "sales.lead_accepted", "sales.lead_rejected", "service.customer_status_changed",
        "service.ticket_opened", "service.ticket_closed", "service.csat_submitted",
        "service.nps_submitted", "service.product_usage_reported", "service.expansion_recorded",
        "qualification.override_set", "qualification.override_cleared",
    ]

    /// The event type name, as written in the `type` field.
    var typeName: String { Self.typeNames[typeIndex] }

    /// The position of the type name in `typeNames`.
    var typeIndex: Int {
        switch self {
        case .pageViewed: 0
        case .formSubmitted: 1
        case .contentDownloaded: 2
        case .emailDelivered: 3
        case .emailOpened: 4
        case .emailClicked: 5
        case .leadScoreChanged: 6
        case .mqlChanged: 7
        case .profileUpdated: 8
        case .activityLogged: 9
        case .meetingBooked: 10
        case .meetingAttended: 11
        case .meetingNoShow: 12
        case .callLogged: 13
        case .emailReplied: 14
        case .dealCreated: 15
        case .dealStageChanged: 16
        case .objectionRaised: 17
        case .leadAccepted: 18
        case .leadRejected: 19
        case .customerStatusChanged: 20
        case .ticketOpened: 21
        case .ticketClosed: 22
        case .csatSubmitted: 23
        case .npsSubmitted: 24
        case .productUsageReported: 25
        case .expansionRecorded: 26
        case .overrideSet: 27
        case .overrideCleared: 28
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
