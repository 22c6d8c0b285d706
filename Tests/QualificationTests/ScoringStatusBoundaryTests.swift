import Testing
@testable import Qualification

@Suite struct ScoringStatusBoundaryTests {
    @Test(arguments: [
        (-5, QualificationStatus.subscriber), (0, .subscriber), (39, .subscriber), (40, .lead), (59, .lead),
        (60, .marketingQualifiedLead), (79, .marketingQualifiedLead), (80, .salesQualifiedLead), (100, .salesQualifiedLead),
    ])
    func statusThresholds(score: Int, expected: QualificationStatus) {
        #expect(Scorer.default.status(for: score) == expected)
    }

    @Test(arguments: [
        (-5, NurtureTrack.standard), (49, .standard), (50, .highPotential), (79, .highPotential),
        (80, .salesHandoff), (100, .salesHandoff),
    ])
    func nurtureThresholds(score: Int, expected: NurtureTrack) {
        #expect(Scorer.default.nurtureTrack(for: score) == expected)
    }

    @Test(arguments: [
        (QualificationStatus.subscriber, "Marketing Automation"),
        (.lead, "Marketing Team"),
        (.marketingQualifiedLead, "Sales Development Representative"),
        (.salesQualifiedLead, "Sales Representative"),
    ])
    func ownerByStatus(status: QualificationStatus, owner: String) {
        #expect(ScoringModel.default.owners[status] == owner)
    }

    /// Tone thresholds are the model's own (80 and 60), checked against the unified score.
    @Test(arguments: [
        (59, "educational", "download_guide"), (60, "consultative", "request_assessment"),
        (79, "consultative", "request_assessment"), (80, "direct_and_urgent", "schedule_meeting"),
    ])
    func toneThresholds(score: Int, tone: String, callToAction: String) {
        let personalization = Scorer.default.personalization(score: score, present: FactorCodeSet(), textIDs: TextIDs())
        #expect(personalization.messageTone == tone)
        #expect(personalization.callToAction == callToAction)
    }

    /// End to end: a unified score of exactly 79.5 rounds to 80 and makes an SQL.
    @Test func tieAtSQLThresholdQualifies() throws {
        // 25 + 23 + 7.5 + 15 + 9 = 79.5, exact in doubles.
        let components = ComponentScores(marketing: 100, sales: 92, service: 50, demographic: 100, behavioral: 45)
        let score = Scorer.default.unifiedScore(components)
        #expect(score == 80)
        #expect(Scorer.default.status(for: score) == .salesQualifiedLead)
        #expect(Scorer.default.nurtureTrack(for: score) == .salesHandoff)
    }

    /// End to end from features: 79 stays a marketing qualified lead.
    @Test func scoreJustBelowSQLThreshold() throws {
        let result = try score("""
        {"lead_score": 100, "marketing_qualified_lead": true, "num_form_submissions": 3,
         "content_downloads": 3, "email_open_rate": 0.5, "email_click_rate": 0.5, "high_value_page_visits": 5,
         "num_sales_activities": 4, "meeting_showed": true, "deal_created": true, "deal_stage": "Closed Won",
         "industry": "Technology", "company_size": "Enterprise (1000+ employees)", "annual_revenue": 100000000,
         "job_title": "CEO", "decision_maker": true,
         "engagement_recency": 3, "engagement_frequency": 0.5, "engagement_velocity": 0.1}
        """)
        // 25 + 25 + 7.5 + 15 + 0.2 × (25 + 15 + 10) = 82.5.
        #expect(result.score == 83)
        #expect(result.status == .salesQualifiedLead)
        let lower = try score("""
        {"lead_score": 100, "marketing_qualified_lead": true, "num_form_submissions": 3,
         "content_downloads": 3, "email_open_rate": 0.5, "email_click_rate": 0.5, "high_value_page_visits": 5,
         "num_sales_activities": 4, "meeting_showed": true, "deal_created": true, "deal_stage": "Closed Won",
         "industry": "Technology", "company_size": "Enterprise (1000+ employees)", "annual_revenue": 100000000,
         "job_title": "CEO", "decision_maker": true,
         "engagement_recency": 14, "engagement_frequency": 0.1, "engagement_velocity": 0.1}
        """)
        // 25 + 25 + 7.5 + 15 + 0.2 × (20 + 0 + 10) = 78.5.
        #expect(lower.components.behavioral == 30)
        #expect(lower.score == 79)
        #expect(lower.status == .marketingQualifiedLead)
        #expect(lower.nurtureTrack == .highPotential)
    }
}
