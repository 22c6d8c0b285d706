import Foundation
import Testing

/// Output file options of `replay`, `report` and `generate` against their
/// input files, and symlinked outputs.
@Suite struct OutputFileCheckTests {
    /// Runs the built `crosshub` in `directory` and returns its status and combined output.
    private func crosshub(_ arguments: [String], in directory: URL) throws -> ProcessRun {
        try runProcess(ChildProcess.crosshub.path, arguments, directory: directory)
    }

    /// Makes a folder with `events.jsonl`, one contact's journey to SQL.
    private func folderWithEvents() throws -> (directory: URL, events: URL, bytes: Data) {
        let directory = try makeTemporaryDirectory("crosshub-output-check")
        let events = directory.appendingPathComponent("events.jsonl")
        let bytes = Data((CraftedJourney.sql("out", day: 6).joined(separator: "\n") + "\n").utf8)
        try bytes.write(to: events)
        return (directory, events, bytes)
    }

    /// Makes `directory/link` a symlink to `directory/target`, a file with old content, and returns both.
    private func symlink(_ link: String, to target: String, in directory: URL) throws -> (link: URL, target: URL) {
        let targetFile = directory.appendingPathComponent(target)
        try Data("old\n".utf8).write(to: targetFile)
        let linkFile = directory.appendingPathComponent(link)
        try FileManager.default.createSymbolicLink(atPath: linkFile.path, withDestinationPath: target)
        return (linkFile, targetFile)
    }

    @Test func replayRejectsOutputThatIsInput() throws {
        let (directory, events, bytes) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.jsonl").path,
                                                   withDestinationPath: "events.jsonl")
        try FileManager.default.linkItem(at: events, to: directory.appendingPathComponent("hard.jsonl"))

        let spellings: [(input: String, output: String)] = [
            ("events.jsonl", "events.jsonl"),
            ("./events.jsonl", events.path),
            ("link.jsonl", "events.jsonl"),
            ("events.jsonl", "link.jsonl"),
            ("hard.jsonl", "../\(directory.lastPathComponent)/./events.jsonl"),
        ]
        for (input, output) in spellings {
            let run = try crosshub(["replay", "--from-file", input, "--to-file", output], in: directory)
            #expect(run.status == 2, "\(input) -> \(output): \(run.output)")
            #expect(run.output.contains("--to-file '\(output)' is the same file as --from-file '\(input)'"), "\(run.output)")
            #expect(run.output.contains("choose another --to-file path"), "\(run.output)")
            #expect(try Data(contentsOf: events) == bytes, "\(input) -> \(output) changed the input")
        }
    }

    @Test func replayRejectsMissingInputAsOutput() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }

        let run = try crosshub(["replay", "--from-file", "later.jsonl", "--to-file", "./later.jsonl"], in: directory)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("--to-file './later.jsonl' is the same file as --from-file 'later.jsonl'"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("later.jsonl").path))
    }

    @Test func replayRejectsRedirectedStandardInput() throws {
        let (directory, events, bytes) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }

        let command = "'\(ChildProcess.crosshub.path)' replay --from-file - --to-file events.jsonl < events.jsonl"
        let run = try runProcess("sh", ["-c", command], directory: directory)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("is the same file as --from-file '-' (standard input)"), "\(run.output)")
        #expect(try Data(contentsOf: events) == bytes)
    }

    @Test func replayRejectsModelAsOutput() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try runProcess(ChildProcess.crosshub.path, ["model", "default"], directory: directory)
        try #require(model.status == 0, "\(model.output)")
        let modelFile = directory.appendingPathComponent("model.json")
        try Data(model.output.utf8).write(to: modelFile)

        let run = try crosshub(["replay", "--from-file", "events.jsonl", "--model", "model.json", "--to-file", "model.json"], in: directory)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("--to-file 'model.json' is the same file as --model 'model.json'"), "\(run.output)")
        #expect(try String(contentsOf: modelFile, encoding: .utf8) == model.output)
    }

    @Test func replayWritesThroughSymlink() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (link, target) = try symlink("out.jsonl", to: "target.jsonl", in: directory)

        let run = try crosshub(["replay", "--from-file", "events.jsonl", "--to-file", "out.jsonl"], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.jsonl")
        let records = try ReplayTestSupport.records(Array(try Data(contentsOf: target)))
        #expect(records.map(\.kind) == ["qualification", "property-update"])
    }

    @Test func replayFileTakesTopicPrefix() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }

        let run = try crosshub(["replay", "--from-file", "events.jsonl", "--to-file", "out.jsonl", "--topic-prefix", "backfill."], in: directory)
        #expect(run.status == 0, "\(run.output)")
        let lines = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8).split(separator: "\n")
        let topics = try lines.map { line in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return record["topic"] as? String
        }
        #expect(topics == ["backfill.crosshub.qualifications", "backfill.crosshub.property-updates"])
    }

    @Test func reportPlotRejectsOtherExtension() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }

        for name in ["status.png", "status", "status.svg.txt"] {
            let run = try crosshub(["report", "--from-file", "events.jsonl", "--plot", name], in: directory)
            #expect(run.status == 2, "\(name): \(run.output)")
            #expect(run.output.contains("invalid value '\(name)' for --plot: the chart is SVG"), "\(run.output)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name) was written")
        }

        let upperCase = try crosshub(["report", "--from-file", "events.jsonl", "--plot", "STATUS.SVG"], in: directory)
        #expect(upperCase.status == 0, "\(upperCase.output)")
        #expect(try String(contentsOf: directory.appendingPathComponent("STATUS.SVG"), encoding: .utf8).hasPrefix("<svg"))
    }

    @Test func reportPlotRejectsInput() throws {
        let (directory, events, bytes) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgNamed = directory.appendingPathComponent("events.svg")
        try FileManager.default.copyItem(at: events, to: svgNamed)

        let run = try crosshub(["report", "--from-file", "events.svg", "--plot", svgNamed.path], in: directory)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("--plot '\(svgNamed.path)' is the same file as --from-file 'events.svg'"), "\(run.output)")
        #expect(try Data(contentsOf: svgNamed) == bytes)
    }

    @Test func reportPlotWritesThroughSymlink() throws {
        let (directory, _, _) = try folderWithEvents()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (link, target) = try symlink("chart.svg", to: "target.svg", in: directory)

        let run = try crosshub(["report", "--from-file", "events.jsonl", "--plot", "chart.svg"], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.svg")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("<svg"))
    }

    @Test func generateWritesThroughSymlink() throws {
        let directory = try makeTemporaryDirectory("crosshub-output-check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (link, target) = try symlink("events.jsonl", to: "target.jsonl", in: directory)

        let run = try crosshub(["generate", "--contacts", "2", "--output", "events.jsonl", "--quiet"], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.jsonl")
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.first?.hasPrefix("{") == true)
    }
}
