import Foundation
import Testing
@testable import Qualification

/// A model that changes weights, thresholds or points changes results as expected.
@Suite struct ModelChangeTests {
    static let document = """
    {"contact_id": "c-9", "lead_score": 80, "marketing_qualified_lead": true, "meeting_showed": true,
     "deal_stage": "Contract Sent", "previous_customer": true, "nps_score": 0, "industry": "Retail",
     "job_title": "Chief Revenue Officer", "engagement_frequency": 0.5}
    """

    @Test func defaultResultForReference() throws {
        let result = try score(Self.document)
        // marketing 40 + 20, sales 25 + 40, service 50 - 15, demographic 25 + 5, behavioral 0 + 15 + 10.
        #expect(result.components == ComponentScores(marketing: 60, sales: 65, service: 35, demographic: 30, behavioral: 25))
        #expect(result.score == 46) // 15 + 16.25 + 5.25 + 4.5 + 5 = 46
        #expect(result.status == .lead)
    }

    @Test func weightsChangeScore() throws {
        let scorer = try Scorer(model: changedModel("weights", to: .object([
            "marketing": .number(0.5), "sales": .number(0.5), "service": .integer(0),
            "demographic": .integer(0), "behavioral": .integer(0),
        ])))
        let result = scorer.score(try features(Self.document))
        #expect(result.score == 63) // 30 + 32.5 = 62.5, rounded half up
        #expect(result.status == .marketingQualifiedLead)
        #expect(result.nurtureTrack == .highPotential)
    }

    @Test func thresholdsChangeStatusAndTrack() throws {
        let json = ScoringModel.default.json
            .replacing(["status_thresholds"], with: .object([
                "sales_qualified_lead": .integer(45), "marketing_qualified_lead": .integer(30), "lead": .integer(10),
            ]))
            .replacing(["nurture", "high_potential_min_score"], with: .integer(20))
        let scorer = try Scorer(model: ScoringModel(json: json))
        let result = scorer.score(try features(Self.document))
        #expect(result.score == 46)
        #expect(result.status == .salesQualifiedLead)
        #expect(result.nurtureTrack == .salesHandoff)
        #expect(result.recommendedOwner == "Sales Representative")
        #expect(result.nextBestActions.first == "Assign to sales representative")
    }

    @Test func nurtureThresholdChangesTrackOnly() throws {
        let scorer = try Scorer(model: changedModel("nurture.high_potential_min_score", to: .integer(45)))
        let result = scorer.score(try features(Self.document))
        #expect(result.status == .lead)
        #expect(result.nurtureTrack == .highPotential)
    }

    @Test func pointsChangeComponent() throws {
        let scorer = try Scorer(model: changedModel("service.nps.detractor.points", to: .integer(-30)))
        let result = scorer.score(try features(Self.document))
        #expect(result.components.service == 20)
        #expect(result.factor(.serviceNPSDetractor)?.points == -30)
    }

    @Test func titleListChangesRole() throws {
        let scorer = try Scorer(model: changedModel("demographic.roles.executive.titles", to: .array([
            .string("CEO"), .string("Chief Revenue Officer"),
        ])))
        let result = scorer.score(try features(Self.document))
        #expect(result.factor(.demographicRoleExecutive)?.points == 25)
        #expect(result.components.demographic == 50)
    }

    @Test func customDealStage() throws {
        let stages = ScoringModel.default.json["sales"]?["deal_stages"]
        guard case .array(var elements)? = stages else {
            Issue.record("no deal stages in the default model")
            return
        }
        elements.append(.object(["id": .string("negotiation"), "label": .string("Negotiation"), "points": .integer(45)]))
        let scorer = try Scorer(model: changedModel("sales.deal_stages", to: .array(elements)))
        let result = scorer.score(try features(#"{"deal_stage": "negotiation"}"#))
        #expect(result.components.sales == 45)
        #expect(result.detail(.salesDealStage) == "Deal stage Negotiation")
    }

    @Test func neverEngagedPointsRestoreReferenceReading() throws {
        let scorer = try Scorer(model: changedModel("behavioral.never_engaged_points", to: .integer(30)))
        #expect(scorer.score(try features("{}")).components.behavioral == 40)
    }

    @Test func serviceFloorApplies() throws {
        let scorer = try Scorer(model: changedModel("service.neutral_score", to: .integer(30)))
        let result = scorer.score(try features(#"{"previous_customer": true, "average_csat": 1, "nps_score": 1}"#))
        #expect(result.components.service == 0)
    }

    @Test func marketingFloorApplies() throws {
        let scorer = try Scorer(model: changedModel("marketing.min_score", to: .integer(0)))
        #expect(scorer.score(try features(#"{"lead_score": -40}"#)).components.marketing == 0)
    }

    @Test func modelFileFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let json = ScoringModel.default.json
            .replacing(["name"], with: .string("sales-heavy"))
            .replacing(["weights", "sales"], with: .number(0.35))
            .replacing(["weights", "behavioral"], with: .number(0.1))
        try Data(json.prettyText(keyOrder: .memberOrder).utf8).write(to: url)

        let model = try ScoringModel(jsonData: Data(contentsOf: url))
        let result = try Scorer(model: model).score(try features(Self.document))
        #expect(model.version.hasPrefix("sales-heavy@"))
        #expect(result.modelVersion == model.version)
        #expect(result.score == 50) // 15 + 22.75 + 5.25 + 4.5 + 2.5 = 50
    }
}
