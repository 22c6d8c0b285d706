/// The stable, machine-readable name of a scoring factor, such as
/// `sales.objections` or `behavioral.frequency.very_high`.
///
/// A code is `component.rule` or `component.rule.tier`. Codes never change
/// meaning between releases: rule tables in model files and downstream
/// consumers refer to them. The case order is the order in which the scorer
/// evaluates the rules, which is the order of `QualificationResult.factors`.
public enum FactorCode: UInt8, Sendable, CaseIterable, Comparable {
    case marketingLeadScore
    case marketingQualifiedLead
    case marketingFormSubmissions
    case marketingContentDownloads
    case marketingEmailOpenRate
    case marketingEmailClickRate
    case marketingHighValuePageVisits

    case salesActivities
    case salesMeetingAttended
    case salesDealCreated
    case salesDealStage
    case salesEmailReplies
    case salesCallLong
    case salesCallMedium
    case salesCallShort
    case salesCallBrief
    case salesObjections

    case serviceNoPreviousCustomer
    case serviceTenureLongTerm
    case serviceTenureEstablished
    case serviceTenureMaturing
    case serviceTenureRecent
    case serviceTenureNew
    case serviceCSATExcellent
    case serviceCSATGood
    case serviceCSATAverage
    case serviceCSATBelowAverage
    case serviceCSATPoor
    case serviceNPSPromoter
    case serviceNPSPassive
    case serviceNPSDetractor
    case serviceTicketsHigh
    case serviceTicketsModerate
    case serviceTicketsLow
    case serviceUsageHigh
    case serviceUsageModerate
    case serviceUsageLow
    case serviceExpansionRevenue

    case demographicIndustryTarget
    case demographicIndustrySecondary
    case demographicIndustryOther
    case demographicSizeEnterprise
    case demographicSizeMidMarket
    case demographicSizeSmallBusiness
    case demographicSizeStartup
    case demographicRevenueEnterprise
    case demographicRevenueMidMarket
    case demographicRevenueSMB
    case demographicRevenueSmall
    case demographicRoleExecutive
    case demographicRoleSenior
    case demographicRoleTargetFunction
    case demographicRoleOther
    case demographicDecisionMaker

    case behavioralRecencyVeryRecent
    case behavioralRecencyWeek
    case behavioralRecencyFortnight
    case behavioralRecencyMonth
    case behavioralRecencyQuarter
    case behavioralRecencyStale
    case behavioralRecencyNeverEngaged
    case behavioralFrequencyVeryHigh
    case behavioralFrequencyHigh
    case behavioralFrequencyModerate
    case behavioralFrequencyLow
    case behavioralFrequencyVeryLow
    case behavioralVelocityRapidlyIncreasing
    case behavioralVelocityIncreasing
    case behavioralVelocitySlightlyIncreasing
    case behavioralVelocityStable
    case behavioralVelocityDecreasing

    /// The dotted code, for example `service.nps.detractor`.
    public var name: String { FactorCode.names[Int(rawValue)] }

    /// The component whose score the factor changes.
    public var component: ScoreComponent {
        switch self {
        case .marketingLeadScore ... .marketingHighValuePageVisits: .marketing
        case .salesActivities ... .salesObjections: .sales
        case .serviceNoPreviousCustomer ... .serviceExpansionRevenue: .service
        case .demographicIndustryTarget ... .demographicDecisionMaker: .demographic
        default: .behavioral
        }
    }

    /// Returns the code with this dotted name, or nil for an unknown name.
    public init?(name: String) {
        guard let code = FactorCode.byName[name] else { return nil }
        self = code
    }

    /// Returns every code whose name is `prefix` or starts with `prefix` and a dot,
    /// in case order: `sales.call_duration` selects the four call tiers and `sales`
    /// the whole component. Empty when nothing matches.
    public static func codes(under prefix: String) -> [FactorCode] {
        allCases.filter { $0.name == prefix || $0.name.hasPrefix(prefix + ".") }
    }

    public static func < (lhs: FactorCode, rhs: FactorCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    private static let names: [String] = [
        "marketing.lead_score",
        "marketing.mql",
        "marketing.form_submissions",
        "marketing.content_downloads",
        "marketing.email_open_rate",
        "marketing.email_click_rate",
        "marketing.high_value_page_visits",

        "sales.activities",
        "sales.meeting_attended",
        "sales.deal_created",
        "sales.deal_stage",
        "sales.email_replies",
        "sales.call_duration.long",
        "sales.call_duration.medium",
        "sales.call_duration.short",
        "sales.call_duration.brief",
        "sales.objections",

        "service.no_previous_customer",
        "service.tenure.long_term",
        "service.tenure.established",
        "service.tenure.maturing",
        "service.tenure.recent",
        "service.tenure.new",
        "service.csat.excellent",
        "service.csat.good",
        "service.csat.average",
        "service.csat.below_average",
        "service.csat.poor",
        "service.nps.promoter",
        "service.nps.passive",
        "service.nps.detractor",
        "service.support_tickets.high",
        "service.support_tickets.moderate",
        "service.support_tickets.low",
        "service.product_usage.high",
        "service.product_usage.moderate",
        "service.product_usage.low",
        "service.expansion_revenue",

        "demographic.industry.target",
        "demographic.industry.secondary",
        "demographic.industry.other",
        "demographic.company_size.enterprise",
        "demographic.company_size.mid_market",
        "demographic.company_size.small_business",
        "demographic.company_size.startup",
        "demographic.revenue.enterprise",
        "demographic.revenue.mid_market",
        "demographic.revenue.smb",
        "demographic.revenue.small",
        "demographic.role.executive",
        "demographic.role.senior",
        "demographic.role.target_function",
        "demographic.role.other",
        "demographic.decision_maker",

        "behavioral.recency.very_recent",
        "behavioral.recency.week",
        "behavioral.recency.fortnight",
        "behavioral.recency.month",
        "behavioral.recency.quarter",
        "behavioral.recency.stale",
        "behavioral.recency.never_engaged",
        "behavioral.frequency.very_high",
        "behavioral.frequency.high",
        "behavioral.frequency.moderate",
        "behavioral.frequency.low",
        "behavioral.frequency.very_low",
        "behavioral.velocity.rapidly_increasing",
        "behavioral.velocity.increasing",
        "behavioral.velocity.slightly_increasing",
        "behavioral.velocity.stable",
        "behavioral.velocity.decreasing",
    ]

    private static let byName: [String: FactorCode] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) }
    )

    /// The last segment of the name: the tier key a model file uses (`very_high`).
    var tierKey: Substring {
        let name = self.name
        guard let dot = name.lastIndex(of: ".") else { return Substring(name) }
        return name[name.index(after: dot)...]
    }
}

/// A set of factor codes, as a 128-bit mask, so that rule matching costs a few instructions.
struct FactorCodeSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    init<Codes: Sequence>(_ codes: Codes) where Codes.Element == FactorCode {
        for code in codes {
            insert(code)
        }
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    mutating func insert(_ code: FactorCode) {
        let bit = Int(code.rawValue)
        if bit < 64 {
            low |= 1 << UInt64(bit)
        } else {
            high |= 1 << UInt64(bit - 64)
        }
    }

    func contains(_ code: FactorCode) -> Bool {
        let bit = Int(code.rawValue)
        return bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }

    func intersects(_ other: FactorCodeSet) -> Bool {
        low & other.low != 0 || high & other.high != 0
    }
}
