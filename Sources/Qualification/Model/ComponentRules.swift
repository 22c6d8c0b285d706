/// The marketing engagement score's rules.
public struct MarketingRules: Sendable, Equatable {
    /// No floor in the default model: a negative lead score lowers the component below 0.
    public var limits: ScoreLimits
    /// Points per point of `lead_score`; a lead score of 0 adds nothing and no factor.
    public var leadScoreMultiplier: Double
    public var mqlPoints: Double
    public var formSubmissions: CountPoints
    public var contentDownloads: CountPoints
    public var emailOpenRate: ThresholdPoints
    public var emailClickRate: ThresholdPoints
    public var highValuePageVisits: CountPoints

    public init(limits: ScoreLimits, leadScoreMultiplier: Double, mqlPoints: Double,
                formSubmissions: CountPoints, contentDownloads: CountPoints,
                emailOpenRate: ThresholdPoints, emailClickRate: ThresholdPoints,
                highValuePageVisits: CountPoints) {
        self.limits = limits
        self.leadScoreMultiplier = leadScoreMultiplier
        self.mqlPoints = mqlPoints
        self.formSubmissions = formSubmissions
        self.contentDownloads = contentDownloads
        self.emailOpenRate = emailOpenRate
        self.emailClickRate = emailClickRate
        self.highValuePageVisits = highValuePageVisits
    }
}

/// A deal stage that `deal_stage` may name by HubSpot internal id or by label.
public struct DealStage: Sendable, Equatable {
    /// HubSpot's internal id, such as `contractsent`.
    public var id: String
    /// The label shown in HubSpot, such as `Contract Sent`.
    public var label: String
    /// Points for a deal in this stage; a stage with 0 points adds no factor.
    public var points: Double

    public init(id: String, label: String, points: Double) {
        self.id = id
        self.label = label
        self.points = points
    }
}

/// The sales engagement score's rules.
public struct SalesRules: Sendable, Equatable {
    public var limits: ScoreLimits
    public var activities: CountPoints
    public var meetingAttendedPoints: Double
    public var dealCreatedPoints: Double
    /// Stages matched exactly (case-sensitive) on id or label; an unknown stage adds nothing.
    public var dealStages: [DealStage]
    public var emailReplies: CountPoints
    /// Tiers by `sales_call_duration` in minutes, for a duration above 0.
    public var callDuration: TierTable
    /// Points deducted per objection, up to a maximum deduction; both positive numbers.
    public var objections: CountPoints

    public init(limits: ScoreLimits, activities: CountPoints, meetingAttendedPoints: Double,
                dealCreatedPoints: Double, dealStages: [DealStage], emailReplies: CountPoints,
                callDuration: TierTable, objections: CountPoints) {
        self.limits = limits
        self.activities = activities
        self.meetingAttendedPoints = meetingAttendedPoints
        self.dealCreatedPoints = dealCreatedPoints
        self.dealStages = dealStages
        self.emailReplies = emailReplies
        self.callDuration = callDuration
        self.objections = objections
    }
}

/// The service relationship score's rules.
public struct ServiceRules: Sendable, Equatable {
    /// The score of a contact that was never a customer, and the starting score of a previous customer.
    public var neutralScore: Double
    public var limits: ScoreLimits
    /// By `days_as_customer`, for a value above 0.
    public var tenure: TierTable
    /// By `average_csat`, for a value above 0.
    public var csat: TierTable
    /// By `nps_score`, for any value present (0 included).
    public var nps: TierTable
    /// By `support_ticket_count`, for a value above 0.
    public var supportTickets: TierTable
    /// By `product_usage_score`, for a value above 0.
    public var productUsage: TierTable
    /// Points for `expansion_revenue` above 0.
    public var expansionRevenuePoints: Double

    public init(neutralScore: Double, limits: ScoreLimits, tenure: TierTable, csat: TierTable,
                nps: TierTable, supportTickets: TierTable, productUsage: TierTable,
                expansionRevenuePoints: Double) {
        self.neutralScore = neutralScore
        self.limits = limits
        self.tenure = tenure
        self.csat = csat
        self.nps = nps
        self.supportTickets = supportTickets
        self.productUsage = productUsage
        self.expansionRevenuePoints = expansionRevenuePoints
    }
}

/// Industry lists, matched exactly (case-sensitive) on `industry`.
public struct IndustryRules: Sendable, Equatable {
    public var target: [String]
    public var targetPoints: Double
    public var secondary: [String]
    public var secondaryPoints: Double
    /// Points for any other non-empty industry.
    public var otherPoints: Double

    public init(target: [String], targetPoints: Double, secondary: [String], secondaryPoints: Double,
                otherPoints: Double) {
        self.target = target
        self.targetPoints = targetPoints
        self.secondary = secondary
        self.secondaryPoints = secondaryPoints
        self.otherPoints = otherPoints
    }
}

/// A company size band, matched on the label in `company_size` or on an employee count.
public struct CompanySizeBand: Sendable, Equatable {
    /// One of the `demographic.company_size.*` codes.
    public var code: FactorCode
    public var label: String
    /// The smallest employee count in the band; a band ends where the next larger one starts.
    public var minEmployees: Int
    public var points: Double

    public init(code: FactorCode, label: String, minEmployees: Int, points: Double) {
        self.code = code
        self.label = label
        self.minEmployees = minEmployees
        self.points = points
    }
}

/// Role tiers from `job_title` and `job_function`, checked in order:
/// executive title, senior title, target function, any other title.
///
/// Titles match case-insensitively on whole words: `Head` matches
/// `Head of Sales` but not `Headquarters`. A title phrase does not count
/// where an excluded phrase covers it, so `Vice President` is not the
/// executive `President`. Functions match exactly.
public struct RoleRules: Sendable, Equatable {
    public var executiveTitles: [String]
    public var executiveExcludedTitles: [String]
    public var executivePoints: Double
    public var seniorTitles: [String]
    public var seniorExcludedTitles: [String]
    public var seniorPoints: Double
    public var targetFunctions: [String]
    public var targetFunctionPoints: Double
    /// Points for a non-empty title that matched no tier.
    public var otherPoints: Double

    public init(executiveTitles: [String], executiveExcludedTitles: [String], executivePoints: Double,
                seniorTitles: [String], seniorExcludedTitles: [String], seniorPoints: Double,
                targetFunctions: [String], targetFunctionPoints: Double, otherPoints: Double) {
        self.executiveTitles = executiveTitles
        self.executiveExcludedTitles = executiveExcludedTitles
        self.executivePoints = executivePoints
        self.seniorTitles = seniorTitles
        self.seniorExcludedTitles = seniorExcludedTitles
        self.seniorPoints = seniorPoints
        self.targetFunctions = targetFunctions
        self.targetFunctionPoints = targetFunctionPoints
        self.otherPoints = otherPoints
    }
}

/// The demographic fit score's rules.
public struct DemographicRules: Sendable, Equatable {
    public var limits: ScoreLimits
    public var industries: IndustryRules
    /// Bands from the largest to the smallest.
    public var companySizes: [CompanySizeBand]
    /// By `annual_revenue`; a revenue of 0 or an absent one adds nothing.
    public var annualRevenue: TierTable
    public var roles: RoleRules
    public var decisionMakerPoints: Double

    public init(limits: ScoreLimits, industries: IndustryRules, companySizes: [CompanySizeBand],
                annualRevenue: TierTable, roles: RoleRules, decisionMakerPoints: Double) {
        self.limits = limits
        self.industries = industries
        self.companySizes = companySizes
        self.annualRevenue = annualRevenue
        self.roles = roles
        self.decisionMakerPoints = decisionMakerPoints
    }
}

/// The behavioral score's rules.
public struct BehavioralRules: Sendable, Equatable {
    public var limits: ScoreLimits
    /// By `engagement_recency` in days.
    public var recency: TierTable
    /// Points for a contact without `engagement_recency`, that is one that never engaged.
    public var neverEngagedPoints: Double
    /// By `engagement_frequency`, a fraction from 0 to 1; absent counts as 0.
    public var frequency: TierTable
    /// By `engagement_velocity`, from -1 to 1; absent counts as 0.
    public var velocity: TierTable

    public init(limits: ScoreLimits, recency: TierTable, neverEngagedPoints: Double,
                frequency: TierTable, velocity: TierTable) {
        self.limits = limits
        self.recency = recency
        self.neverEngagedPoints = neverEngagedPoints
        self.frequency = frequency
        self.velocity = velocity
    }
}
