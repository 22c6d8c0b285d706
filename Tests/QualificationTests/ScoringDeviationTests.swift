import Testing
@testable import Qualification

/// The deliberate deviations from the reference model, one test (or table) each.
@Suite struct ScoringDeviationTests {
    /// Deviation 1: an NPS of 0 is a detractor; the reference model skips it as missing.
    @Test func npsZeroIsDetractor() throws {
        let result = try score(#"{"previous_customer": true, "nps_score": 0}"#)
        #expect(result.factor(.serviceNPSDetractor)?.points == -15)
        #expect(result.components.service == 35)
    }

    @Test func absentNPSAddsNothing() throws {
        let result = try score(#"{"previous_customer": true}"#)
        #expect(result.codes(in: .service).isEmpty)
        #expect(result.components.service == 50)
    }

    /// Deviation 2: without `engagement_recency` the contact never engaged and
    /// gets no recency points; the reference model reads it as today (30 points).
    @Test func absentRecencyEarnsNoPoints() throws {
        let never = try score(#"{"engagement_velocity": -1}"#)
        #expect(never.factor(.behavioralRecencyNeverEngaged)?.points == 0)
        #expect(never.components.behavioral == 0)

        let today = try score(#"{"engagement_recency": 0, "engagement_velocity": -1}"#)
        #expect(today.factor(.behavioralRecencyVeryRecent)?.points == 30)
        #expect(today.components.behavioral == 30)
    }

    /// Deviation 3: titles match case-insensitively on whole words; "Vice
    /// President" is senior, "Product Owner" is not an owner.
    @Test(arguments: [
        ("ceo", FactorCode.demographicRoleExecutive),
        ("Chief of Staff to the CEO", .demographicRoleExecutive),
        ("Co-Founder", .demographicRoleExecutive),
        ("Business Owner", .demographicRoleExecutive),
        ("President", .demographicRoleExecutive),
        ("President and Vice President", .demographicRoleExecutive),
        ("Vice President of Sales", .demographicRoleSenior),
        ("vice-president, marketing", .demographicRoleSenior),
        ("director of marketing", .demographicRoleSenior),
        ("SENIOR MANAGER, SALES", .demographicRoleSenior),
        ("Senior-Manager", .demographicRoleSenior),
        ("Head of Operations", .demographicRoleSenior),
        ("VP", .demographicRoleSenior),
        ("Product Owner", .demographicRoleOther),
        ("Doctor", .demographicRoleOther),
        ("Headquarters Coordinator", .demographicRoleOther),
        ("Presidential Advisor", .demographicRoleOther),
        ("Senior Engineering Manager", .demographicRoleOther),
        ("MVP Coach", .demographicRoleOther),
    ])
    func titleMatchesWholeWords(title: String, expected: FactorCode) throws {
        let result = try score(#"{"job_title": "\#(title)", "job_function": "Finance"}"#)
        #expect(result.codes(in: .demographic) == [expected])
    }

    /// Deviation 4: rules look at every factor. The reference model keeps only
    /// the first two factors of each component, which would drop all of these.
    @Test func decisionMakerActionBeyondSecondFactor() throws {
        let result = try score(#"{"industry": "Retail", "company_size": "Startup (1-10 employees)", "decision_maker": true}"#)
        #expect(result.codes(in: .demographic).firstIndex(of: .demographicDecisionMaker) == 2)
        #expect(result.nextBestActions.contains("Prepare executive-focused messaging"))
    }

    @Test func highUsageActionBeyondSecondFactor() throws {
        let result = try score("""
        {"previous_customer": true, "days_as_customer": 400, "average_csat": 9, "nps_score": 9, "product_usage_score": 90}
        """)
        #expect(result.codes(in: .service).firstIndex(of: .serviceUsageHigh) == 3)
        #expect(result.nextBestActions.contains("Highlight new features relevant to their usage patterns"))
    }

    @Test func executiveContentBeyondSecondFactor() throws {
        let result = try score(#"{"industry": "Construction", "company_size": 50, "annual_revenue": 5000000, "job_title": "CFO"}"#)
        #expect(result.codes(in: .demographic).firstIndex(of: .demographicRoleExecutive) == 3)
        #expect(result.recommendedContent == ["Executive Business Impact Report", "Strategic Roadmap Template"])
    }

    @Test func enterpriseCaseStudyFromRevenueBeyondSecondFactor() throws {
        let result = try score(#"{"industry": "Construction", "company_size": 5, "annual_revenue": 200000000}"#)
        #expect(result.personalization.featuredCaseStudy == "enterprise_case_study")
    }

    /// Deviation 5: very high engagement frequency counts as high engagement.
    @Test func veryHighFrequencyIsHighEngagement() throws {
        let veryHigh = try score(#"{"engagement_recency": 1, "engagement_frequency": 0.9}"#)
        #expect(veryHigh.factor(.behavioralFrequencyVeryHigh) != nil)
        #expect(veryHigh.recommendedContent == ["Product Deep Dive Webinar", "Advanced Features Guide"])

        let high = try score(#"{"engagement_recency": 1, "engagement_frequency": 0.7}"#)
        #expect(high.recommendedContent == ["Product Deep Dive Webinar", "Advanced Features Guide"])
    }

    /// Deviation 6: deal stages accept HubSpot internal ids as well as labels.
    @Test(arguments: [
        ("appointmentscheduled", 5.0), ("qualifiedtobuy", 15.0), ("presentationscheduled", 20.0),
        ("decisionmakerboughtin", 30.0), ("contractsent", 40.0), ("closedwon", 50.0), ("closedlost", 0.0),
    ])
    func dealStageInternalID(id: String, points: Double) throws {
        let byID = try score(#"{"deal_stage": "\#(id)"}"#)
        #expect(byID.components.sales == points)
        #expect(byID.factor(.salesDealStage)?.points == (points == 0 ? nil : points))
    }

    @Test func dealStageIDAndLabelAgree() throws {
        let byID = try score(#"{"deal_stage": "contractsent"}"#)
        let byLabel = try score(#"{"deal_stage": "Contract Sent"}"#)
        #expect(byID.factors == byLabel.factors)
        #expect(byID.detail(.salesDealStage) == "Deal stage Contract Sent")
    }

    /// Deviation 6: company size accepts an employee count: 1-10 startup,
    /// 11-100 small business, 101-999 mid-market, 1000+ enterprise.
    @Test(arguments: [
        (0, nil), (-5, nil), (1, FactorCode.demographicSizeStartup), (10, .demographicSizeStartup),
        (11, .demographicSizeSmallBusiness), (100, .demographicSizeSmallBusiness),
        (101, .demographicSizeMidMarket), (999, .demographicSizeMidMarket),
        (1000, .demographicSizeEnterprise), (250_000, .demographicSizeEnterprise),
    ])
    func companySizeEmployeeCount(employees: Int, expected: FactorCode?) throws {
        let result = try score(#"{"company_size": \#(employees)}"#)
        #expect(result.codes(in: .demographic) == (expected.map { [$0] } ?? []))
    }

    @Test func employeeCountScoresLikeBandLabel() throws {
        let count = try score(#"{"company_size": 250}"#)
        let label = try score(#"{"company_size": "Mid-Market (101-999 employees)"}"#)
        #expect(count.components.demographic == 25)
        #expect(label.components.demographic == 25)
        #expect(count.detail(.demographicSizeMidMarket) == "Company size 250 employees (Mid-Market (101-999 employees))")
    }
}
