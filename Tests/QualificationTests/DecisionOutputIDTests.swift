import Testing
@testable import Qualification

/// Output ids and record bytes are deterministic, distinct per kind,
/// discriminator and ordinal, and do not depend on where batches were cut.
@Suite struct DecisionOutputIDTests {
    /// A journey through every kind: lead, MQL, SQL, back to MQL, SQL again after the cooldown.
    static func journey(policy: DecisionPolicy = DecisionPolicy()) throws -> [Decision] {
        var run = try DecisionRun(policy: policy)
        run.step(45, at: "2026-03-03T10:00:00Z")
        run.step(65, at: "2026-03-04T10:00:00Z")
        run.step(85, at: "2026-03-05T10:00:00Z")
        run.step(66, at: "2026-03-20T10:00:00Z")
        run.step(88, at: "2026-04-10T10:00:00Z")
        return run.decisions
    }

    @Test func idHasDocumentedForm() {
        let id = OutputID.make(contactID: "c-1", kind: .task, discriminator: "", ordinal: 1)
        #expect(id.count == 32)
        #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        // SHA-256 of "crosshub.output/v1" + "3:c-1" + "4:task" + "0:" + "1:1".
        #expect(id == String(SHA256.hash("crosshub.output/v13:c-14:task0:1:1").hex.prefix(32)))
    }

    @Test func idsDifferByEveryPart() {
        let base = OutputID.make(contactID: "c-1", kind: .notification, discriminator: "sales-owner", ordinal: 1)
        #expect(base != OutputID.make(contactID: "c-2", kind: .notification, discriminator: "sales-owner", ordinal: 1))
        #expect(base != OutputID.make(contactID: "c-1", kind: .task, discriminator: "sales-owner", ordinal: 1))
        #expect(base != OutputID.make(contactID: "c-1", kind: .notification, discriminator: "marketing", ordinal: 1))
        #expect(base != OutputID.make(contactID: "c-1", kind: .notification, discriminator: "sales-owner", ordinal: 2))
        // Length prefixes keep parts from running into each other.
        #expect(OutputID.make(contactID: "c-1", kind: .note, discriminator: "1", ordinal: 1)
            != OutputID.make(contactID: "c-11", kind: .note, discriminator: "", ordinal: 1))
    }

    @Test func sameInputsGiveSameBytes() throws {
        let first = try Self.journey()
        let second = try Self.journey()
        #expect(first.map(\.outputs) == second.map(\.outputs))
        #expect(first.map(\.emitted) == second.map(\.emitted))
    }

    @Test func idsAreUniqueAcrossJourney() throws {
        let outputs = try Self.journey().flatMap(\.outputs)
        #expect(outputs.count == 27)
        #expect(Set(outputs.map(\.outputID)).count == outputs.count)
        for output in outputs {
            #expect(output.field("output_id") == output.outputID)
            #expect(output.header("crosshub.output_id") == output.outputID)
        }
    }

    @Test func redeliveryRepeatsDecision() throws {
        var run = try DecisionRun()
        run.step(65, at: "2026-03-03T10:00:00Z")
        run.fold(.pageViewed(url: "/pricing", highValue: true), at: "2026-03-04T10:00:00Z")
        // The same state restored after a crash decides the same outputs again.
        let input = run.input(score: 85)
        #expect(run.decider.decide(input).outputs == run.decider.decide(input).outputs)
        #expect(run.decider.decide(input).emitted == run.decider.decide(input).emitted)
    }

    /// A batch that folds the MQL and SQL events together decides once; one per event decides twice.
    /// The task and its notifications keep their ids either way.
    @Test func sideEffectIdsIgnoreBatchBoundaries() throws {
        var perEvent = try DecisionRun()
        perEvent.step(45, at: "2026-03-03T10:00:00Z")
        perEvent.step(65, at: "2026-03-04T10:00:00Z")
        let separate = perEvent.step(85, at: "2026-03-05T10:00:00Z")

        var batched = try DecisionRun()
        batched.step(45, at: "2026-03-03T10:00:00Z")
        batched.fold(.pageViewed(url: "https://example.com/pricing", highValue: true), at: "2026-03-04T10:00:00Z")
        let together = batched.step(85, at: "2026-03-05T10:00:00Z")

        for kind in [OutputKind.task, .notification] {
            let separateIDs = separate.outputs.filter { $0.kind == kind }.map(\.outputID)
            let togetherIDs = together.outputs.filter { $0.kind == kind }.map(\.outputID)
            #expect(!separateIDs.isEmpty)
            #expect(separateIDs == togetherIDs, "\(kind)")
        }
    }

    /// The nth qualification of a replay with other values must not reuse the original's id.
    @Test func qualificationIdsFollowValues() throws {
        var original = try DecisionRun()
        let first = original.step(45, at: "2026-03-03T10:00:00Z")
        var replay = try DecisionRun()
        let other = replay.step(46, at: "2026-03-03T10:00:00Z")
        #expect(first.first(.qualification)?.outputID != other.first(.qualification)?.outputID)
        #expect(first.first(.propertyUpdate)?.outputID != other.first(.propertyUpdate)?.outputID)
        #expect(first.first(.note)?.outputID == other.first(.note)?.outputID)
    }

    @Test func recordsCarryCommonFieldsAndHeaders() throws {
        let outputs = try Self.journey().flatMap(\.outputs)
        for output in outputs {
            #expect(output.key == DecisionRun.contactID)
            #expect(output.text.hasPrefix(#"{"schema":"\#(output.kind.schemaName)","output_id":""#), "\(output.kind)")
            #expect(output.field("contact_id") == DecisionRun.contactID)
            #expect(output.field("model_version") == DecisionRun.template.modelVersion)
            #expect(output.member("cause")?.get("event_type")?.stringValue == "marketing.page_viewed")
            #expect(output.headers.map(\.name) == ["crosshub.schema", "crosshub.output_id", "crosshub.model_version",
                                                   "crosshub.source_event_id", "crosshub.contact_id"])
            #expect(output.header("crosshub.schema") == output.kind.schemaName)
            #expect(output.header("crosshub.source_event_id") == output.member("cause")?.get("event_id")?.stringValue)
            #expect(output.header("crosshub.contact_id") == DecisionRun.contactID)
            #expect(output.header("crosshub.model_version") == DecisionRun.template.modelVersion)
        }
    }

    @Test func propertiesKeepDocumentedOrder() throws {
        let update = try #require(try Self.journey()[0].first(.propertyUpdate))
        var position = update.text.startIndex
        for name in CRMProperties.names {
            let range = try #require(update.text.range(of: "\"\(name)\":", range: position..<update.text.endIndex), "\(name)")
            position = range.upperBound
        }
    }
}
