/// The fixed shape of each tier table in a model file: its comparison, the key
/// of a tier's bound, and the tier codes from best to worst. The JSON
/// object of a table has one member per tier, named by the code's last segment.
struct TierTableLayout: Sendable {
    let comparison: TierTable.Comparison
    let boundKey: String
    let codes: [FactorCode]

    /// A description of the bound for error messages, such as `more than` or `at most`.
    var comparisonPhrase: String {
        switch comparison {
        case .moreThan: "more than"
        case .atLeast: "at least"
        case .atMost: "at most"
        }
    }

    static let callDuration = TierTableLayout(
        comparison: .moreThan, boundKey: "more_than_minutes",
        codes: [.salesCallLong, .salesCallMedium, .salesCallShort, .salesCallBrief])

    static let tenure = TierTableLayout(
        comparison: .moreThan, boundKey: "more_than_days",
        codes: [.serviceTenureLongTerm, .serviceTenureEstablished, .serviceTenureMaturing,
                .serviceTenureRecent, .serviceTenureNew])

    static let csat = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.serviceCSATExcellent, .serviceCSATGood, .serviceCSATAverage,
                .serviceCSATBelowAverage, .serviceCSATPoor])

    static let nps = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.serviceNPSPromoter, .serviceNPSPassive, .serviceNPSDetractor])

    static let supportTickets = TierTableLayout(
        comparison: .moreThan, boundKey: "more_than",
        codes: [.serviceTicketsHigh, .serviceTicketsModerate, .serviceTicketsLow])

    static let productUsage = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.serviceUsageHigh, .serviceUsageModerate, .serviceUsageLow])

    static let annualRevenue = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.demographicRevenueEnterprise, .demographicRevenueMidMarket,
                .demographicRevenueSMB, .demographicRevenueSmall])

    static let recency = TierTableLayout(
        comparison: .atMost, boundKey: "at_most_days",
        codes: [.behavioralRecencyVeryRecent, .behavioralRecencyWeek, .behavioralRecencyFortnight,
                .behavioralRecencyMonth, .behavioralRecencyQuarter, .behavioralRecencyStale])

    static let frequency = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.behavioralFrequencyVeryHigh, .behavioralFrequencyHigh, .behavioralFrequencyModerate,
                .behavioralFrequencyLow, .behavioralFrequencyVeryLow])

    static let velocity = TierTableLayout(
        comparison: .atLeast, boundKey: "at_least",
        codes: [.behavioralVelocityRapidlyIncreasing, .behavioralVelocityIncreasing,
                .behavioralVelocitySlightlyIncreasing, .behavioralVelocityStable,
                .behavioralVelocityDecreasing])

    /// The company size bands, from the largest; not a tier table, but keyed the same way.
    static let companySizeCodes: [FactorCode] = [
        .demographicSizeEnterprise, .demographicSizeMidMarket,
        .demographicSizeSmallBusiness, .demographicSizeStartup,
    ]
}
