import Foundation
import Qualification
import Testing
@testable import CrossHubService

/// `ModelComparison` over a crafted history whose scores are known: 25, 36,
/// 55, 70, 75 and 81 with the default model (thresholds LEAD 40, MQL 60, SQL 80).
@Suite struct CompareTests {
    /// Contacts built from the first k steps of the SQL journey, named `p<k>`.
    static let fold: ReplayFold = {
        var lines: [String] = []
        for steps in [1, 2, 3, 4, 8, 12] {
            lines += CraftedJourney.sql("p\(steps)", day: 5).prefix(steps)
        }
        var fold = ReplayFold()
        for line in lines {
            var bytes = Array(line.utf8)
            let event = bytes.withUnsafeMutableBytes { fold.intake.decodeLine(UnsafeRawBufferPointer($0), location: .line(file: "crafted", number: 0)) }
            if let event { fold.fold(event) }
        }
        return fold
    }()

    private func scorer(sql: Int, mql: Int, lead: Int, name: String) throws -> Scorer {
        var model = ScoringModel.default
        model.name = name
        model.statusThresholds.salesQualifiedLead = sql
        model.statusThresholds.marketingQualifiedLead = mql
        model.statusThresholds.lead = lead
        return try Scorer(model: model)
    }

    @Test func lowerThresholdsMoveUp() throws {
        let lenient = try scorer(sql: 70, mql: 50, lead: 30, name: "lenient")
        let comparison = ModelComparison(fold: Self.fold, a: .default, b: lenient, top: 3)

        #expect(comparison.contacts == 6)
        #expect(comparison.up == 4)
        #expect(comparison.down == 0)
        #expect(comparison.same == 2)
        #expect(comparison.transitions == [[1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2], [0, 0, 0, 1]])
        #expect(comparison.changedStatus == 4)
        #expect(comparison.movers.map(\.contactID) == ["p2", "p3", "p4"], "equal changes are listed by contact id, up to --top")
        #expect(comparison.movers.first?.statusB == .lead)

        #expect(comparison.distributionA == comparison.distributionB, "thresholds change statuses, not scores")
        #expect(comparison.distributionA.mean == 57.0)
        #expect(comparison.distributionA.p50 == 55)
        #expect(comparison.distributionA.p90 == 81)
        let counts = Dictionary(uniqueKeysWithValues: comparison.distributionA.buckets.map { ($0.label, $0.count) })
        #expect(counts["20-29"] == 1)
        #expect(counts["70-79"] == 2)
        #expect(counts["80-89"] == 1)
        #expect(counts["<0"] == nil)
    }

    @Test func higherThresholdsMoveDown() throws {
        let strict = try scorer(sql: 90, mql: 72, lead: 50, name: "strict")
        let comparison = ModelComparison(fold: Self.fold, a: .default, b: strict, top: 20)

        #expect(comparison.up == 0)
        #expect(comparison.down == 2)
        #expect(comparison.same == 4)
        #expect(comparison.movers.map(\.contactID) == ["p12", "p4"])
        #expect(comparison.movers.map(\.statusB) == [.marketingQualifiedLead, .lead])
    }

    @Test func jsonNamesEveryFigure() throws {
        let lenient = try scorer(sql: 70, mql: 50, lead: 30, name: "lenient")
        let comparison = ModelComparison(fold: Self.fold, a: .default, b: lenient, top: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(comparison.json)) as? [String: Any])
        let directions = try #require(object["directions"] as? [String: Int])
        #expect(directions == ["up": 4, "down": 0, "same": 2])
        let transitions = try #require(object["transitions"] as? [String: [String: Int]])
        #expect(transitions["MARKETING_QUALIFIED_LEAD"]?["SALES_QUALIFIED_LEAD"] == 2)
        let movers = try #require(object["movers"] as? [[String: Any]])
        #expect(movers.count == 1)
        #expect(movers.first?["rank_change"] as? Int == 1)
        #expect((object["distribution_b"] as? [String: Any])?["p90"] as? Int == 81)
    }
}
