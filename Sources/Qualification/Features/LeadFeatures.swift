/// The feature document: every input of the scoring model for one contact.
///
/// JSON keys are the scoring model's parameter names (`lead_score`,
/// `num_form_submissions`, `engagement_recency`, ...). Booleans are JSON
/// booleans. Every field is optional, and the scorer reads an absent field as
/// the reference model reads a zero, false or empty one. For most fields that
/// adds no points and no factor, but not for these (points of the default model):
/// - Without `previous_customer: true`, the service score is the model's
///   neutral score (50), and the other service fields are not scored.
/// - An absent `engagement_recency` means the contact never engaged, which
///   earns the model's `never_engaged_points` (0). The reference model reads
///   it as engagement today, which earns the most recency points.
/// - An absent `engagement_frequency` or `engagement_velocity` counts as 0:
///   the lowest frequency tier (0 points) and the stable velocity tier (10 points).
///
/// `num_page_views` is never scored.
///
/// Units: counts are numbers of events, and rates are fractions from 0 to 1.
/// `sales_call_duration` is in minutes, `engagement_recency` and
/// `days_as_customer` are in whole days, and money is in the account's currency units.
public struct LeadFeatures: Sendable, Equatable, Codable {
    public var contactID: String?

    /// The time the features were derived for, RFC 3339; absent for hand-written documents.
    public var asOf: String?

    // Marketing.
    public var leadScore: Int?
    public var marketingQualifiedLead: Bool?
    public var numPageViews: Int?
    public var numFormSubmissions: Int?
    public var emailOpenRate: Double?
    public var emailClickRate: Double?
    public var contentDownloads: Int?
    public var highValuePageVisits: Int?

    // Sales.
    public var numSalesActivities: Int?
    public var meetingShowed: Bool?
    public var dealCreated: Bool?
    /// A HubSpot deal stage label (`Contract Sent`) or internal id (`contractsent`).
    public var dealStage: String?
    public var objectionsRaised: Int?
    public var salesEmailReplies: Int?
    public var salesCallDuration: Int?

    // Service.
    public var previousCustomer: Bool?
    public var daysAsCustomer: Int?
    public var supportTicketCount: Int?
    public var averageCSAT: Double?
    public var npsScore: Int?
    public var productUsageScore: Int?
    public var expansionRevenue: Double?

    // Company and role.
    public var industry: String?
    public var companySize: CompanySize?
    public var annualRevenue: Double?
    public var jobTitle: String?
    public var jobFunction: String?
    public var decisionMaker: Bool?

    // Behavioral.
    public var engagementRecency: Int?
    public var engagementFrequency: Double?
    public var engagementVelocity: Double?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contactID = "contact_id"
        case asOf = "as_of"
        case leadScore = "lead_score"
        case marketingQualifiedLead = "marketing_qualified_lead"
        case numPageViews = "num_page_views"
        case numFormSubmissions = "num_form_submissions"
        case emailOpenRate = "email_open_rate"
        case emailClickRate = "email_click_rate"
        case contentDownloads = "content_downloads"
        case highValuePageVisits = "high_value_page_visits"
        case numSalesActivities = "num_sales_activities"
        case meetingShowed = "meeting_showed"
        case dealCreated = "deal_created"
        case dealStage = "deal_stage"
        case objectionsRaised = "objections_raised"
        case salesEmailReplies = "sales_email_replies"
        case salesCallDuration = "sales_call_duration"
        case previousCustomer = "previous_customer"
        case daysAsCustomer = "days_as_customer"
        case supportTicketCount = "support_ticket_count"
        case averageCSAT = "average_csat"
        case npsScore = "nps_score"
        case productUsageScore = "product_usage_score"
        case expansionRevenue = "expansion_revenue"
        case industry
        case companySize = "company_size"
        case annualRevenue = "annual_revenue"
        case jobTitle = "job_title"
        case jobFunction = "job_function"
        case decisionMaker = "decision_maker"
        case engagementRecency = "engagement_recency"
        case engagementFrequency = "engagement_frequency"
        case engagementVelocity = "engagement_velocity"
    }
}

/// A company's size: a band label such as `Mid-Market (101-999 employees)`, or
/// an employee count. JSON: a string for a band, an integer for a count.
public enum CompanySize: Sendable, Equatable, Codable {
    case band(String)
    case employees(Int)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            self = .employees(count)
        } else {
            self = .band(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .band(let label): try container.encode(label)
        case .employees(let count): try container.encode(count)
        }
    }
}
