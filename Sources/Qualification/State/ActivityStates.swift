/// Marketing activity: counts over the contact's whole history, the newest
/// lead score and MQL flag, and the email campaigns of the rolling window.
public struct MarketingState: Sendable, Equatable {
    public var pageViews = 0
    /// Page views flagged `high_value`.
    public var highValuePageViews = 0
    public var formSubmissions = 0
    public var contentDownloads = 0
    public var leadScore: LatestValue<Int>?
    public var mql: LatestValue<Bool>?
    public var email = EmailCampaignWindow()

    public init() {}
}

/// Sales activity: counts, meetings, calls, deals and the newest sales feedback.
public struct SalesState: Sendable, Equatable {
    /// `sales.activity_logged` events of any kind.
    public var activitiesLogged = 0
    public var callsLogged = 0
    /// The longest logged call, in minutes.
    public var longestCallMinutes: Double?
    public var meetingsBooked = 0
    public var meetingsAttended = 0
    public var meetingsMissed = 0
    /// The booked meeting with the newest `sales.meeting_booked` event.
    public var latestBooking: LatestValue<MeetingBooking>?
    public var emailReplies = 0
    public var objections = 0
    public var deals = DealBook()
    /// Whether sales accepted or rejected the lead, from the newest feedback event.
    public var feedback: LatestValue<SalesFeedback>?

    public init() {}
}

public struct MeetingBooking: Sendable, Equatable {
    public var meetingID: String
    public var startsAt: EventTime

    public init(meetingID: String, startsAt: EventTime) {
        self.meetingID = meetingID
        self.startsAt = startsAt
    }
}

/// Sales' verdict on a qualified lead.
public enum SalesFeedback: Sendable, Equatable {
    case accepted
    case rejected(reason: String)
}

/// Service relationship: customer status, tickets, surveys, usage and expansion.
///
/// Sums are kept in fixed point (CSAT in thousandths, money in ten-thousandths
/// of a currency unit) so that they are exact and independent of the order of
/// addition, which floating-point sums are not.
public struct ServiceState: Sendable, Equatable {
    /// Fixed-point scale of `csatSumThousandths`.
    public static let csatScale = 1000.0
    /// Fixed-point scale of `expansionSumTenThousandths`.
    public static let moneyScale = 10_000.0

    /// Whether the contact is a customer, from the newest status event.
    public var customer: LatestValue<Bool>?
    /// When the newest customer relationship began: the `since` of the newest
    /// status event with `customer: true`, or that event's time when it had none.
    public var customerSince: LatestValue<EventTime>?
    public var ticketsOpened = 0
    public var ticketsClosed = 0
    public var csatCount = 0
    public var csatSumThousandths: Int64 = 0
    public var nps: LatestValue<Int>?
    public var productUsage: LatestValue<Double>?
    public var expansionCount = 0
    /// Saturates at `Int64.max`, about 9.2 × 10^14 currency units.
    public var expansionSumTenThousandths: Int64 = 0

    public init() {}
}
