import Testing
@testable import Qualification

/// Policy validation, parsing, suppressed side effects, backfill marks and task routing.
@Suite struct DecisionPolicyTests {
    @Test func defaultsMatchDocumentation() throws {
        let policy = DecisionPolicy()
        try policy.validate()
        #expect(policy.taskOwnerFallback == "sales-queue")
        #expect(policy.marketingRecipient == "marketing-team")
        #expect(policy.sqlReentryCooldown == .seconds(30 * 86_400))
        #expect(policy.businessHours == .standard)
        #expect(policy.taskDueAfter == .seconds(4 * 3600))
        #expect(policy.nurtureWorkflows == [.highPotential: "crosshub-nurture-high-potential",
                                            .standard: "crosshub-nurture-standard"])
        #expect(policy.sideEffects == .emit)
        #expect(policy.backfill == false)
    }

    @Test func invalidSettingsNameFieldAndFix() {
        func rejection(_ change: (inout DecisionPolicy) -> Void) -> DecisionPolicyError? {
            var policy = DecisionPolicy()
            change(&policy)
            do {
                try policy.validate()
                return nil
            } catch {
                return error
            }
        }
        #expect(rejection { $0.taskOwnerFallback = "" }?.description
            == "invalid taskOwnerFallback '': must not be empty; set a name such as sales-queue")
        #expect(rejection { $0.marketingRecipient = "team\nlead" }?.description
            == "invalid marketingRecipient 'team\nlead': contains a control character; use printable text such as marketing-team")
        #expect(rejection { $0.marketingRecipient = String(repeating: "m", count: 256) }?.reason
            == "is 256 bytes long; use at most 255")
        #expect(rejection { $0.sqlReentryCooldown = .seconds(-1) }?.description
            == "invalid sqlReentryCooldown '-1s': must be from 0 to 3650 days, such as 30d")
        #expect(rejection { $0.taskDueAfter = .seconds(8785 * 3600) }?.description
            == "invalid taskDueAfter '8785h': must be from 0 to 8784 hours of business time, such as 4h")
        #expect(rejection { $0.businessHours.openDays = [] }?.field == .businessHours)
        #expect(rejection { $0.nurtureWorkflows[.standard] = "" }?.description
            == "invalid nurtureWorkflows 'STANDARD=': must not be empty; set a name such as crosshub-nurture-standard")
        #expect(throws: DecisionPolicyError.self) {
            var policy = DecisionPolicy()
            policy.taskOwnerFallback = ""
            _ = try QualificationDecider(policy: policy)
        }
    }

    @Test func durationsParseWithUnits() throws {
        #expect(try DecisionPolicy.parseDuration("30d", field: .sqlReentryCooldown) == .seconds(30 * 86_400))
        #expect(try DecisionPolicy.parseDuration("4h", field: .taskDueAfter) == .seconds(14_400))
        #expect(try DecisionPolicy.parseDuration("90m", field: .taskDueAfter) == .seconds(5400))
        #expect(try DecisionPolicy.parseDuration("45s", field: .taskDueAfter) == .seconds(45))
        #expect(try DecisionPolicy.parseDuration("0", field: .taskDueAfter) == .zero)
        for text in ["", "30", "d", "-1d", "1.5h", "30 d", "99999999999999999d"] {
            #expect(throws: DecisionPolicyError(field: .sqlReentryCooldown, value: text,
                                                reason: "expected a whole number with a unit d, h, m or s, such as 30d or 4h")) {
                try DecisionPolicy.parseDuration(text, field: .sqlReentryCooldown)
            }
        }
        #expect(DecisionPolicy.durationText(.seconds(30 * 86_400)) == "30d")
        #expect(DecisionPolicy.durationText(.seconds(5400)) == "90m")
        #expect(DecisionPolicy.durationText(.seconds(61)) == "61s")
    }

    @Test func workflowsParsePerTrack() throws {
        var policy = DecisionPolicy()
        try policy.setNurtureWorkflow(parsing: "SALES_HANDOFF=crosshub-handoff")
        try policy.setNurtureWorkflow(parsing: "STANDARD=")
        #expect(policy.nurtureWorkflows == [.highPotential: "crosshub-nurture-high-potential",
                                            .salesHandoff: "crosshub-handoff"])
        #expect(throws: DecisionPolicyError.self) { try policy.setNurtureWorkflow(parsing: "standard=x") }
        #expect(throws: DecisionPolicyError.self) { try policy.setNurtureWorkflow(parsing: "STANDARD") }
    }

    @Test func suppressedSideEffectsKeepIds() throws {
        var suppressedPolicy = DecisionPolicy()
        suppressedPolicy.sideEffects = .suppress
        let suppressed = try DecisionOutputIDTests.journey(policy: suppressedPolicy)
        let emitted = try DecisionOutputIDTests.journey()

        for (quiet, full) in zip(suppressed, emitted) {
            #expect(quiet.outputs.allSatisfy { !$0.kind.isSideEffect })
            #expect(quiet.outputs == full.outputs.filter { !$0.kind.isSideEffect })
            // The transitions are still recorded, so later ids match an emitting run.
            #expect(quiet.emitted == full.emitted)
        }
        #expect(suppressed.last?.emitted?.counts.sqlEntries == 2)
    }

    @Test func backfillMarksRecords() throws {
        var policy = DecisionPolicy()
        policy.backfill = true
        let outputs = try DecisionOutputIDTests.journey(policy: policy).flatMap(\.outputs)
        let plain = try DecisionOutputIDTests.journey().flatMap(\.outputs)
        #expect(outputs.map(\.outputID) == plain.map(\.outputID))
        for output in outputs {
            #expect(output.header("crosshub.backfill") == "true")
            #expect(output.member("backfill") == (output.kind.isSideEffect ? nil : .bool(true)), "\(output.kind)")
        }
        for output in plain {
            #expect(output.header("crosshub.backfill") == nil)
            #expect(output.member("backfill") == (output.kind.isSideEffect ? nil : .bool(false)), "\(output.kind)")
        }
    }

    @Test func taskGoesToProfileOwner() throws {
        var run = try DecisionRun()
        run.fold(.formSubmitted(formID: "demo-request"), at: "2026-03-04T08:00:00Z")
        let decision = run.step(85, at: "2026-03-04T10:00:00Z")
        let task = try #require(decision.first(.task))
        #expect(task.field("owner") == "u-17")
        #expect(task.field("owner_source") == "profile")
        #expect(task.field("owner_email") == "rep@example.com")
        #expect(task.field("due_at") == "2026-03-04T14:00:00Z")
        #expect(task.field("priority") == "HIGH")
        #expect(task.field("title") == "Follow up with Ana Ruiz (Acme): sales qualified, score 85")

        let context = try #require(task.member("context"))
        #expect(context.get("score")?.intValue == 85)
        #expect(context.get("status")?.stringValue == "SALES_QUALIFIED_LEAD")
        #expect(context.get("profile")?.get("email")?.stringValue == "ana@example.com")
        #expect(context.get("profile")?.get("job_title")?.stringValue == "VP Marketing")
        guard case .array(let touches)? = context.get("recent_touches") else {
            Issue.record("recent_touches is not an array")
            return
        }
        #expect(touches.first?.get("type")?.stringValue == "marketing.page_viewed")
        #expect(touches.first?.get("occurred_at")?.stringValue == "2026-03-04T10:00:00Z")
        #expect(touches.contains { $0.get("type")?.stringValue == "marketing.form_submitted" })
        guard case .array(let factors)? = context.get("top_factors") else {
            Issue.record("top_factors is not an array")
            return
        }
        #expect(factors.count == DecisionRun.template.topFactors.count)
        #expect(factors.first?.get("detail")?.stringValue == DecisionRun.template.detail(of: DecisionRun.template.topFactors[0]))

        let body = try #require(task.field("body"))
        #expect(body.hasPrefix("Ana Ruiz (VP Marketing, Acme) entered SALES_QUALIFIED_LEAD with a score of 85 on 2026-03-04."))
        #expect(body.contains("Recent touches:\n- 2026-03-04T10:00:00Z marketing.page_viewed https://example.com/pricing"))
        #expect(body.contains("Email: ana@example.com"))

        let notifications = decision.outputs.filter { $0.kind == .notification }
        #expect(notifications.map { $0.field("recipient_role") } == ["sales-owner", "marketing"])
        #expect(notifications.map { $0.field("recipient") } == ["rep@example.com", "marketing-team"])
        #expect(notifications.allSatisfy { $0.field("task_output_id") == task.outputID })
        #expect(notifications.first?.field("subject") == "New sales qualified lead: Ana Ruiz (Acme), score 85")
    }

    @Test func taskFallsBackToQueue() throws {
        var policy = DecisionPolicy()
        policy.taskOwnerFallback = "emea-sales"
        policy.marketingRecipient = "demand-gen@example.com"
        var profile = ProfileUpdate()
        profile.email = "lee@example.org"
        var run = try DecisionRun(policy: policy, profile: profile)
        let decision = run.step(85, at: "2026-03-04T10:00:00Z")
        let task = try #require(decision.first(.task))
        #expect(task.field("owner") == "emea-sales")
        #expect(task.field("owner_source") == "fallback")
        #expect(task.member("owner_email") == .null)
        #expect(task.field("title") == "Follow up with lee@example.org: sales qualified, score 85")
        #expect(task.member("context")?.get("profile")?.get("first_name") == .null)
        let recipients = decision.outputs.filter { $0.kind == .notification }.map { $0.field("recipient") }
        #expect(recipients == ["emea-sales", "demand-gen@example.com"])
    }

    @Test func workflowPolicyDrivesEnrollments() throws {
        var policy = DecisionPolicy()
        policy.nurtureWorkflows = [.salesHandoff: "handoff-flow", .standard: "standard-flow"]
        var run = try DecisionRun(policy: policy)
        run.step(45, at: "2026-03-03T10:00:00Z")
        let decision = run.step(65, at: "2026-03-04T10:00:00Z")
        // HIGH_POTENTIAL has no workflow here, so only the leave is published.
        #expect(decision.kinds.filter { $0.hasPrefix("enrollment") } == ["enrollment:leave"])
        let sql = run.step(85, at: "2026-03-05T10:00:00Z")
        #expect(sql.outputs.filter { $0.kind == .enrollment }.map { $0.field("workflow_id") } == ["handoff-flow"])
    }
}
