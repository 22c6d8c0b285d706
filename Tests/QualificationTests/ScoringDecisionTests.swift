import Testing
@testable import Qualification

@Suite struct ScoringDecisionTests {
    @Test(arguments: [
        (QualificationStatus.salesQualifiedLead, ["Assign to sales representative", "Schedule discovery call", "Send personalized outreach email"]),
        (.marketingQualifiedLead, ["Enroll in high-touch nurture campaign", "Invite to upcoming webinar", "Send case study relevant to industry"]),
        (.lead, ["Enroll in educational nurture campaign", "Send industry-specific content", "Monitor for increased engagement"]),
        (.subscriber, ["Enroll in awareness nurture campaign", "Send top-of-funnel content", "Monitor for website activity"]),
    ])
    func actionsByStatus(status: QualificationStatus, expected: [String]) {
        #expect(Scorer.default.nextBestActions(status: status, present: FactorCodeSet(), textIDs: TextIDs()) == expected)
    }

    @Test func factorActionsFollowStatusActions() throws {
        let result = try score(#"{"decision_maker": true, "previous_customer": true, "product_usage_score": 95}"#)
        #expect(result.nextBestActions == [
            "Enroll in awareness nurture campaign", "Send top-of-funnel content", "Monitor for website activity",
            "Prepare executive-focused messaging", "Highlight new features relevant to their usage patterns",
        ])
    }

    @Test func contentTakesFirstMatchOfEachGroupAndKeepsThree() throws {
        let result = try score(#"{"industry": "Healthcare", "job_title": "VP Sales", "engagement_recency": 1, "engagement_frequency": 0.9}"#)
        #expect(result.recommendedContent == ["Healthcare Compliance Whitepaper", "Patient Experience Case Study",
                                              "Department Leader's Playbook"])
    }

    @Test func contentFallbackWhenNothingMatches() throws {
        let result = try score(#"{"industry": "Media", "job_title": "Analyst"}"#)
        #expect(result.recommendedContent == ["Product Overview", "Customer Success Stories", "Industry Benchmark Report"])
    }

    @Test(arguments: [
        ("Technology", ["Technology Industry Solution Guide", "Tech ROI Calculator"]),
        ("Healthcare", ["Healthcare Compliance Whitepaper", "Patient Experience Case Study"]),
        ("Financial Services", ["Financial Services Security Brief", "Banking Digital Transformation Guide"]),
    ])
    func industryContent(industry: String, expected: [String]) throws {
        #expect(try score(#"{"industry": "\#(industry)"}"#).recommendedContent == expected)
    }

    @Test func contentFocusPerComponentWithFactors() throws {
        let all = try score(#"{"lead_score": 10, "meeting_showed": true}"#)
        #expect(all.personalization.contentFocus == ["marketing_automation", "sales_enablement", "customer_service"])

        // A customer without service data has no service factor.
        let none = try score(#"{"previous_customer": true}"#)
        #expect(none.personalization.contentFocus == [])
    }

    @Test(arguments: [
        (#""industry": "Healthcare", "company_size": "Enterprise (1000+ employees)""#, "healthcare_provider_case_study"),
        (#""industry": "Financial Services""#, "financial_services_case_study"),
        (#""industry": "Retail", "company_size": 5000"#, "enterprise_case_study"),
        (#""annual_revenue": 150000000"#, "enterprise_case_study"),
        (#""industry": "Retail""#, "general_case_study"),
    ])
    func caseStudyFirstMatch(fields: String, expected: String) throws {
        #expect(try score("{\(fields)}").personalization.featuredCaseStudy == expected)
    }

    @Test func selectorValueMatchesOnlyItsFactor() throws {
        // "Healthcare" as a job title must not select the healthcare rules.
        let result = try score(#"{"job_title": "Healthcare", "industry": "Retail"}"#)
        #expect(result.personalization.featuredCaseStudy == "general_case_study")
    }
}
