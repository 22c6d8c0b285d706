import Foundation
import Testing
@testable import Qualification

/// Every output record validates against its schema in `schemas/outputs/`,
/// and the schemas reject records that break them. Validation runs Python's
/// `jsonschema` (Draft 2020-12, with format checks).
@Suite struct DecisionSchemaTests {
    /// Returns one verdict per line: "ok", or "invalid" with the first error.
    static func validate(_ lines: [String], schema: URL) throws -> [String] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-records-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(lines.joined(separator: "\n").utf8).write(to: input)
        let script = TestPaths.fixtures.appendingPathComponent("validate-records.py").path
        let output = try runProcess("python3", [script, schema.path, input.path])
        return output.split(separator: "\n").map(String.init)
    }

    static func schemaURL(_ kind: OutputKind) -> URL {
        TestPaths.schemas.appendingPathComponent("outputs/\(kind.rawValue).schema.json")
    }

    /// Records of every kind from journeys that cover overrides, fallbacks, backfills and re-entries.
    static func sampleRecords() throws -> [OutputRecord] {
        var records = try DecisionOutputIDTests.journey().flatMap(\.outputs)

        var backfill = DecisionPolicy()
        backfill.backfill = true
        records += try DecisionOutputIDTests.journey(policy: backfill).flatMap(\.outputs)

        var overridden = try DecisionRun()
        overridden.step(65, at: "2026-03-03T10:00:00Z")
        overridden.fold(DecisionOverrideTests.override(.salesQualifiedLead, expiresAt: "2026-03-20T00:00:00Z"),
                        at: "2026-03-04T09:00:00Z")
        overridden.step(62, at: "2026-03-04T10:00:00Z")
        overridden.fold(.overrideCleared, at: "2026-03-05T09:00:00Z")
        overridden.step(30, at: "2026-03-05T10:00:00Z")
        records += overridden.decisions.flatMap(\.outputs)

        var unnamed = try DecisionRun(profile: ProfileUpdate())
        unnamed.step(91, at: "2026-03-06T16:30:00Z")
        records += unnamed.decisions.flatMap(\.outputs)
        return records
    }

    @Test func everyRecordKindValidates() throws {
        let records = try Self.sampleRecords()
        for kind in OutputKind.allCases {
            let lines = records.filter { $0.kind == kind }.map(\.text)
            #expect(lines.count >= 3, "\(kind)")
            let verdicts = try Self.validate(lines, schema: Self.schemaURL(kind))
            #expect(verdicts.count == lines.count, "\(kind)")
            for (line, verdict) in zip(lines, verdicts) where verdict != "ok" {
                Issue.record("\(kind): \(verdict)\n\(line)")
            }
        }
    }

    /// One valid record of each kind, changed in one way each; every change must be rejected.
    @Test func brokenRecordsAreRejected() throws {
        let records = try Self.sampleRecords()
        for kind in OutputKind.allCases {
            let record = try #require(records.first { $0.kind == kind && $0.member("previous") != .null })
            guard case .object(let members) = record.json else {
                Issue.record("\(kind) record is not an object")
                continue
            }
            var broken: [(String, [String: JSONValue])] = []
            for name in ["output_id", "cause", "sequence"] {
                var copy = members
                copy[name] = nil
                broken.append(("without \(name)", copy))
            }
            var copy = members
            copy["output_id"] = .string("ABC")
            broken.append(("output_id not hex", copy))
            copy = members
            copy["occurred_at"] = .string("2026-02-30T10:00:00Z")
            broken.append(("impossible date", copy))
            copy = members
            copy["schema"] = .string("crosshub.other/v1")
            broken.append(("other schema name", copy))
            copy = members
            copy["sequence"] = .integer(0)
            broken.append(("sequence 0", copy))
            copy = members
            copy["surprise"] = .bool(true)
            broken.append(("unknown field", copy))

            let lines = broken.map { JSONValue.object($0.1).jsonText }
            let verdicts = try Self.validate(lines, schema: Self.schemaURL(kind))
            #expect(verdicts.count == lines.count)
            for ((change, _), verdict) in zip(broken, verdicts) {
                #expect(verdict.hasPrefix("invalid"), "\(kind) \(change): \(verdict)")
            }
        }
    }

    @Test func kindSpecificValuesAreChecked() throws {
        let records = try Self.sampleRecords()
        let cases: [(OutputKind, String, JSONValue)] = [
            (.qualification, "status", .string("HOT_LEAD")),
            (.qualification, "score", .string("85")),
            (.qualification, "lifecycle_stage", .string("evangelist")),
            (.propertyUpdate, "properties", .object([:])),
            (.propertyUpdate, "properties", .object(["crosshub_score": .integer(85)])),
            (.propertyUpdate, "properties", .object(["hs_lead_status": .string("NEW")])),
            (.task, "owner", .string("")),
            (.task, "due_at", .string("tomorrow")),
            (.notification, "recipient_role", .string("ceo")),
            (.notification, "task_output_id", .null),
            (.note, "body", .string("")),
            (.enrollment, "action", .string("pause")),
            (.enrollment, "to_track", .string("High-Potential")),
        ]
        for (kind, name, value) in cases {
            let record = try #require(records.first { $0.kind == kind })
            guard case .object(var members) = record.json else { continue }
            members[name] = value
            let verdicts = try Self.validate([JSONValue.object(members).jsonText], schema: Self.schemaURL(kind))
            #expect(verdicts.first?.hasPrefix("invalid") == true, "\(kind) \(name) = \(value.jsonText): \(verdicts)")
        }
    }

    @Test func schemasListEveryCode() throws {
        let factorCodes = JSONValue.array(FactorCode.allCases.map { .string($0.name) })
        let eventTypes = JSONValue.array(EventType.allCases.map { .string($0.rawValue) })
        for kind in OutputKind.allCases {
            let schema = try JSONValue.parse(Data(contentsOf: Self.schemaURL(kind)))
            if kind != .propertyUpdate && kind != .enrollment {
                let codes = schema.get("$defs")?.get("factor")?.get("properties")?.get("code")?.get("enum")
                #expect(codes == factorCodes, "\(kind) schema's factor codes differ from FactorCode")
            }
            #expect(schema.get("$defs")?.get("cause")?.get("properties")?.get("event_type")?.get("enum") == eventTypes, "\(kind)")
            #expect(schema.get("properties")?.get("schema")?.get("const")?.stringValue == kind.schemaName)
        }
        let update = try JSONValue.parse(Data(contentsOf: Self.schemaURL(.propertyUpdate)))
        guard case .object(let properties)? = update.get("properties")?.get("properties")?.get("properties") else {
            Issue.record("property-update.schema.json lists no properties")
            return
        }
        #expect(Set(properties.keys) == Set(CRMProperties.names))
    }

    @Test func deadLetterHeadersSchemaValidates() throws {
        let schema = TestPaths.schemas.appendingPathComponent("dead-letter-headers.schema.json")
        let valid = #"{"crosshub.error.code":"wrong_type","crosshub.error.message":"data.duration_minutes: expected a number, got \"ten\"","crosshub.source.topic":"sales.events","crosshub.source.partition":"3","crosshub.source.offset":"1042","crosshub.source.timestamp":"1772355000125","crosshub.dead_lettered_at":"2026-03-01T09:30:00.125Z","traceparent":"00-abc"}"#
        let lines = [
            valid,
            valid.replacingOccurrences(of: #","crosshub.source.timestamp":"1772355000125""#, with: ""),
            valid.replacingOccurrences(of: #""3""#, with: #""three""#),
            valid.replacingOccurrences(of: #""wrong_type""#, with: #""Wrong Type""#),
            valid.replacingOccurrences(of: #""2026-03-01T09:30:00.125Z""#, with: #""yesterday""#),
            valid.replacingOccurrences(of: #""crosshub.error.message":"#, with: #""crosshub.error.text":"#),
        ]
        let verdicts = try Self.validate(lines, schema: schema)
        #expect(verdicts.count == lines.count)
        #expect(verdicts.prefix(2).allSatisfy { $0 == "ok" }, "\(verdicts)")
        #expect(verdicts.dropFirst(2).allSatisfy { $0.hasPrefix("invalid") }, "\(verdicts)")
    }
}
