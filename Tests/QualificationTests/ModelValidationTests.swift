import Foundation
import Testing
@testable import Qualification

/// Invalid model files are rejected with the JSON path of each problem and the reason.
@Suite struct ModelValidationTests {
    @Test(arguments: [
        ("weights.sales", JSONValue.string("high"), #"weights.sales: expected a number from 0 to 1, got "high""#),
        ("weights.sales", .number(1.5), "weights.sales: expected a number from 0 to 1, got 1.5"),
        ("weights.marketing", .number(0.3), "weights: the weights sum to 1.05; they must sum to 1"),
        ("weights.salez", .number(0.1), "weights.salez: unknown key; expected one of marketing, sales, service, demographic, behavioral"),
        ("status_thresholds.marketing_qualified_lead", .integer(85), "status_thresholds.marketing_qualified_lead: 85 must be below sales_qualified_lead (80)"),
        ("status_thresholds.lead", .integer(60), "status_thresholds.lead: 60 must be below marketing_qualified_lead (60)"),
        ("status_thresholds.lead", .number(40.5), "status_thresholds.lead: expected an integer from -1000000 to 1000000, got 40.5"),
        ("nurture.high_potential_min_score", .integer(80), "nurture.high_potential_min_score: 80 must be below status_thresholds.sales_qualified_lead (80)"),
        ("marketing.min_score", .integer(100), "marketing.min_score: 100 must be below max_score (100)"),
        ("marketing.max_score", .string("100"), #"marketing.max_score: expected a number or null, got "100""#),
        ("marketing.form_submissions.points_each", .integer(-5), "marketing.form_submissions.points_each: expected a number from 0 to 1000000, got -5"),
        ("service.csat.good.at_least", .number(9.5), "service.csat.good.at_least: 9.5 must be below the excellent tier's bound (9)"),
        ("behavioral.recency.week.at_most_days", .integer(1), "behavioral.recency.week.at_most_days: 1 must be above the very_recent tier's bound (1)"),
        ("behavioral.recency.stale.at_most_days", .integer(365), "behavioral.recency.stale.at_most_days: unknown key; expected one of points"),
        ("service.neutral_score", .integer(120), "service.neutral_score: 120 must be within min_score and max_score"),
        ("sales.deal_stages.1.id", .string("appointmentscheduled"),
         #"sales.deal_stages[1].id: "appointmentscheduled" is already used by sales.deal_stages[0].id; ids and labels must be unique"#),
        ("sales.deal_stages.2.label", .string(""), #"sales.deal_stages[2].label: expected a non-empty string, got """#),
        ("demographic.industries.secondary.names", .array([.string("Retail")]),
         #"demographic.industries.secondary.names[0]: "Retail" is already a target industry"#),
        ("demographic.company_sizes.small_business.min_employees", .integer(101),
         "demographic.company_sizes.small_business.min_employees: 101 must be below the mid_market band's min_employees (101)"),
        ("demographic.roles.senior.titles", .array([.string("VP"), .string("--")]),
         #"demographic.roles.senior.titles[1]: "--" has no letter or digit to match as a word"#),
        ("top_factors", .integer(500), "top_factors: expected an integer from 0 to 71, got 500"),
        ("next_best_actions.factor_rules.0.when_any", .array([.string("demographic.decisionmaker")]),
         #"next_best_actions.factor_rules[0].when_any[0]: unknown factor code "demographic.decisionmaker"; run 'crosshub model codes' for the list"#),
        ("next_best_actions.factor_rules.0.when_any", .array([]),
         "next_best_actions.factor_rules[0].when_any: expected at least one string"),
        ("personalization.case_studies.0.when_any", .array([.string("behavioral.frequency=high")]),
         "personalization.case_studies[0].when_any[0]: a value needs factors that are about a text: sales.deal_stage, demographic.industry, demographic.company_size, demographic.role"),
        ("recommended_content.groups.1.0.content", .array([]), "recommended_content.groups[1][0].content: expected at least one string"),
        ("recommended_content.limit", .integer(0), "recommended_content.limit: expected an integer from 1 to 100, got 0"),
        ("personalization.tones.1.min_score", .integer(90), "personalization.tones[1].min_score: 90 must be below the previous tone's min_score (80)"),
        ("recommended_owner.LEAD", .null, "recommended_owner.LEAD: expected a non-empty string, got null"),
        ("name", .string("my model"), #"name: invalid name "my model"; use 1 to 64 letters, digits, '.', '_' or '-'"#),
    ])
    func rejectsWithPathAndReason(path: String, value: JSONValue, message: String) {
        let issues = modelIssues(replacing: path, with: value)
        #expect(issues == [message])
    }

    @Test(arguments: [
        ("nurture.high_potential_min_score", "nurture.high_potential_min_score: missing; expected an integer from -1000000 to 1000000"),
        ("sales.objections", "sales.objections: missing; expected an object"),
        ("service.tenure.recent", "service.tenure.recent: missing; expected an object"),
        ("personalization.default_tone.call_to_action", "personalization.default_tone.call_to_action: missing; expected a non-empty string"),
    ])
    func rejectsMissingKey(path: String, message: String) {
        #expect(modelIssues(replacing: path, with: nil) == [message])
    }

    @Test func reportsEveryProblem() {
        let json = ScoringModel.default.json
            .replacing(["weights", "sales"], with: .string("high"))
            .replacing(["status_thresholds", "lead"], with: .integer(70))
            .replacing(["extra"], with: .bool(true))
        do {
            _ = try ScoringModel(json: json)
            Issue.record("accepted an invalid model")
        } catch {
            #expect(error.issues.map(\.path) == ["weights.sales", "status_thresholds.lead", "extra"])
            #expect(error.description.split(separator: "\n").count == 3)
        }
    }

    @Test func typeErrorDoesNotCascade() {
        // A bad threshold must not also report the nurture threshold against a placeholder.
        let issues = modelIssues(replacing: "status_thresholds.sales_qualified_lead", with: .string("80"))
        #expect(issues == [#"status_thresholds.sales_qualified_lead: expected an integer from -1000000 to 1000000, got "80""#])
    }

    @Test func rejectsTextThatIsNotAModel() {
        for (text, message) in [
            ("[1]", "model: the top level must be a JSON object, got [1]"),
            ("[]", "model: the top level must be a JSON object, got []"),
            ("\"weights\"", "model: the top level must be a JSON object, got \"weights\""),
            ("{", "model: invalid JSON at byte 1: unexpected end of input inside an object"),
        ] {
            do {
                _ = try ScoringModel(jsonData: Data(text.utf8))
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.issues.map(\.description) == [message], "\(text)")
            }
        }
    }

    @Test func scorerRejectsInvalidSwiftModel() {
        var model = ScoringModel.default
        model.weights.behavioral = 0.5
        #expect(throws: ModelValidationError.self) { try Scorer(model: model) }
        do {
            _ = try Scorer(model: model)
        } catch {
            #expect(error.issues.map(\.description) == ["weights: the weights sum to 1.3; they must sum to 1"])
        }
    }
}
