import Foundation
import Testing
@testable import Qualification

/// Pins every byte the decider writes: values, keys, output ids and headers.
///
/// `Fixtures/decision-events.jsonl` contains the 16-contact population of
/// `crosshub generate --contacts 16 --seed 2 --local-times` and hand-written
/// events for overrides and for texts that need JSON escapes. Each run folds
/// the events in file order and decides every few events, as the service
/// does per batch, storing `emitted` after each decision.
/// `Fixtures/decision-digests.txt` contains, per run and contact, the number of
/// records and the SHA-256 of all of them. A change to any record changes a line.
@Suite struct DecisionGoldenBytesTests {
    /// One way of deciding the fixture's events.
    struct Run {
        let name: String
        let policy: DecisionPolicy
        /// The number of events folded between two decisions of a contact.
        let eventsPerDecision: Int
    }

    static var runs: [Run] {
        var backfill = DecisionPolicy()
        backfill.backfill = true
        backfill.sideEffects = .suppress
        var custom = DecisionPolicy()
        custom.taskOwnerFallback = "queue \"west\""
        custom.marketingRecipient = "mktg-ü"
        custom.sqlReentryCooldown = .seconds(86_400)
        custom.taskDueAfter = .seconds(90 * 60)
        custom.nurtureWorkflows[.salesHandoff] = "handoff-flow"
        return [
            Run(name: "default-each", policy: DecisionPolicy(), eventsPerDecision: 1),
            Run(name: "default-batch7", policy: DecisionPolicy(), eventsPerDecision: 7),
            Run(name: "backfill-each", policy: backfill, eventsPerDecision: 1),
            Run(name: "custom-each", policy: custom, eventsPerDecision: 1),
        ]
    }

    @Test func recordsMatchPinnedDigests() throws {
        let events = try Self.fixtureEvents()
        var lines: [String] = []
        var kinds: [OutputKind: Int] = [:]
        for run in Self.runs {
            for (contactID, records) in try Self.decide(events, run).sorted(by: { $0.key < $1.key }) {
                var hasher = SHA256()
                for record in records {
                    Self.feed(record, to: &hasher)
                    kinds[record.kind, default: 0] += 1
                }
                lines.append("\(run.name) \(JSONValue.string(contactID).jsonText) \(records.count) \(hasher.finalize().hex)")
            }
        }

        // The fixture must reach every record kind, or the pins miss a writer.
        for kind in OutputKind.allCases {
            #expect(kinds[kind, default: 0] > 0, "no \(kind.rawValue) record in the fixture runs")
        }

        let pinnedURL = TestPaths.fixtures.appendingPathComponent("decision-digests.txt")
        let pinned = try String(contentsOf: pinnedURL, encoding: .utf8).split(separator: "\n").map(String.init)
        if lines != pinned {
            let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("decision-digests.actual.txt")
            try (lines.joined(separator: "\n") + "\n").write(to: actualURL, atomically: true, encoding: .utf8)
            let first = zip(lines, pinned).first { $0 != $1 }
            Issue.record("""
                decision records differ from \(pinnedURL.lastPathComponent): first difference \
                \(first.map { "\($0.1) -> \($0.0)" } ?? "in the line count, \(pinned.count) -> \(lines.count)"). \
                Check the change, then copy \(actualURL.path) over the fixture if it is intended.
                """)
        }
    }

    /// Decides the events of each contact every `run.eventsPerDecision`
    /// events and once after its last, and returns each contact's records in order.
    static func decide(_ events: [Event], _ run: Run) throws -> [String: [OutputRecord]] {
        let decider = try QualificationDecider(policy: run.policy)
        var states: [String: ContactState] = [:]
        var pending: [String: (count: Int, cause: DecisionCause)] = [:]
        var records: [String: [OutputRecord]] = [:]

        func decide(_ contactID: String) {
            guard let cause = pending.removeValue(forKey: contactID)?.cause, var state = states[contactID] else { return }
            let decision = decider.decide(DecisionInput(state: state, result: Scorer.default.score(state.features()), cause: cause))
            state.emitted = decision.emitted
            states[contactID] = state
            records[contactID, default: []] += decision.outputs
        }

        for (offset, event) in events.enumerated() {
            let source = EventSource(topic: "golden.events", partition: Int32(offset % 3), offset: Int64(offset))
            let outcome = states[event.contactID, default: ContactState(contactID: event.contactID)].fold(event, from: source)
            guard outcome == .folded else { continue }

            // The cause is the newest event of the batch, as the service keeps it.
            let cause = DecisionCause(eventID: event.eventID, eventType: event.type, occurredAt: event.occurredAt, source: source)
            var entry = pending[event.contactID] ?? (0, cause)
            entry.count += 1
            if cause.occurredAt >= entry.cause.occurredAt { entry.cause = cause }
            pending[event.contactID] = entry
            if entry.count >= run.eventsPerDecision { decide(event.contactID) }
        }
        for contactID in pending.keys.sorted() {
            decide(contactID)
        }
        return records
    }

    /// Feeds every part of `record` to `hasher`, each as its length and its bytes.
    static func feed(_ record: OutputRecord, to hasher: inout SHA256) {
        var parts = [Array(record.kind.rawValue.utf8), Array(record.key.utf8), Array(record.outputID.utf8), record.value]
        for header in record.headers {
            parts.append(Array(header.name.utf8))
            parts.append(Array(header.value.utf8))
        }
        for part in parts {
            hasher.update("\(part.count):")
            hasher.update(part)
        }
    }

    static func fixtureEvents() throws -> [Event] {
        let url = TestPaths.fixtures.appendingPathComponent("decision-events.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try decodeEvent(String($0)) }
    }
}
