import Testing
@testable import Qualification

/// Human overrides pin the effective status until cleared or expired.
@Suite struct DecisionOverrideTests {
    static func override(_ status: QualificationStatus, expiresAt: String? = nil) -> EventPayload {
        .overrideSet(OverrideRequest(status: status, reason: "met at the fair", setBy: "lead@example.com",
                                     expiresAt: expiresAt.flatMap { EventTime(rfc3339: $0) }))
    }

    @Test func overrideToSQLCreatesTask() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        run.fold(Self.override(.salesQualifiedLead), at: "2026-03-04T09:00:00Z")
        let decision = run.step(65, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "note", "task", "notification", "notification",
                                   "enrollment:leave"])

        let qualification = try #require(decision.first(.qualification))
        #expect(qualification.field("status") == "SALES_QUALIFIED_LEAD")
        #expect(qualification.field("model_status") == "MARKETING_QUALIFIED_LEAD")
        #expect(qualification.field("nurture_track") == "SALES_HANDOFF")
        #expect(qualification.field("model_nurture_track") == "HIGH_POTENTIAL")
        let override = try #require(qualification.member("override"))
        #expect(override.get("status")?.stringValue == "SALES_QUALIFIED_LEAD")
        #expect(override.get("set_by")?.stringValue == "lead@example.com")
        #expect(override.get("reason")?.stringValue == "met at the fair")
        #expect(override.get("set_at")?.stringValue == "2026-03-04T09:00:00Z")
        #expect(override.get("expires_at") == .null)
        #expect(override.get("event_id")?.stringValue == "d-3")
        #expect(qualification.member("changed") == .array(["status", "nurture_track", "override"].map { .string($0) }))

        #expect(decision.first(.propertyUpdate)?.property("crosshub_status") == "SALES_QUALIFIED_LEAD")
        #expect(decision.first(.note)?.field("body")?.contains("Status pinned to SALES_QUALIFIED_LEAD by lead@example.com until cleared: met at the fair.") == true)
        #expect(decision.emitted?.overrideEventID == "d-3")
        #expect(decision.emitted?.status == "SALES_QUALIFIED_LEAD")
    }

    @Test func overridePinsAgainstModelChanges() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        run.fold(Self.override(.marketingQualifiedLead), at: "2026-03-04T09:00:00Z")
        let pinned = run.step(85, at: "2026-03-04T10:00:00Z")
        // The model says SQL, the person says MQL: no task, and the contact is nurtured instead of handed off.
        #expect(pinned.kinds == ["qualification", "property-update"])
        #expect(pinned.first(.qualification)?.field("status") == "MARKETING_QUALIFIED_LEAD")
        #expect(pinned.first(.qualification)?.field("model_status") == "SALES_QUALIFIED_LEAD")
        #expect(pinned.first(.qualification)?.field("nurture_track") == "HIGH_POTENTIAL")
        #expect(pinned.first(.propertyUpdate)?.patchedProperties == ["crosshub_score", "crosshub_qualification_date"])
    }

    @Test func clearedOverrideRestoresModelStatus() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        run.fold(Self.override(.salesQualifiedLead), at: "2026-03-04T09:00:00Z")
        run.step(65, at: "2026-03-04T10:00:00Z")
        run.fold(.overrideCleared, at: "2026-03-05T09:00:00Z")
        let cleared = run.step(65, at: "2026-03-05T10:00:00Z")
        #expect(cleared.kinds == ["qualification", "property-update", "note", "enrollment:enroll"])
        let qualification = try #require(cleared.first(.qualification))
        #expect(qualification.field("status") == "MARKETING_QUALIFIED_LEAD")
        #expect(qualification.member("override") == .null)
        #expect(cleared.first(.note)?.field("body")?.contains("The override set by event d-3 was cleared or expired") == true)
        #expect(cleared.emitted?.overrideEventID == nil)
        // The stage stays where the override put it.
        #expect(cleared.emitted?.lifecycleStage == "salesqualifiedlead")
    }

    @Test func expiredOverrideRestoresModelStatus() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        run.fold(Self.override(.marketingQualifiedLead, expiresAt: "2026-03-10T00:00:00Z"), at: "2026-03-04T09:00:00Z")
        let pinned = run.step(45, at: "2026-03-09T23:59:59Z")
        #expect(pinned.first(.qualification)?.field("status") == "MARKETING_QUALIFIED_LEAD")
        #expect(pinned.first(.qualification)?.member("override")?.get("expires_at")?.stringValue == "2026-03-10T00:00:00Z")

        let expired = run.step(45, at: "2026-03-10T00:00:00Z")
        #expect(expired.kinds == ["qualification", "property-update", "note"])
        #expect(expired.first(.qualification)?.field("status") == "LEAD")
        #expect(expired.first(.qualification)?.member("changed") == .array(["status", "override"].map { .string($0) }))
    }

    @Test func overrideMatchingModelStillPublishes() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        run.fold(Self.override(.marketingQualifiedLead), at: "2026-03-04T09:00:00Z")
        let decision = run.step(65, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification"])
        #expect(decision.first(.qualification)?.member("changed") == .array([.string("override")]))
        #expect(decision.emitted?.counts.qualifications == 2)
        #expect(decision.emitted?.counts.propertyUpdates == 1)
    }

    @Test func effectiveStatusPrefersActiveOverride() throws {
        var run = try DecisionRun()
        run.fold(Self.override(.lead, expiresAt: "2026-03-10T00:00:00Z"), at: "2026-03-04T09:00:00Z")
        let before = EventTime(rfc3339: "2026-03-09T00:00:00Z")!
        let after = EventTime(rfc3339: "2026-03-10T00:00:00Z")!
        #expect(QualificationDecider.effectiveStatus(of: run.state, modelStatus: .salesQualifiedLead, at: before) == .lead)
        #expect(QualificationDecider.effectiveStatus(of: run.state, modelStatus: .salesQualifiedLead, at: after) == .salesQualifiedLead)
    }
}
