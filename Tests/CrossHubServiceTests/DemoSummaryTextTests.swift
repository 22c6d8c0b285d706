import Foundation
import Qualification
import Testing
@testable import CrossHubService

@Suite struct DemoSummaryTextTests {
    private func sampleSummary() -> DemoSummary {
        DemoSummary(
            contacts: 2_000, days: 90, seed: 1, guarantee: "exactly-once", partitions: 6,
            published: 100_407, injectedDuplicates: 1_941, injectedInvalid: 1_009,
            folded: 97_457, duplicates: 1_941, deadLettered: 1_009,
            deadLettersByReason: [.init(name: "invalid_json", count: 800), .init(name: "oversized", count: 209)],
            contactsByStatus: [.init(name: "SALES_QUALIFIED_LEAD", count: 87), .init(name: "MARKETING_QUALIFIED_LEAD", count: 259),
                               .init(name: "LEAD", count: 380), .init(name: "SUBSCRIBER", count: 1_274)],
            contactsWithoutStatus: 0,
            outputs: OutputKind.allCases.enumerated().map { .init(name: $0.element.rawValue, count: 10 * ($0.offset + 1)) },
            changelogRecords: 54_722, batchesCommitted: 201, batchesRetried: 0,
            seconds: 14.8, eventsPerSecond: 6_784.26,
            topSQLs: [.init(contactID: "c-49", score: 98, jobTitle: "CFO", company: "Crescent Insurance",
                            industry: "Financial Services",
                            factors: [.init(component: "marketing", points: 49.5, detail: "Lead score 99"),
                                      .init(component: "sales", points: -10, detail: "2 objections raised")])])
    }

    @Test func textShowsAccountingAndCounts() {
        let text = sampleSummary().text()
        let lines = text.split(separator: "\n").map(String.init)

        #expect(lines.first == "crosshub demo: 2,000 contacts over 90 days, seed 1, exactly-once, 6 partitions per topic")
        #expect(lines.contains("  published         100,407  to marketing.events, sales.events, service.events"))
        #expect(lines.contains("  folded + duplicates + dead-lettered = 100,407: every published record is accounted for"))
        #expect(lines.contains("  SALES_QUALIFIED_LEAD             87    4.3 %"))
        #expect(lines.contains("  sales tasks                  30  to crosshub.tasks"))
        #expect(lines.contains("  100,407 records in 14.8 s from the first publish to the last commit: 6,784 events/s"))
        #expect(lines.contains("  201 batches committed (transactions), 0 undone and read again"))
        #expect(lines.contains("  1. c-49  score 98  CFO, Crescent Insurance (Financial Services)"))
        #expect(lines.contains("       marketing    +49.5  Lead score 99"))
        #expect(lines.contains("       sales          -10  2 objections raised"))
        #expect(!text.contains("no valid event"))
    }

    @Test func textFlagsUnaccountedRecords() {
        var summary = sampleSummary()
        summary.folded -= 5
        summary.contactsWithoutStatus = 3

        let text = summary.text()
        #expect(text.contains("folded + duplicates + dead-lettered = 100,402: MISMATCH with published"))
        #expect(text.contains("  no valid event" + String(repeating: " ", count: 20) + "3    0.1 %"))
    }

    @Test func textWithoutSQLsSaysNone() {
        var summary = sampleSummary()
        summary.topSQLs = []
        #expect(summary.text().hasSuffix("Top sales qualified leads: none\n"))
    }

    @Test func groupedFormatsThousands() {
        #expect(DemoSummary.grouped(0) == "0")
        #expect(DemoSummary.grouped(999) == "999")
        #expect(DemoSummary.grouped(1_000) == "1,000")
        #expect(DemoSummary.grouped(100_407) == "100,407")
        #expect(DemoSummary.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func signedPointsDropsWholeFraction() {
        #expect(DemoSummary.signedPoints(40) == "+40")
        #expect(DemoSummary.signedPoints(49.5) == "+49.5")
        #expect(DemoSummary.signedPoints(-10) == "-10")
        #expect(DemoSummary.signedPoints(0) == "+0")
    }

    @Test func jsonRoundTripKeepsSnakeCaseKeys() throws {
        let summary = sampleSummary()
        let data = try JSONEncoder().encode(summary)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        #expect(object["dead_lettered"] as? Int == 1_009)
        #expect(object["contacts_without_status"] as? Int == 0)
        #expect((object["top_sqls"] as? [[String: Any]])?.first?["contact_id"] as? String == "c-49")
        #expect(try JSONDecoder().decode(DemoSummary.self, from: data) == summary)
    }
}
