import Foundation
import Testing

/// Compares the flags and variables that deploy/ relies on with `crosshub run --help`.
@Suite struct DeployRunHelpTests {
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosshub")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) {
            return besideTests
        }
        return DeployPaths.repositoryRoot.appendingPathComponent(".build/debug/crosshub")
    }

    /// Returns the output of `crosshub run --help`, or nil when the binary has no `run` command.
    static func runHelp() -> String? {
        guard let run = try? runProcess(binary.path, ["run", "--help"]), run.status == 0 else { return nil }
        return run.output
    }

    @Test(.enabled(if: runHelp() != nil, "the crosshub binary has no 'run' command yet, so there is no help to compare"))
    func deployNamesMatchRunHelp() throws {
        let help = try #require(Self.runHelp())
        let directory = try makeTemporaryDirectory("crosshub-run-help")
        defer { try? FileManager.default.removeItem(at: directory) }
        let helpFile = directory.appendingPathComponent("run-help.txt")
        try help.write(to: helpFile, atomically: true, encoding: .utf8)

        let run = try runProcess("python3", ["deploy/check-manifests.py", "--run-help", helpFile.path])
        #expect(run.status == 0, "\(run.output)")
    }
}
