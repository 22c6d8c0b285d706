/// One decoded input event: the envelope and its type-specific data.
public struct Event: Sendable, Equatable {
    /// The producer's unique id for the event, 1 to 128 characters; duplicates are skipped by id.
    public var eventID: String
    /// The contact the event is about, 1 to 128 characters; also the Kafka record key.
    public var contactID: String
    /// When the event happened, from the envelope's `occurred_at`.
    public var occurredAt: EventTime
    public var payload: EventPayload

    public init(eventID: String, contactID: String, occurredAt: EventTime, payload: EventPayload) {
        self.eventID = eventID
        self.contactID = contactID
        self.occurredAt = occurredAt
        self.payload = payload
    }

    public var type: EventType { payload.type }
}

/// The `data` of an event, one case per event type.
public enum EventPayload: Sendable, Equatable {
    case pageViewed(url: String, highValue: Bool?)
    case formSubmitted(formID: String)
    case contentDownloaded(assetID: String)
    case emailDelivered(campaignID: String)
    case emailOpened(campaignID: String)
    case emailClicked(campaignID: String)
    /// The marketing lead score, 0 to 100.
    case leadScoreChanged(leadScore: Int)
    case mqlChanged(mql: Bool)

    // Boxed, like `overrideSet`, because the update takes about 200 bytes inline,
    // and every event would carry that size through each copy of its payload.
    indirect case profileUpdated(ProfileUpdate)

    case activityLogged(kind: SalesActivityKind)
    case meetingBooked(meetingID: String, startsAt: EventTime)
    case meetingAttended(meetingID: String)
    case meetingNoShow(meetingID: String)
    /// A logged call, its length in minutes (0 to 1440, fractions allowed).
    case callLogged(durationMinutes: Double)
    case salesEmailReplied
    case dealCreated(DealChange)
    case dealStageChanged(DealChange)
    case objectionRaised(topic: String?)
    case leadAccepted
    case leadRejected(reason: String)

    /// Whether the contact is a customer now; `since` is when the relationship began.
    case customerStatusChanged(customer: Bool, since: EventTime?)
    case ticketOpened(ticketID: String)
    case ticketClosed(ticketID: String)
    /// A satisfaction survey response, 0 to 10.
    case csatSubmitted(score: Double)
    /// A Net Promoter Score survey response, an integer 0 to 10.
    case npsSubmitted(score: Int)
    /// A product usage index, 0 to 100.
    case productUsageReported(usageScore: Double)
    /// Revenue from an upsell or cross-sell, greater than 0, in account currency units.
    case expansionRecorded(amount: Double)

    indirect case overrideSet(OverrideRequest)
    case overrideCleared

    public var type: EventType {
        switch self {
        case .pageViewed: .pageViewed
        case .formSubmitted: .formSubmitted
        case .contentDownloaded: .contentDownloaded
        case .emailDelivered: .emailDelivered
        case .emailOpened: .emailOpened
        case .emailClicked: .emailClicked
        case .leadScoreChanged: .leadScoreChanged
        case .mqlChanged: .mqlChanged
        case .profileUpdated: .profileUpdated
        case .activityLogged: .activityLogged
        case .meetingBooked: .meetingBooked
        case .meetingAttended: .meetingAttended
        case .meetingNoShow: .meetingNoShow
        case .callLogged: .callLogged
        case .salesEmailReplied: .salesEmailReplied
        case .dealCreated: .dealCreated
        case .dealStageChanged: .dealStageChanged
        case .objectionRaised: .objectionRaised
        case .leadAccepted: .leadAccepted
        case .leadRejected: .leadRejected
        case .customerStatusChanged: .customerStatusChanged
        case .ticketOpened: .ticketOpened
        case .ticketClosed: .ticketClosed
        case .csatSubmitted: .csatSubmitted
        case .npsSubmitted: .npsSubmitted
        case .productUsageReported: .productUsageReported
        case .expansionRecorded: .expansionRecorded
        case .overrideSet: .overrideSet
        case .overrideCleared: .overrideCleared
        }
    }
}

/// A deal created or moved to a stage.
public struct DealChange: Sendable, Equatable {
    public var dealID: String
    public var stage: PipelineStage
    /// The deal amount in account currency units, when the feed sends it.
    public var amount: Double?

    public init(dealID: String, stage: PipelineStage, amount: Double? = nil) {
        self.dealID = dealID
        self.stage = stage
        self.amount = amount
    }
}

/// A human decision that pins a contact's qualification status.
public struct OverrideRequest: Sendable, Equatable {
    public var status: QualificationStatus
    public var reason: String
    /// The person who set the override, for example a user id or email.
    public var setBy: String
    /// When the override lapses; nil pins the status until an `override_cleared` event.
    public var expiresAt: EventTime?

    public init(status: QualificationStatus, reason: String, setBy: String, expiresAt: EventTime? = nil) {
        self.status = status
        self.reason = reason
        self.setBy = setBy
        self.expiresAt = expiresAt
    }
}

/// The fields a `contact.profile_updated` event sets; nil means "not in this update".
public struct ProfileUpdate: Sendable, Equatable {
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var company: String?
    public var industry: String?
    /// Employee count, 1 to 10,000,000.
    public var employees: Int?
    /// One of `EventVocabulary.companySizeBands`.
    public var companySize: String?
    /// Annual revenue in account currency units, 0 to 10^15.
    public var annualRevenue: Double?
    public var jobTitle: String?
    public var jobFunction: String?
    public var decisionMaker: Bool?
    /// The CRM user who owns the contact; sales tasks go to this owner.
    public var ownerID: String?
    public var ownerEmail: String?

    public init() {}

    /// True when the update sets no field.
    public var isEmpty: Bool { self == ProfileUpdate() }
}
