import Testing
@testable import Qualification

/// Each rule at and next to its thresholds, caps and floors, one component at a time.
@Suite struct ScoringComponentBoundaryTests {
    @Test(arguments: [
        (#""lead_score": 1"#, 0.5), (#""lead_score": 99"#, 49.5), (#""lead_score": 100"#, 50.0),
        (#""num_form_submissions": 1"#, 5.0), (#""num_form_submissions": 3"#, 15.0), (#""num_form_submissions": 4"#, 15.0),
        (#""content_downloads": 2"#, 10.0), (#""content_downloads": 3"#, 15.0), (#""content_downloads": 9"#, 15.0),
        (#""email_open_rate": 0.2"#, 0.0), (#""email_open_rate": 0.2000001"#, 5.0),
        (#""email_click_rate": 0.1"#, 0.0), (#""email_click_rate": 0.1000001"#, 10.0),
        (#""high_value_page_visits": 1"#, 3.0), (#""high_value_page_visits": 5"#, 15.0), (#""high_value_page_visits": 6"#, 15.0),
        (#""marketing_qualified_lead": true"#, 20.0), (#""marketing_qualified_lead": false"#, 0.0),
    ])
    func marketingRule(fields: String, expected: Double) throws {
        #expect(try score("{\(fields)}").components.marketing == expected)
    }

    @Test func marketingCapsAt100() throws {
        let result = try score("""
        {"lead_score": 100, "marketing_qualified_lead": true, "num_form_submissions": 3, "content_downloads": 3,
         "email_open_rate": 0.5, "email_click_rate": 0.5, "high_value_page_visits": 5}
        """)
        #expect(result.factors.filter { $0.component == .marketing }.map(\.points).reduce(0, +) == 130)
        #expect(result.components.marketing == 100)
    }

    @Test(arguments: [
        (#""num_sales_activities": 3"#, 15.0), (#""num_sales_activities": 4"#, 20.0), (#""num_sales_activities": 5"#, 20.0),
        (#""meeting_showed": true"#, 25.0), (#""deal_created": true"#, 20.0),
        (#""sales_email_replies": 3"#, 15.0), (#""sales_email_replies": 4"#, 15.0),
        (#""sales_call_duration": 0"#, 0.0), (#""sales_call_duration": 1"#, 5.0), (#""sales_call_duration": 5"#, 5.0),
        (#""sales_call_duration": 6"#, 10.0), (#""sales_call_duration": 15"#, 10.0), (#""sales_call_duration": 16"#, 15.0),
        (#""sales_call_duration": 30"#, 15.0), (#""sales_call_duration": 31"#, 20.0),
        (#""deal_stage": "Appointment Scheduled""#, 5.0), (#""deal_stage": "Qualified to Buy""#, 15.0),
        (#""deal_stage": "Presentation Scheduled""#, 20.0), (#""deal_stage": "Decision Maker Bought-In""#, 30.0),
        (#""deal_stage": "Contract Sent""#, 40.0), (#""deal_stage": "Closed Won""#, 50.0),
        (#""deal_stage": "Closed Lost""#, 0.0), (#""deal_stage": "contract sent""#, 0.0),
        (#""num_sales_activities": 4, "objections_raised": 1"#, 15.0),
        (#""num_sales_activities": 4, "objections_raised": 3"#, 5.0),
        (#""num_sales_activities": 4, "objections_raised": 4"#, 5.0),
        (#""objections_raised": 2"#, 0.0),
    ])
    func salesRule(fields: String, expected: Double) throws {
        #expect(try score("{\(fields)}").components.sales == expected)
    }

    @Test func salesCapsAt100() throws {
        let result = try score(#"{"num_sales_activities": 4, "meeting_showed": true, "deal_created": true, "deal_stage": "Closed Won"}"#)
        #expect(result.components.sales == 100)
    }

    @Test func objectionsAloneFloorAtZero() throws {
        let result = try score(#"{"objections_raised": 3}"#)
        #expect(result.factor(.salesObjections)?.points == -15)
        #expect(result.components.sales == 0)
    }

    @Test(arguments: [
        (#""days_as_customer": 0"#, 50.0), (#""days_as_customer": 90"#, 50.0), (#""days_as_customer": 91"#, 55.0),
        (#""days_as_customer": 180"#, 55.0), (#""days_as_customer": 181"#, 60.0), (#""days_as_customer": 365"#, 60.0),
        (#""days_as_customer": 366"#, 65.0), (#""days_as_customer": 730"#, 65.0), (#""days_as_customer": 731"#, 70.0),
        (#""average_csat": 4.99"#, 30.0), (#""average_csat": 5"#, 40.0), (#""average_csat": 6.99"#, 40.0),
        (#""average_csat": 7"#, 55.0), (#""average_csat": 7.99"#, 55.0), (#""average_csat": 8"#, 65.0),
        (#""average_csat": 8.99"#, 65.0), (#""average_csat": 9"#, 70.0), (#""average_csat": 0"#, 50.0),
        (#""nps_score": 6"#, 35.0), (#""nps_score": 7"#, 60.0), (#""nps_score": 8"#, 60.0), (#""nps_score": 9"#, 70.0),
        (#""nps_score": 10"#, 70.0),
        (#""support_ticket_count": 5"#, 50.0), (#""support_ticket_count": 6"#, 45.0),
        (#""support_ticket_count": 10"#, 45.0), (#""support_ticket_count": 11"#, 35.0),
        (#""product_usage_score": 49"#, 50.0), (#""product_usage_score": 50"#, 60.0),
        (#""product_usage_score": 79"#, 60.0), (#""product_usage_score": 80"#, 70.0),
        (#""expansion_revenue": 0.01"#, 65.0), (#""expansion_revenue": 0"#, 50.0),
    ])
    func serviceRuleForCustomer(fields: String, expected: Double) throws {
        #expect(try score(#"{"previous_customer": true, \#(fields)}"#).components.service == expected)
    }

    @Test func serviceCapsAt100AndFloorsAtZero() throws {
        let best = try score("""
        {"previous_customer": true, "days_as_customer": 800, "average_csat": 9.5, "nps_score": 10,
         "product_usage_score": 90, "expansion_revenue": 1000}
        """)
        #expect(best.components.service == 100)

        let worst = try score(#"{"previous_customer": true, "average_csat": 1, "nps_score": 1, "support_ticket_count": 20}"#)
        #expect(worst.components.service == 0)
    }

    @Test(arguments: [
        (#""industry": "Retail""#, 25.0), (#""industry": "Media""#, 15.0), (#""industry": "Construction""#, 5.0),
        (#""industry": """#, 0.0), (#""industry": "retail""#, 5.0),
        (#""company_size": "Enterprise (1000+ employees)""#, 25.0), (#""company_size": "Mid-Market (101-999 employees)""#, 25.0),
        (#""company_size": "Small Business (11-100 employees)""#, 15.0), (#""company_size": "Startup (1-10 employees)""#, 10.0),
        (#""company_size": "Huge""#, 0.0),
        (#""annual_revenue": 0"#, 0.0), (#""annual_revenue": -1"#, 5.0), (#""annual_revenue": 999999"#, 5.0),
        (#""annual_revenue": 1000000"#, 15.0), (#""annual_revenue": 9999999"#, 15.0), (#""annual_revenue": 10000000"#, 20.0),
        (#""annual_revenue": 99999999"#, 20.0), (#""annual_revenue": 100000000"#, 25.0),
        (#""job_title": "CEO""#, 25.0), (#""job_title": "Director of Sales""#, 20.0),
        (#""job_title": "Analyst", "job_function": "IT""#, 15.0), (#""job_function": "IT""#, 15.0),
        (#""job_title": "Analyst", "job_function": "Finance""#, 5.0), (#""job_function": "Finance""#, 0.0),
        (#""decision_maker": true"#, 25.0),
    ])
    func demographicRule(fields: String, expected: Double) throws {
        #expect(try score("{\(fields)}").components.demographic == expected)
    }

    @Test func demographicCapsAt100() throws {
        let result = try score("""
        {"industry": "Retail", "company_size": "Enterprise (1000+ employees)", "annual_revenue": 200000000,
         "job_title": "CEO", "decision_maker": true}
        """)
        #expect(result.components.demographic == 100)
    }

    /// Behavioral points are recency + frequency + velocity; absent frequency and
    /// velocity count as 0, which earns 0 and 10 points.
    @Test(arguments: [
        (-3, 40.0), (0, 40.0), (1, 40.0), (2, 35.0), (7, 35.0), (8, 30.0), (14, 30.0), (15, 25.0),
        (30, 25.0), (31, 15.0), (90, 15.0), (91, 10.0), (365, 10.0),
    ])
    func behavioralRecency(days: Int, expected: Double) throws {
        #expect(try score(#"{"engagement_recency": \#(days)}"#).components.behavioral == expected)
    }

    @Test(arguments: [
        (0.19, 0.0), (0.2, 10.0), (0.39, 10.0), (0.4, 15.0), (0.59, 15.0), (0.6, 25.0), (0.79, 25.0), (0.8, 30.0), (1.0, 30.0),
    ])
    func behavioralFrequency(frequency: Double, expected: Double) throws {
        let result = try score(#"{"engagement_recency": 200, "engagement_frequency": \#(frequency), "engagement_velocity": -1}"#)
        #expect(result.components.behavioral == expected)
    }

    @Test(arguments: [
        (-0.01, 0.0), (0.0, 10.0), (0.19, 10.0), (0.2, 20.0), (0.49, 20.0), (0.5, 30.0), (0.79, 30.0), (0.8, 40.0),
    ])
    func behavioralVelocity(velocity: Double, expected: Double) throws {
        let result = try score(#"{"engagement_recency": 200, "engagement_velocity": \#(velocity)}"#)
        #expect(result.components.behavioral == expected)
    }

    @Test func behavioralMaximumIs100() throws {
        let result = try score(#"{"engagement_recency": 0, "engagement_frequency": 1, "engagement_velocity": 1}"#)
        #expect(result.components.behavioral == 100)
    }
}
