import Foundation
import Testing
@testable import Qualification

/// The feature and qualification schemas accept what the scorer reads and
/// writes, and reject what the strict decoder rejects. Validation runs
/// Python's `jsonschema` (Draft 2020-12) on files the test writes.
@Suite struct ScoringSchemaTests {
    /// Validates each line of `lines` against `schema` and returns one verdict a line: "ok" or the first error.
    static func validate(_ lines: [String], schema: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: input)

        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for line in open(sys.argv[2]):
            errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.path))
            print("ok" if not errors else errors[0].message.replace("\\n", " "))
        """
        let output = try runProcess("python3", ["-c", script, repositoryRoot.appendingPathComponent("schemas/\(schema)").path, input.path])
        return output.split(separator: "\n").map(String.init)
    }

    static var goldenFeatureLines: [String] {
        ScoringVector.all.map { LeadFeaturesJSON.line(for: $0.features) }
    }

    static let extraDocuments = [
        #"{"contact_id": "c-x", "company_size": 250, "deal_stage": "contractsent", "nps_score": 0}"#,
        #"{"contact_id": null, "industry": null, "as_of": "2024-05-01T00:00:00Z"}"#,
        #"{}"#,
    ]

    @Test func goldenFeaturesValidate() throws {
        let lines = Self.goldenFeatureLines + Self.extraDocuments
        let verdicts = try Self.validate(lines, schema: "features.schema.json")
        #expect(verdicts.count == lines.count)
        for (index, verdict) in verdicts.enumerated() where verdict != "ok" {
            Issue.record("line \(index + 1): \(verdict)")
        }
    }

    @Test func resultsValidate() throws {
        var lines = ScoringVector.all.map { Scorer.default.score($0.features).jsonLine() }
        for document in Self.extraDocuments {
            lines.append(try score(document).jsonLine())
        }
        let verdicts = try Self.validate(lines, schema: "qualification.schema.json")
        #expect(verdicts.count == lines.count)
        for (index, verdict) in verdicts.enumerated() where verdict != "ok" {
            Issue.record("result \(index + 1): \(verdict)")
        }
    }

    /// The schema and the strict decoder accept and reject the same documents.
    @Test func schemaAgreesWithDecoder() throws {
        let documents = [
            #"{"nps": 3}"#,
            #"{"lead_score": "high"}"#,
            #"{"nps_score": 7.5}"#,
            #"{"nps_score": 7.0}"#,
            #"{"decision_maker": "Yes"}"#,
            #"{"company_size": true}"#,
            #"{"company_size": 12}"#,
            #"{"email_open_rate": 1}"#,
            #"{"industry": 5}"#,
            #"{"job_title": null}"#,
            #"[1]"#,
        ]
        let verdicts = try Self.validate(documents, schema: "features.schema.json")
        #expect(verdicts.count == documents.count)
        for (document, verdict) in zip(documents, verdicts) {
            let decoded = (try? features(document)) != nil
            #expect(decoded == (verdict == "ok"), "\(document): decoder \(decoded ? "accepts" : "rejects"), schema says \(verdict)")
        }
    }

    @Test func schemaListsEveryFactorCode() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("schemas/qualification.schema.json"))
        let schema = try JSONValue.parse(data)
        guard case .array(let codes)? = schema["$defs"]?["factor"]?["properties"]?["code"]?["enum"] else {
            Issue.record("qualification.schema.json has no factor code enum")
            return
        }
        #expect(codes == FactorCode.allCases.map { .string($0.name) })
    }

    @Test func featureSchemaListsEveryField() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("schemas/features.schema.json"))
        guard case .object(let properties)? = try JSONValue.parse(data)["properties"] else {
            Issue.record("features.schema.json has no properties")
            return
        }
        #expect(Set(properties.keys) == Set(LeadFeatures.CodingKeys.allCases.map(\.rawValue)))
    }
}

/// Writes feature documents as JSON lines through `LeadFeatures`' own `Codable`.
enum LeadFeaturesJSON {
    static func line(for features: LeadFeatures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(features) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
