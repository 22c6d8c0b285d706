import Testing
@testable import Qualification

/// The transition rules, one contact at a time. Scores map to statuses by the
/// default thresholds: 85 SQL, 65 MQL, 45 and 55 lead, 30 subscriber; tracks:
/// 80 and up sales handoff, 50 to 79 high potential, below 50 standard.
@Suite struct DecisionTransitionTests {
    @Test func firstPublicationEmitsEverything() throws {
        var run = try DecisionRun()
        let decision = run.step(45, at: "2026-03-03T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "note", "enrollment:enroll"])

        let update = try #require(decision.first(.propertyUpdate))
        #expect(update.patchedProperties == CRMProperties.names)
        #expect(update.property("crosshub_score") == "45")
        #expect(update.property("crosshub_status") == "LEAD")
        #expect(update.property("crosshub_nurture_track") == "STANDARD")
        #expect(update.property("crosshub_marketing_score") == "62.5")
        #expect(update.property("lifecyclestage") == "lead")
        #expect(update.property("crosshub_qualification_date") == "2026-03-03")
        #expect(update.property("crosshub_qualification_source") == "Cross-Hub Workflow")

        let qualification = try #require(decision.first(.qualification))
        #expect(qualification.member("previous") == .null)
        #expect(qualification.member("changed") == .array(["score", "status", "nurture_track", "components", "override"].map { .string($0) }))
        #expect(qualification.field("occurred_at") == "2026-03-03T10:00:00Z")
        #expect(qualification.member("sequence")?.intValue == 1)

        let enrollment = try #require(decision.first(.enrollment))
        #expect(enrollment.field("workflow_id") == "crosshub-nurture-standard")
        #expect(enrollment.member("from_track") == .null)

        let emitted = try #require(decision.emitted)
        #expect(emitted.counts == .init(qualifications: 1, propertyUpdates: 1, statusChanges: 1, trackChanges: 1, sqlEntries: 0))
        #expect(emitted.score == 45)
        #expect(emitted.status == "LEAD")
        #expect(emitted.causingEventID == "d-2")
        #expect(emitted.qualifiedAt == EventTime(rfc3339: "2026-03-03T10:00:00Z"))
    }

    @Test func unchangedResultPublishesNothing() throws {
        var run = try DecisionRun()
        let first = run.step(45, at: "2026-03-03T10:00:00Z")
        let second = run.step(45, at: "2026-03-04T10:00:00Z")
        #expect(second.outputs.isEmpty)
        #expect(second.emitted == first.emitted)
    }

    @Test func scoreChangeOnlyPatchesScore() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        let decision = run.step(47, at: "2026-03-03T11:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update"])
        #expect(decision.first(.propertyUpdate)?.patchedProperties == ["crosshub_score"])

        let qualification = try #require(decision.first(.qualification))
        #expect(qualification.member("changed") == .array([.string("score")]))
        #expect(qualification.member("previous")?.get("score")?.intValue == 45)
        #expect(qualification.member("previous")?.get("status")?.stringValue == "LEAD")
        #expect(qualification.member("sequence")?.intValue == 2)
    }

    @Test func newDayAddsQualificationDate() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        let decision = run.step(47, at: "2026-03-05T09:00:00Z")
        let update = try #require(decision.first(.propertyUpdate))
        #expect(update.patchedProperties == ["crosshub_score", "crosshub_qualification_date"])
        #expect(update.property("crosshub_qualification_date") == "2026-03-05")
    }

    @Test func componentChangeOnlyPatchesComponent() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        var components = DecisionRun.components
        components.sales = 45
        let decision = run.step(45, at: "2026-03-03T11:00:00Z", components: components)
        #expect(decision.kinds == ["qualification", "property-update"])
        #expect(decision.first(.propertyUpdate)?.patchedProperties == ["crosshub_sales_score"])
        #expect(decision.first(.qualification)?.member("changed") == .array([.string("components")]))
    }

    @Test func factorChangeOnlyPatchesFactors() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        let decision = run.step(45, at: "2026-03-03T11:00:00Z", factorScale: 2)
        #expect(decision.kinds == ["property-update"])
        let update = try #require(decision.first(.propertyUpdate))
        #expect(update.patchedProperties == ["crosshub_qualification_factors"])
        #expect(update.property("crosshub_qualification_factors")?.contains("Sales: Attended a sales meeting (+50)") == true)
        #expect(decision.emitted?.counts.qualifications == 1)
        #expect(decision.emitted?.counts.propertyUpdates == 2)
    }

    @Test func statusUpWritesNoteAndMovesTrack() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        let decision = run.step(65, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "note", "enrollment:leave", "enrollment:enroll"])
        #expect(decision.first(.propertyUpdate)?.patchedProperties == [
            "crosshub_score", "crosshub_status", "crosshub_nurture_track", "lifecyclestage", "crosshub_qualification_date",
        ])
        #expect(decision.first(.propertyUpdate)?.property("lifecyclestage") == "marketingqualifiedlead")

        let note = try #require(decision.first(.note))
        #expect(note.field("previous_status") == "LEAD")
        #expect(note.field("status") == "MARKETING_QUALIFIED_LEAD")
        #expect(note.field("body")?.hasPrefix("Status changed from LEAD to MARKETING_QUALIFIED_LEAD with a score of 65.") == true)
        #expect(note.member("sequence")?.intValue == 2)

        let enrollments = decision.outputs.filter { $0.kind == .enrollment }
        #expect(enrollments.map { $0.field("workflow_id") } == ["crosshub-nurture-standard", "crosshub-nurture-high-potential"])
        #expect(enrollments.map { $0.field("from_track") } == ["STANDARD", "STANDARD"])
        #expect(enrollments.map { $0.field("to_track") } == ["HIGH_POTENTIAL", "HIGH_POTENTIAL"])
        #expect(enrollments.map { $0.member("sequence")?.intValue } == [2, 2])
    }

    @Test func statusDownKeepsLifecycleStage() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        let decision = run.step(45, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "note", "enrollment:leave", "enrollment:enroll"])
        let update = try #require(decision.first(.propertyUpdate))
        #expect(update.property("crosshub_status") == "LEAD")
        #expect(update.property("lifecyclestage") == nil)
        #expect(decision.emitted?.lifecycleStage == "marketingqualifiedlead")
        #expect(decision.first(.qualification)?.field("lifecycle_stage") == "marketingqualifiedlead")
    }

    @Test func enteringSQLCreatesTaskAndNotifications() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        let decision = run.step(85, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "note", "task", "notification", "notification",
                                   "enrollment:leave"])
        #expect(decision.first(.enrollment)?.field("workflow_id") == "crosshub-nurture-high-potential")
        #expect(decision.first(.propertyUpdate)?.property("lifecyclestage") == "salesqualifiedlead")
        #expect(decision.emitted?.sqlEnteredAt == EventTime(rfc3339: "2026-03-04T10:00:00Z"))
        #expect(decision.emitted?.counts.sqlEntries == 1)
    }

    @Test func stayingInSQLCreatesNoTask() throws {
        var run = try DecisionRun()
        run.step(85, at: "2026-03-03T10:00:00Z")
        let decision = run.step(90, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update"])
        #expect(decision.emitted?.sqlEnteredAt == EventTime(rfc3339: "2026-03-03T10:00:00Z"))
    }

    @Test func reentryInsideCooldownCreatesNoTask() throws {
        var run = try DecisionRun()
        let entry = run.step(85, at: "2026-03-02T10:00:00Z")
        run.step(65, at: "2026-03-12T10:00:00Z")
        let reentry = run.step(85, at: "2026-03-22T10:00:00Z")
        #expect(reentry.kinds == ["qualification", "property-update", "note", "enrollment:leave"])
        // The entry inside the cooldown does not restart it.
        #expect(reentry.emitted?.sqlEnteredAt == entry.emitted?.sqlEnteredAt)
        #expect(reentry.emitted?.counts.sqlEntries == 1)
    }

    @Test func reentryAfterCooldownCreatesNewTask() throws {
        var run = try DecisionRun()
        let entry = run.step(85, at: "2026-03-02T10:00:00Z")
        run.step(65, at: "2026-03-12T10:00:00Z")
        run.step(85, at: "2026-03-22T10:00:00Z")
        run.step(65, at: "2026-03-25T10:00:00Z")
        // Exactly 30 days after the first entry: the cooldown has passed.
        let reentry = run.step(85, at: "2026-04-01T10:00:00Z")
        #expect(reentry.kinds == ["qualification", "property-update", "note", "task", "notification", "notification",
                                  "enrollment:leave"])
        let firstTask = try #require(entry.first(.task))
        let secondTask = try #require(reentry.first(.task))
        #expect(secondTask.member("sequence")?.intValue == 2)
        #expect(secondTask.outputID != firstTask.outputID)
        #expect(reentry.emitted?.sqlEnteredAt == EventTime(rfc3339: "2026-04-01T10:00:00Z"))
    }

    @Test func cooldownCountsEventTime() throws {
        var policy = DecisionPolicy()
        policy.sqlReentryCooldown = .seconds(3600)
        var run = try DecisionRun(policy: policy)
        run.step(85, at: "2026-03-02T10:00:00Z")
        run.step(65, at: "2026-03-02T10:20:00Z")
        #expect(run.step(85, at: "2026-03-02T10:59:59Z").first(.task) == nil)
        run.step(65, at: "2026-03-02T11:00:00Z")
        #expect(run.step(85, at: "2026-03-02T11:00:01Z").first(.task) != nil)
    }

    @Test func trackChangeAloneEnrollsWithoutNote() throws {
        var run = try DecisionRun()
        run.step(55, at: "2026-03-03T10:00:00Z")
        let decision = run.step(45, at: "2026-03-04T10:00:00Z")
        #expect(decision.kinds == ["qualification", "property-update", "enrollment:leave", "enrollment:enroll"])
        #expect(decision.first(.propertyUpdate)?.patchedProperties == [
            "crosshub_score", "crosshub_nurture_track", "crosshub_qualification_date",
        ])
        #expect(decision.emitted?.counts.statusChanges == 1)
        #expect(decision.emitted?.counts.trackChanges == 2)
    }

    @Test func lifecycleFollowsDealsAndCustomers() throws {
        var run = try DecisionRun()
        run.step(45, at: "2026-03-03T10:00:00Z")
        run.fold(.dealCreated(DealChange(dealID: "d-1", stage: .qualifiedToBuy, amount: 10_000)), at: "2026-03-04T09:00:00Z")
        let opportunity = run.step(45, at: "2026-03-04T10:00:00Z")
        #expect(opportunity.first(.propertyUpdate)?.property("lifecyclestage") == "opportunity")

        // Losing the deal does not move the stage back.
        run.fold(.dealStageChanged(DealChange(dealID: "d-1", stage: .closedLost)), at: "2026-03-05T09:00:00Z")
        let lost = run.step(65, at: "2026-03-05T10:00:00Z")
        #expect(lost.first(.propertyUpdate)?.property("lifecyclestage") == nil)
        #expect(lost.emitted?.lifecycleStage == "opportunity")

        run.fold(.customerStatusChanged(customer: true, since: nil), at: "2026-03-06T09:00:00Z")
        let customer = run.step(65, at: "2026-03-06T10:00:00Z")
        #expect(customer.first(.propertyUpdate)?.patchedProperties == ["lifecyclestage", "crosshub_qualification_date"])
        #expect(customer.first(.propertyUpdate)?.property("lifecyclestage") == "customer")
        #expect(customer.kinds == ["property-update"])
    }

    @Test func unknownPublishedValuesCompareAsChanged() throws {
        var run = try DecisionRun()
        run.state.emitted = EmittedQualification(
            score: 45, status: "LEAD", nurtureTrack: "High-Potential",
            components: .init(marketing: 62.5, sales: 40, service: 50, demographic: 70, behavioral: 55),
            lifecycleStage: "somethingelse", sqlEnteredAt: nil, modelVersion: "old@1", causingEventID: "x",
            counts: .init(qualifications: 1, propertyUpdates: 1, statusChanges: 1, trackChanges: 1))
        let decision = run.step(45, at: "2026-03-03T10:00:00Z")
        // An unknown old track is not left, since no workflow belongs to it.
        #expect(decision.kinds == ["qualification", "property-update", "enrollment:enroll"])
        #expect(decision.first(.qualification)?.member("previous")?.get("nurture_track")?.stringValue == "High-Potential")
        #expect(decision.first(.propertyUpdate)?.property("lifecyclestage") == "lead")
    }
}
