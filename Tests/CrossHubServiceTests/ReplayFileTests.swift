import Foundation
import Qualification
import Testing
@testable import CrossHubService

/// Replays of crafted files: windows, side effects and invalid lines.
@Suite struct ReplayFileTests {
    private func replay(_ lines: [String], configure: (inout ReplaySettings) -> Void = { _ in }) throws -> (records: [(kind: String, key: String, value: [String: Any])], summary: ReplaySummary) {
        let file = try ReplayTestSupport.writeTemporary(Array((lines.joined(separator: "\n") + "\n").utf8), name: "crafted")
        defer { try? FileManager.default.removeItem(at: file) }
        var settings = ReplaySettings(input: .files([file.path]), scorer: .default)
        configure(&settings)
        let result = try ReplayTestSupport.replay(settings)
        return (try ReplayTestSupport.records(result.bytes), result.summary)
    }

    @Test func sideEffectsOnlyWhenAsked() throws {
        let lines = CraftedJourney.sql("sql-1", day: 5)
        let suppressed = try replay(lines)
        #expect(suppressed.records.map(\.kind) == ["qualification", "property-update"])
        #expect(suppressed.records.first?.value["status"] as? String == "SALES_QUALIFIED_LEAD")
        #expect(suppressed.records.allSatisfy { $0.value["backfill"] as? Bool == true }, "every record is marked as backfill")

        let emitted = try replay(lines) { $0.policy.sideEffects = .emit }
        #expect(emitted.records.map(\.kind) == ["qualification", "property-update", "note", "task", "notification", "notification"])
        #expect(emitted.summary.outputs[.enrollment] == nil, "SALES_HANDOFF enrolls in no workflow by default")
        #expect(emitted.summary.outputs[.task] == 1)
        #expect(emitted.summary.outputs[.notification] == 2)
    }

    @Test func windowWarmsUpAndCutsOff() throws {
        var lines = CraftedJourney.sql("before", day: 3)
        lines += CraftedJourney.sql("across", day: 9).prefix(3)
        lines += CraftedJourney.sql("across", day: 12).suffix(9)
        lines.append(CraftedJourney.event("after-1", "after", "marketing.page_viewed", "2026-01-25T10:00:00Z", #"{"url":"https://example.com/"}"#))
        lines.append(CraftedJourney.event("across-late", "across", "sales.deal_stage_changed", "2026-01-26T10:00:00Z",
                           #"{"deal_id":"d-across","stage":"Closed Won","amount":50000}"#))

        let from = try #require(EventTime(rfc3339: "2026-01-10T00:00:00Z"))
        let to = try #require(EventTime(rfc3339: "2026-01-20T00:00:00Z"))
        let result = try replay(lines) { $0.window = ReplayWindow(from: from, to: to); $0.policy.sideEffects = .emit }

        #expect(result.summary.tally.warmUp == 15)
        #expect(result.summary.tally.folded == 9)
        #expect(result.summary.tally.afterWindow == 2)
        #expect(result.summary.contacts == 2, "the contact with events only after --to is not folded")
        // The contact that qualified before the window publishes nothing, and the one that qualified inside it is handed to sales once.
        #expect(Set(result.records.map(\.key)) == ["across"])
        let qualification = try #require(result.records.first { $0.kind == "qualification" }?.value)
        #expect(qualification["status"] as? String == "SALES_QUALIFIED_LEAD")
        #expect(qualification["previous"] is [String: Any], "the warm-up baseline is the previous publication")
        #expect(result.records.filter { $0.kind == "task" }.count == 1)
        let cause = try #require(qualification["cause"] as? [String: Any])
        #expect(cause["event_id"] as? String == "across-12", "the cause is the newest event inside the window")
        #expect(cause["source"] is NSNull)
    }

    @Test func invalidLinesCounted() throws {
        var lines = CraftedJourney.sql("valid", day: 4)
        lines.insert("", at: 2)
        lines.insert("{not json", at: 3)
        lines.insert(CraftedJourney.event("bad-type", "valid", "marketing.page_view", "2026-01-04T10:30:00Z"), at: 4)
        lines.append(lines[0])

        let result = try replay(lines)
        #expect(result.summary.tally.invalid == 2)
        #expect(result.summary.tally.blank == 1)
        #expect(result.summary.tally.duplicates == 1)
        #expect(result.summary.tally.folded == 12)
        #expect(result.summary.tally.read == 16)
        #expect(result.summary.invalidEvents.map(\.code) == ["invalid_json", "unknown_type"])
        let first = try #require(result.summary.invalidEvents.first)
        guard case .line(_, let number) = first.location else {
            Issue.record("an invalid line has no line number: \(first.location)")
            return
        }
        #expect(number == 4)
    }
}
