import Foundation
import Testing
@testable import Qualification

@Suite struct ScoringExplanationTests {
    static let richDocument = """
    {"contact_id": "c-42", "lead_score": 45, "marketing_qualified_lead": true, "num_form_submissions": 2,
     "num_sales_activities": 2, "meeting_showed": true, "deal_stage": "Qualified to Buy", "objections_raised": 2,
     "sales_call_duration": 20, "previous_customer": true, "nps_score": 4, "industry": "Media",
     "company_size": "Small Business (11-100 employees)", "job_title": "Head of IT", "engagement_recency": 10,
     "engagement_frequency": 0.5, "engagement_velocity": 0.3}
    """

    @Test func factorsInRuleOrderWithPoints() throws {
        let result = try score(Self.richDocument)
        let expected: [(FactorCode, Double)] = [
            (.marketingLeadScore, 22.5), (.marketingQualifiedLead, 20), (.marketingFormSubmissions, 10),
            (.salesActivities, 10), (.salesMeetingAttended, 25), (.salesDealStage, 15), (.salesCallMedium, 15),
            (.salesObjections, -10),
            (.serviceNPSDetractor, -15),
            (.demographicIndustrySecondary, 15), (.demographicSizeSmallBusiness, 15), (.demographicRoleSenior, 20),
            (.behavioralRecencyFortnight, 20), (.behavioralFrequencyModerate, 15), (.behavioralVelocitySlightlyIncreasing, 20),
        ]
        #expect(result.factors.map(\.code) == expected.map(\.0))
        #expect(result.factors.map(\.points) == expected.map(\.1))
    }

    @Test func factorComponentsAndCodes() throws {
        let result = try score(Self.richDocument)
        let objections = try #require(result.factor(.salesObjections))
        #expect(objections.component == .sales)
        #expect(objections.code.name == "sales.objections")
        #expect(FactorCode(name: "sales.objections") == .salesObjections)
        #expect(FactorCode(name: "sales.objection") == nil)
    }

    @Test func factorDetails() throws {
        let result = try score(Self.richDocument)
        let details = Dictionary(uniqueKeysWithValues: result.factors.map { ($0.code, result.detail(of: $0)) })
        #expect(details[.marketingLeadScore] == "Lead score 45")
        #expect(details[.marketingFormSubmissions] == "2 form submissions")
        #expect(details[.salesDealStage] == "Deal stage Qualified to Buy")
        #expect(details[.salesCallMedium] == "Sales call time 20 minutes (medium)")
        #expect(details[.salesObjections] == "2 objections raised")
        #expect(details[.serviceNPSDetractor] == "NPS 4 (detractor)")
        #expect(details[.demographicIndustrySecondary] == "Secondary industry Media")
        #expect(details[.demographicRoleSenior] == "Senior title Head of IT")
        #expect(details[.behavioralRecencyFortnight] == "Last engaged 10 days ago (fortnight)")
        #expect(details[.behavioralFrequencyModerate] == "Engagement frequency 0.5 (moderate)")
        #expect(try score(#"{"email_open_rate": 0.359}"#).detail(.marketingEmailOpenRate) == "Email open rate 35.9%")
        #expect(try score(#"{"num_form_submissions": 1}"#).detail(.marketingFormSubmissions) == "1 form submission")
    }

    @Test func everyCodeRendersADetail() {
        for code in FactorCode.allCases {
            let texts = FactorTexts(industry: "i", dealStage: "d", companySize: "c", jobTitle: "t", jobFunction: "f")
            for subject in [FactorSubject.none, .count(3), .number(0.5), .text(.industry), .employees(5)] {
                #expect(!Factor(code, points: 1, subject: subject).detail(texts: texts).isEmpty, "\(code.name)")
            }
        }
    }

    @Test func topFactorsByAbsolutePoints() throws {
        let result = try score(Self.richDocument)
        #expect(result.topFactors.map(\.code) == [
            .salesMeetingAttended, .marketingLeadScore, .marketingQualifiedLead, .demographicRoleSenior,
            .behavioralRecencyFortnight,
        ])
    }

    @Test func topFactorTiesKeepFactorOrder() throws {
        let scorer = try scorer { $0.topFactorCount = 10 }
        let result = scorer.score(try features(Self.richDocument))
        // Four factors of 20 points and six of 15 (one a deduction) compete for the last places.
        #expect(result.topFactors.map(\.code) == [
            .salesMeetingAttended, .marketingLeadScore, .marketingQualifiedLead, .demographicRoleSenior,
            .behavioralRecencyFortnight, .behavioralVelocitySlightlyIncreasing,
            .salesDealStage, .salesCallMedium, .serviceNPSDetractor, .demographicIndustrySecondary,
        ])
    }

    @Test func topFactorsSkipZeroPoints() throws {
        let result = try score(#"{"engagement_frequency": 0.1}"#)
        // No previous customer, no recency, very low frequency: three factors with 0 points.
        #expect(result.factors.count == 4)
        #expect(result.topFactors.map(\.code) == [.behavioralVelocityStable])
    }

    @Test func topFactorCountZero() throws {
        let scorer = try scorer { $0.topFactorCount = 0 }
        #expect(scorer.score(try features(Self.richDocument)).topFactors.isEmpty)
    }

    @Test func jsonLineIsExact() throws {
        // 0.15 × 50 + 0.2 × 35 = 14.5, which rounds to 15.
        let result = try score(#"{"contact_id": "c-1", "previous_customer": false, "engagement_recency": 3}"#)
        let expected = #"{"contact_id":"c-1","score":15,"status":"SUBSCRIBER","nurture_track":"STANDARD","#
            + #""components":{"marketing":0,"sales":0,"service":50,"demographic":0,"behavioral":35},"factors":["#
            + #"{"component":"service","code":"service.no_previous_customer","points":0,"detail":"Not a previous customer, so the service score stays neutral"},"#
            + #"{"component":"behavioral","code":"behavioral.recency.week","points":25,"detail":"Last engaged 3 days ago (week)"},"#
            + #"{"component":"behavioral","code":"behavioral.frequency.very_low","points":0,"detail":"Engagement frequency 0 (very low)"},"#
            + #"{"component":"behavioral","code":"behavioral.velocity.stable","points":10,"detail":"Engagement velocity 0 (stable)"}],"#
            + #""top_factors":[{"component":"behavioral","code":"behavioral.recency.week","points":25,"detail":"Last engaged 3 days ago (week)"},"#
            + #"{"component":"behavioral","code":"behavioral.velocity.stable","points":10,"detail":"Engagement velocity 0 (stable)"}],"#
            + #""next_best_actions":["Enroll in awareness nurture campaign","Send top-of-funnel content","Monitor for website activity"],"#
            + #""recommended_owner":"Marketing Automation","#
            + #""recommended_content":["Product Overview","Customer Success Stories","Industry Benchmark Report"],"#
            + #""personalization":{"content_focus":["customer_service"],"message_tone":"educational","#
            + #""featured_case_study":"general_case_study","call_to_action":"download_guide"},"#
            + #""model_version":"\#(Scorer.default.modelVersion)"}"#
        #expect(result.jsonLine() == expected)
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let first = try score(Self.richDocument).jsonLine()
        let second = Scorer.default.score(try features(Self.richDocument)).jsonLine()
        #expect(first == second)
        #expect(first.contains(#""service":35"#))
        #expect(first.contains(#""marketing":52.5"#))
    }

    @Test func asOfIsCopied() throws {
        let result = try score(#"{"contact_id": "c-1", "as_of": "2024-05-01T00:00:00Z"}"#)
        #expect(result.asOf == "2024-05-01T00:00:00Z")
        #expect(result.jsonLine().hasPrefix(#"{"contact_id":"c-1","as_of":"2024-05-01T00:00:00Z","score":"#))
        #expect(try score("{}").jsonLine().hasPrefix(#"{"contact_id":null,"score":"#))
    }
}

@Suite struct ScoringResultWriterTests {
    /// The streaming writer and the tree give the same bytes, for every golden result.
    @Test func streamingWriterMatchesTree() {
        for vector in ScoringVector.all {
            let result = Scorer.default.score(vector.features)
            #expect(result.jsonLine() == result.json.jsonText(keyOrder: .memberOrder), "\(vector.features.contactID ?? "?")")
        }
    }

    @Test func writerEscapesTexts() throws {
        let result = try score(#"{"contact_id": "c-\"1\"\n", "job_title": "VP \"Sales\"\\EMEA", "as_of": "t"}"#)
        #expect(result.jsonLine() == result.json.jsonText(keyOrder: .memberOrder))
        #expect(result.jsonLine().contains(#""contact_id":"c-\"1\"\n""#))
        #expect(result.jsonLine().contains(#"Senior title VP \"Sales\"\\EMEA"#))
    }
}
