import Foundation
import Testing
@testable import Qualification

/// `crosshub qualify` prints the decider's records, with overrides applied.
@Suite struct DecisionQualifyCommandTests {
    static let events = [
        #"{"event_id":"e-1","contact_id":"c-1","type":"marketing.lead_score_changed","occurred_at":"2026-01-01T00:00:00Z","data":{"lead_score":40}}"#,
        #"{"event_id":"e-2","contact_id":"c-2","type":"marketing.email_opened","occurred_at":"2026-01-05T10:00:00Z","data":{"campaign_id":"k"}}"#,
        #"{"event_id":"e-3","contact_id":"c-2","type":"qualification.override_set","occurred_at":"2026-01-05T09:00:00Z","data":{"status":"SALES_QUALIFIED_LEAD","reason":"met at the fair","set_by":"lead@example.com"}}"#,
        #"{"event_id":"e-4","contact_id":"c-3","type":"qualification.override_set","occurred_at":"2026-01-05T09:00:00Z","data":{"status":"LEAD","reason":"trial","set_by":"ops","expires_at":"2026-01-06T00:00:00Z"}}"#,
        #"{"event_id":"e-5","contact_id":"c-3","type":"marketing.email_opened","occurred_at":"2026-01-07T00:00:00Z","data":{"campaign_id":"k"}}"#,
    ]

    static func records(_ stdout: String) -> [JSONValue] {
        stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
    }

    @Test func appliesActiveOverrides() throws {
        let (status, stdout, stderr) = try runCrosshub(["qualify"], input: Self.events)
        #expect(status == 0)
        #expect(stderr.contains("5 lines, 5 folded, 0 duplicate, 0 invalid, 3 contacts, 1 with an override in force, model "))
        let records = Self.records(stdout)
        #expect(records.map { $0.get("contact_id")?.stringValue } == ["c-1", "c-2", "c-3"])
        #expect(records.allSatisfy { $0.get("schema")?.stringValue == "crosshub.qualification/v1" })

        #expect(records[1].get("status")?.stringValue == "SALES_QUALIFIED_LEAD")
        #expect(records[1].get("model_status")?.stringValue == "SUBSCRIBER")
        #expect(records[1].get("override")?.get("set_by")?.stringValue == "lead@example.com")
        // The newest event is the cause, whatever the input order.
        #expect(records[1].get("cause")?.get("event_id")?.stringValue == "e-2")
        #expect(records[1].get("occurred_at")?.stringValue == "2026-01-05T10:00:00Z")

        // c-3's override expired before its newest event.
        #expect(records[2].get("status")?.stringValue == "SUBSCRIBER")
        #expect(records[2].get("override") == .null)
    }

    @Test func allOutputsIncludeSideEffects() throws {
        let arguments = ["qualify", "--all-outputs", "--task-owner-fallback", "emea-sales", "--business-hours", "Mon-Fri 08:00-16:00 +01:00"]
        let (status, stdout, _) = try runCrosshub(arguments, input: Self.events)
        #expect(status == 0)
        let records = Self.records(stdout).filter { $0.get("contact_id")?.stringValue == "c-2" }
        #expect(records.map { $0.get("schema")?.stringValue } == [
            "crosshub.qualification/v1", "crosshub.property-update/v1", "crosshub.note/v1", "crosshub.task/v1",
            "crosshub.notification/v1", "crosshub.notification/v1",
        ])
        let task = records[3]
        #expect(task.get("owner")?.stringValue == "emea-sales")
        // Monday 2026-01-05 10:00 UTC is 11:00 at +01:00; four business hours later is 15:00 local.
        #expect(task.get("due_at")?.stringValue == "2026-01-05T14:00:00Z")
    }

    @Test func invalidPolicyOptionNamesFlag() throws {
        let (status, _, stderr) = try runCrosshub(["qualify", "--business-hours", "Mon-Fri 17:00-09:00"], input: Self.events)
        #expect(status == 2)
        #expect(stderr.contains("invalid value 'Mon-Fri 17:00-09:00' for --business-hours: closing time 09:00 must be after the opening time 17:00"))

        let (queueStatus, _, queueError) = try runCrosshub(["qualify", "--nurture-workflow", "WARM=x"], input: Self.events)
        #expect(queueStatus == 2)
        #expect(queueError.contains("invalid value 'WARM=x' for --nurture-workflow: unknown nurture track 'WARM'; use one of SALES_HANDOFF, HIGH_POTENTIAL, STANDARD"))
    }
}
