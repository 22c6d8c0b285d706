import Foundation
import Testing
@testable import Qualification

/// Runs the built `crosshub` binary, which `swift test` builds with the tests.
@Suite struct ScoringCommandTests {
    struct Run {
        let status: Int32
        let standardOutput: String
        let standardError: String

        var outputLines: [String] { standardOutput.split(separator: "\n").map(String.init) }
        var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
    }

    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosshub")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) {
            return besideTests
        }
        return repositoryRoot.appendingPathComponent(".build/debug/crosshub")
    }

    /// Runs `crosshub` with `arguments` and `input` on standard input, from the repository root.
    static func crosshub(_ arguments: [String], input: String = "") throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputURL)
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CROSSHUB_") }
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                   standardError: try String(contentsOf: errorURL, encoding: .utf8))
    }

    @Test func scoresGoldenFeatures() throws {
        let input = ScoringVector.all.map { LeadFeaturesJSON.line(for: $0.features) }.joined(separator: "\n") + "\n"
        let run = try Self.crosshub(["score"], input: input)
        #expect(run.status == 0)
        #expect(run.outputLines.count == ScoringVector.all.count)
        for (line, vector) in zip(run.outputLines, ScoringVector.all) {
            let result = try JSONValue.parse(line)
            #expect(result["score"] == .integer(Int64(vector.score)), "\(vector.features.contactID ?? "?")")
            #expect(result["status"] == .string(vector.status))
            #expect(result["contact_id"] == vector.features.contactID.map { .string($0) })
        }
        #expect(run.standardError == "crosshub score: 400 scored, 0 failed, model \(Scorer.default.modelVersion)\n")
    }

    @Test func outputEqualsLibraryBytes() throws {
        let document = #"{"contact_id": "c-1", "lead_score": 45, "previous_customer": true, "nps_score": 9}"#
        let run = try Self.crosshub(["score"], input: document + "\n")
        #expect(run.standardOutput == (try score(document)).jsonLine() + "\n")
    }

    @Test func badLinesReportedAndSkipped() throws {
        let input = """
        {"contact_id": "a", "lead_score": 10}
        {"contact_id": "b", "nps": 3}

        {"contact_id": "c", "lead_score": "high"}
        not json
        {"contact_id": "d"}
        """
        let run = try Self.crosshub(["score"], input: input)
        #expect(run.status == 1)
        #expect(run.outputLines.compactMap { try? JSONValue.parse($0)["contact_id"] } == [.string("a"), .string("d")])
        #expect(run.errorLines == [
            "line 2: nps: unknown field; schemas/features.schema.json lists the feature names",
            #"line 4: lead_score: expected an integer, got "high""#,
            "line 5: invalid JSON at byte 0: invalid literal, expected null",
            "crosshub score: 2 scored, 3 failed, model \(Scorer.default.modelVersion)",
        ])
    }

    @Test func modelOptionChangesVersion() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try changedModel("name", to: .string("strict"))
        try Data(model.json.prettyText(keyOrder: .memberOrder).utf8).write(to: url)

        let run = try Self.crosshub(["score", "--model", url.path], input: #"{"contact_id": "a"}"#)
        #expect(run.status == 0)
        #expect(try JSONValue.parse(run.outputLines.first ?? "")["model_version"] == .string(model.version))
    }

    @Test func invalidModelFileIsUsageError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let json = ScoringModel.default.json.replacing(["weights", "sales"], with: .string("high"))
        try Data(json.prettyText(keyOrder: .memberOrder).utf8).write(to: url)

        let run = try Self.crosshub(["score", "--model", url.path], input: "{}")
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.errorLines == [
            "crosshub score: invalid model file \(url.path):",
            #"  weights.sales: expected a number from 0 to 1, got "high""#,
        ])
    }

    @Test func modelDefaultPrintsShippedFile() throws {
        let run = try Self.crosshub(["model", "default"])
        #expect(run.status == 0)
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("models/default.json"), encoding: .utf8)
        #expect(run.standardOutput == shipped)
    }

    @Test func modelValidate() throws {
        let good = try Self.crosshub(["model", "validate", "models/default.json"])
        #expect(good.status == 0)
        #expect(good.standardOutput == "default \(ScoringModel.default.version)\n")

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let json = ScoringModel.default.json
            .replacing(["status_thresholds", "lead"], with: .integer(70))
            .replacing(["colour"], with: .string("blue"))
        try Data(json.prettyText(keyOrder: .memberOrder).utf8).write(to: url)
        let bad = try Self.crosshub(["model", "validate", url.path])
        #expect(bad.status == 1)
        #expect(bad.errorLines == [
            "\(url.path): invalid model, 2 problem(s):",
            "  status_thresholds.lead: 70 must be below marketing_qualified_lead (60)",
            "  colour: unknown key; expected one of name, weights, status_thresholds, nurture, marketing, sales, service, demographic, behavioral, top_factors, recommended_owner, next_best_actions, recommended_content, personalization",
        ])
    }

    @Test func modelCodesListsEveryCode() throws {
        let run = try Self.crosshub(["model", "codes"])
        #expect(run.status == 0)
        #expect(run.outputLines == FactorCode.allCases.map { "\($0.name)\t\($0.component.rawValue)" })
    }

    @Test func scoreRejectsPositionalArgument() throws {
        let run = try Self.crosshub(["score", "features.jsonl"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("unexpected argument 'features.jsonl'"))
    }

    @Test func benchScoreRuns() throws {
        let run = try Self.crosshub(["bench", "score", "--seconds", "0.1", "--rounds", "1"])
        #expect(run.status == 0)
        #expect(run.outputLines.first?.hasPrefix("crosshub bench score: 400 feature documents") == true)
        #expect(run.outputLines.contains { $0.contains("score / copy = ") })
    }
}
