import Testing
@testable import Qualification

/// Behaviours of the reference model that are kept on purpose, though they may surprise.
@Suite struct ScoringQuirkTests {
    /// The absent fields that score, as `LeadFeatures` documents them.
    @Test func emptyDocumentScoresDefaults() throws {
        let result = try score("{}")
        #expect(result.components == ComponentScores(marketing: 0, sales: 0, service: 50, demographic: 0, behavioral: 10))
        #expect(result.factors.map(\.code) == [
            .serviceNoPreviousCustomer, .behavioralRecencyNeverEngaged, .behavioralFrequencyVeryLow,
            .behavioralVelocityStable,
        ])
        #expect(result.factor(.behavioralVelocityStable)?.points == 10)
        #expect(result.factor(.behavioralRecencyNeverEngaged)?.points == 0)
        #expect(result.factor(.behavioralFrequencyVeryLow)?.points == 0)
    }

    @Test func zeroRevenueScoresNothing() throws {
        let result = try score(#"{"annual_revenue": 0}"#)
        #expect(result.factors.filter { $0.component == .demographic }.isEmpty)
        #expect(result.components.demographic == 0)
    }

    @Test func zeroLeadScoreAddsNoFactor() throws {
        let result = try score(#"{"lead_score": 0}"#)
        #expect(result.factor(.marketingLeadScore) == nil)
    }

    @Test func negativeLeadScoreMakesMarketingNegative() throws {
        let result = try score(#"{"lead_score": -40, "marketing_qualified_lead": true}"#)
        #expect(result.components.marketing == 0)
        let lower = try score(#"{"lead_score": -40}"#)
        #expect(lower.factor(.marketingLeadScore)?.points == -20)
        #expect(lower.components.marketing == -20)
    }

    @Test func pageViewsDoNotScore() throws {
        let result = try score(#"{"num_page_views": 500}"#)
        #expect(result.components.marketing == 0)
        #expect(result.factors.filter { $0.component == .marketing }.isEmpty)
    }

    @Test func nonCustomerIgnoresServiceData() throws {
        let result = try score("""
        {"previous_customer": false, "days_as_customer": 800, "average_csat": 2, "nps_score": 1, "support_ticket_count": 30}
        """)
        #expect(result.codes(in: .service) == [.serviceNoPreviousCustomer])
        #expect(result.components.service == 50)
        let absent = try score(#"{"average_csat": 2}"#)
        #expect(absent.components.service == 50)
    }

    @Test func closedLostAddsNoFactor() throws {
        let result = try score(#"{"deal_stage": "Closed Lost", "deal_created": true}"#)
        #expect(result.codes(in: .sales) == [.salesDealCreated])
    }

    @Test func labelsAndListsMatchExactly() throws {
        #expect(try score(#"{"deal_stage": "closed won"}"#).components.sales == 0)
        #expect(try score(#"{"industry": "technology"}"#).factor(.demographicIndustryOther) != nil)
        #expect(try score(#"{"job_function": "marketing"}"#).components.demographic == 0)
        #expect(try score(#"{"company_size": "enterprise (1000+ employees)"}"#).components.demographic == 0)
    }

    /// The role tiers are checked in order and the first match wins.
    @Test(arguments: [
        (#""job_title": "VP and CEO""#, FactorCode.demographicRoleExecutive),
        (#""job_title": "Director", "job_function": "Marketing""#, .demographicRoleSenior),
        (#""job_title": "Analyst", "job_function": "Marketing""#, .demographicRoleTargetFunction),
        (#""job_title": "", "job_function": "Sales""#, .demographicRoleTargetFunction),
    ])
    func roleFirstMatchWins(fields: String, expected: FactorCode) throws {
        #expect(try score("{\(fields)}").codes(in: .demographic) == [expected])
    }

    @Test func nonTargetFunctionWithoutTitleScoresNothing() throws {
        #expect(try score(#"{"job_function": "Finance"}"#).codes(in: .demographic).isEmpty)
    }

    @Test func negativeRecencyIsVeryRecent() throws {
        #expect(try score(#"{"engagement_recency": -3}"#).factor(.behavioralRecencyVeryRecent) != nil)
    }

    @Test func nonPositiveCSATAddsNothing() throws {
        #expect(try score(#"{"previous_customer": true, "average_csat": -2}"#).codes(in: .service).isEmpty)
    }

    /// Only the low frequency tier counts as low engagement; very low does not.
    @Test func veryLowFrequencyIsNotLowEngagement() throws {
        let low = try score(#"{"engagement_recency": 1, "engagement_frequency": 0.3}"#)
        #expect(low.recommendedContent == ["Industry Trends Report", "Quick Start Guide"])
        let veryLow = try score(#"{"engagement_recency": 1, "engagement_frequency": 0.1}"#)
        #expect(veryLow.recommendedContent == ["Product Overview", "Customer Success Stories", "Industry Benchmark Report"])
    }

    /// The default model has no rule for previous customers: the reference
    /// model's rule for them matches no factor text, so it never adds its action.
    @Test func previousCustomerAddsNoAction() throws {
        let result = try score(#"{"previous_customer": true, "days_as_customer": 800}"#)
        #expect(result.nextBestActions == ["Enroll in awareness nurture campaign", "Send top-of-funnel content",
                                           "Monitor for website activity"])
    }
}
