import Foundation
import Qualification
import Testing
@testable import CrossHubService

/// `QualificationReport` over a crafted history whose measures are worked out by hand:
/// - `a` scores SQL at 19:00 on its first day, 11 hours after its first event
///   and after its first deal. A second deal follows 4 days 13 hours later.
///   The first deal is won for 50,000 while `a` is SQL. One acceptance.
/// - `b` is pinned to SQL by an override 2 days after its first event, gets a
///   deal 4 days later, and one rejection.
/// - `c` stays a subscriber, has one rejection and a deal won for 1,000.
/// - `d` is pinned to SQL by its only event, which arrives twice.
@Suite struct ReportTests {
    static let lines: [String] = {
        typealias J = CraftedJourney
        var lines = J.sql("a", day: 5)
        lines += [
            J.event("a-13", "a", "sales.lead_accepted", "2026-01-06T09:00:00Z"),
            J.event("a-14", "a", "sales.deal_created", "2026-01-10T08:00:00Z", #"{"deal_id":"d-a2","stage":"Appointment Scheduled","amount":20000}"#),
            J.event("a-15", "a", "sales.deal_stage_changed", "2026-01-20T08:00:00Z", #"{"deal_id":"d-a","stage":"Closed Won","amount":50000}"#),
            J.event("b-1", "b", "marketing.page_viewed", "2026-01-01T00:00:00Z", #"{"url":"https://example.com/"}"#),
            J.event("b-2", "b", "qualification.override_set", "2026-01-03T00:00:00Z",
                    #"{"status":"SALES_QUALIFIED_LEAD","reason":"met at a trade show","set_by":"rep@example.com"}"#),
            J.event("b-3", "b", "sales.deal_created", "2026-01-07T00:00:00Z", #"{"deal_id":"d-b","stage":"Appointment Scheduled"}"#),
            J.event("b-4", "b", "sales.lead_rejected", "2026-01-08T00:00:00Z", #"{"reason":"no budget"}"#),
            J.event("c-1", "c", "marketing.page_viewed", "2026-01-02T10:00:00Z", #"{"url":"https://example.com/"}"#),
            J.event("c-2", "c", "sales.lead_rejected", "2026-01-02T11:00:00Z", #"{"reason":"student"}"#),
            J.event("c-3", "c", "sales.deal_created", "2026-01-04T00:00:00Z", #"{"deal_id":"d-c","stage":"Closed Won","amount":1000}"#),
        ]
        let override = J.event("d-1", "d", "qualification.override_set", "2026-01-02T00:00:00Z",
                               #"{"status":"SALES_QUALIFIED_LEAD","reason":"referral","set_by":"rep@example.com"}"#)
        return lines + [override, override]
    }()

    static func report() throws -> QualificationReport {
        let file = try ReplayTestSupport.writeTemporary(Array((lines.reversed().joined(separator: "\n") + "\n").utf8), name: "report")
        defer { try? FileManager.default.removeItem(at: file) }
        var history = EventHistory()
        try ReplayInput.files([file.path]).read(into: &history)
        #expect(history.intake.tally.duplicates == 1)
        #expect(history.intake.tally.folded == 23)
        return QualificationReport(history: history, scorer: .default)
    }

    @Test func measuresMatchHandCount() throws {
        let report = try Self.report()
        #expect(report.contacts == 4)
        #expect(report.sqlContacts == 3)
        #expect(report.sqlWithDeal == 2)
        #expect(report.sqlWithEarlierDeal == 1)
        #expect(report.qualificationAccuracy == 2.0 / 3.0)
        #expect(report.leadsAccepted == 1)
        #expect(report.leadsRejected == 2)
        #expect(report.acceptanceRate == 1.0 / 3.0)
        #expect(report.timeToSQL == .init(count: 3, medianDays: 11.0 / 24.0, p90Days: 2.0))
        #expect(report.timeToDeal == .init(count: 2, medianDays: 4.0, p90Days: 4.0 + 13.0 / 24.0))
        #expect(report.wonDeals == 2)
        #expect(report.wonRevenue == 51_000)
        #expect(report.wonDealsFromQualified == 1)
        #expect(report.wonRevenueFromQualified == 50_000)
        #expect(report.wonDealsWithoutAmount == 0)
    }

    @Test func weeklyCountsStartOnMonday() throws {
        let report = try Self.report()
        #expect(report.weeks.map { String($0.start.rfc3339.prefix(10)) } == ["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19"])
        // Columns: SUBSCRIBER, LEAD, MQL, SQL. `a` joins in the second week and falls to MQL after its last engagement ages.
        #expect(report.weeks.map(\.counts) == [[1, 0, 0, 2], [1, 0, 0, 3], [1, 0, 0, 3], [1, 0, 1, 2]])
    }

    @Test func jsonAndChartCarryTheFigures() throws {
        let report = try Self.report()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json)) as? [String: Any])
        let revenue = try #require(object["won_revenue"] as? [String: Any])
        #expect(revenue["qualified_amount"] as? Double == 50_000)
        let weeks = try #require(object["weeks"] as? [[String: Any]])
        #expect(weeks.count == 4)
        #expect(weeks.last?["MARKETING_QUALIFIED_LEAD"] as? Int == 1)

        let svg = StatusChart.svg(report)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4, "one line per status")
        #expect(svg.contains(">SALES_QUALIFIED_LEAD</text>"))
        #expect(svg.contains(">2026-01-05</text>"))
        #expect(svg == StatusChart.svg(report), "the same report gives the same SVG")
    }
}
