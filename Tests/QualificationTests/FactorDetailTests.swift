import Testing
@testable import Qualification

@Suite struct FactorDetailTests {
    private static let subjects: [FactorSubject] = [
        .none, .count(1), .count(.max), .count(.min), .number(-2.2250738585072014e-308), .number(0.123),
        .employees(.min), .text(.industry), .text(.dealStage), .text(.companySize), .text(.jobTitle), .text(.jobFunction),
    ]

    /// Texts in which every byte needs a six-byte escape in JSON.
    private static let controlTexts: FactorTexts = {
        let text = String(repeating: "\u{1}", count: 50)
        return FactorTexts(industry: text, dealStage: text, companySize: text, jobTitle: text, jobFunction: text)
    }()

    @Test func fixedWordsFitTheBound() {
        var longest = 0
        for code in FactorCode.allCases {
            let detail = Factor(code, points: 0).detail(texts: FactorTexts())
            longest = max(longest, detail.utf8.count)
        }
        #expect(longest == 59)
        #expect(longest <= Factor.maxDetailWordBytes)
    }

    @Test func escapedDetailsFitTheBound() {
        for code in FactorCode.allCases {
            for subject in Self.subjects {
                let factor = Factor(code, points: 0, subject: subject)
                let bound = factor.maxDetailBytes(texts: Self.controlTexts)
                var bytes: [UInt8] = []
                bytes.appendJSON(maxCount: bound) { cursor in
                    factor.appendDetail(texts: Self.controlTexts, escapingForJSON: true, to: &cursor)
                }
                #expect(bytes.count <= bound, "\(code.name) \(subject)")
            }
        }
    }

    @Test func detailTextIsUnescaped() {
        let texts = FactorTexts(jobTitle: "VP \"Sales\"\n")
        let factor = Factor(.demographicRoleSenior, points: 15, subject: .text(.jobTitle))
        #expect(factor.detail(texts: texts) == "Senior title VP \"Sales\"\n")
    }

    @Test(arguments: [
        (Factor(.salesCallLong, points: 10, subject: .count(1)), "Sales call time 1 minute (long)"),
        (Factor(.serviceTicketsModerate, points: -5, subject: .count(4)), "4 support tickets (moderate volume)"),
        (Factor(.marketingEmailOpenRate, points: 10, subject: .number(0.3594)), "Email open rate 35.9%"),
        (Factor(.demographicSizeMidMarket, points: 10, subject: .employees(250)), "Company size 250 employees (no band)"),
        (Factor(.demographicRevenueSMB, points: 5, subject: .number(2_500_000)), "Annual revenue 2500000 (SMB)"),
        (Factor(.behavioralRecencyWeek, points: 25, subject: .count(3)), "Last engaged 3 days ago (week)"),
        (Factor(.behavioralVelocitySlightlyIncreasing, points: 15, subject: .number(1.25)),
         "Engagement velocity 1.25 (slightly increasing)"),
        (Factor(.behavioralVelocityIncreasing, points: 30, subject: .number(8.0 / 13.0)),
         "Engagement velocity 0.62 (increasing)"),
        (Factor(.behavioralFrequencyVeryHigh, points: 30, subject: .number(0.875)), "Engagement frequency 0.88 (very high)"),
        (Factor(.serviceCSATGood, points: 10, subject: .number(25.0 / 3.0)), "Average CSAT 8.33 (good)"),
    ])
    func detailSentences(factor: Factor, sentence: String) {
        #expect(factor.detail(texts: FactorTexts()) == sentence)
    }

    @Test func resultWithControlTextsMatchesTree() throws {
        let control = String(repeating: "\u{1}\"\\", count: 40)
        var features = LeadFeatures()
        features.contactID = control
        features.jobTitle = control
        features.industry = control
        features.companySize = .band(control)
        features.dealStage = control
        features.jobFunction = control
        let result = Scorer.default.score(features)
        #expect(result.jsonLine() == result.json.jsonText(keyOrder: .memberOrder))
        #expect(try JSONValue.parse(result.jsonLine())["contact_id"] == .string(control))
    }
}
