import Foundation
import Testing
@testable import CrossHubService

/// The `replay`, `compare`, `report` and `reset` commands through the built binary.
@Suite struct ReplayCommandTests {
    /// Runs `crosshub` to completion and returns its exit status, standard output and standard error.
    private func crosshub(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = ChildProcess.crosshub
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    private func craftedFile() throws -> URL {
        var lines = CraftedJourney.sql("cli", day: 6)
        lines.append("{broken")
        return try ReplayTestSupport.writeTemporary(Array((lines.joined(separator: "\n") + "\n").utf8), name: "cli")
    }

    @Test func replayWritesFileAndSummary() throws {
        let input = try craftedFile()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-cli-out-\(UUID().uuidString).jsonl")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        let run = try crosshub(["replay", "--from-file", input.path, "--to-file", output.path, "--with-side-effects"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("line 13: invalid_json:"), "\(run.error)")
        #expect(run.error.contains("13 events read; 12 folded; 0 warm-up; 0 duplicate; 1 invalid"), "\(run.error)")
        let records = try ReplayTestSupport.records(Array(try Data(contentsOf: output)))
        #expect(records.map(\.kind) == ["qualification", "property-update", "note", "task", "notification", "notification"])
    }

    @Test func compareAndReportPrintJSON() throws {
        let input = try craftedFile()
        let plot = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-cli-\(UUID().uuidString).svg")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: plot)
        }

        let compare = try crosshub(["compare", "--model", "default", "--model", "default", "--from-file", input.path, "--format", "json"])
        #expect(compare.status == 0, "\(compare.error)")
        let comparison = try #require(try JSONSerialization.jsonObject(with: Data(compare.output.utf8)) as? [String: Any])
        #expect(comparison["directions"] as? [String: Int] == ["up": 0, "down": 0, "same": 1])

        let report = try crosshub(["report", "--from-file", input.path, "--format", "json", "--plot", plot.path])
        #expect(report.status == 0, "\(report.error)")
        let measures = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        #expect((measures["qualification_accuracy"] as? [String: Any])?["sql_contacts"] as? Int == 1)
        #expect(try String(contentsOf: plot, encoding: .utf8).hasPrefix("<svg"))
    }

    @Test func invalidOptionsExitTwo() throws {
        #expect(try crosshub(["compare", "--model", "default", "--from-file", "-"]).status == 2)
        #expect(try crosshub(["replay", "--from", "yesterday", "--from-file", "-"]).status == 2)
        #expect(try crosshub(["replay", "--from", "2026-02-01T00:00:00Z", "--to", "2026-01-01T00:00:00Z", "--from-file", "-"]).status == 2)
        #expect(try crosshub(["reset", "--changelog", "new-topic"]).status == 2)
        #expect(try crosshub(["report", "--format", "xml", "--from-file", "-"]).status == 2)
    }
}
