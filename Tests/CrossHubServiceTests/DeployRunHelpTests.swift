import Foundation
import Testing

/// Compares the flags and variables that deploy/ uses with the real `crosshub run --help`.
@Suite struct DeployRunHelpTests {
    /// Returns the output of `crosshub run --help` of the binary built with the tests.
    static func runHelp() throws -> String {
        let run = try runProcess(ChildProcess.crosshub.path, ["run", "--help"])
        try #require(run.status == 0, "crosshub run --help exited \(run.status): \(run.output)")
        return run.output
    }

    /// Runs the checker with `help` as the help text.
    private func check(withHelp help: String) throws -> ProcessRun {
        let directory = try makeTemporaryDirectory("crosshub-run-help")
        defer { try? FileManager.default.removeItem(at: directory) }
        let helpFile = directory.appendingPathComponent("run-help.txt")
        try help.write(to: helpFile, atomically: true, encoding: .utf8)
        return try runProcess("python3", ["deploy/check-manifests.py", "--run-help", helpFile.path])
    }

    @Test func deployNamesMatchRunHelp() throws {
        let run = try check(withHelp: try Self.runHelp())
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix(" passed, 0 failed\n"), "\(run.output)")
    }

    @Test func checkerRunsBinaryForHelp() throws {
        let run = try runProcess("python3", ["deploy/check-manifests.py", "--crosshub", ChildProcess.crosshub.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix(" passed, 0 failed\n"), "\(run.output)")
    }

    /// The Deployment names each pod's instance after the pod, which changes
    /// on every replacement, so the help must not require a stable id.
    @Test func instanceIDHelpFitsDeployment() throws {
        let manifest = try String(contentsOf: ChildProcess.repositoryRoot.appendingPathComponent("deploy/kubernetes/deployment.yaml"),
                                  encoding: .utf8)
        #expect(manifest.contains("kind: Deployment"))
        #expect(manifest.contains("fieldPath: metadata.name"))

        let help = try Self.runHelp()
        let lines = help.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("--instance-id VALUE") })
        let text = lines[index + 1].lowercased()
        #expect(!text.contains("stable name"), "\(text)")
        #expect(text.contains("unique among the group's running instances"), "\(text)")
        #expect(text.contains("transaction.timeout.ms"), "\(text)")
    }

    @Test func undocumentedVariableIsReported() throws {
        let help = try Self.runHelp()
        let edited = help.replacingOccurrences(of: "(env CROSSHUB_GUARANTEE; default exactly-once)", with: "(default exactly-once)")
        #expect(edited != help, "the help documents CROSSHUB_GUARANTEE")

        let run = try check(withHelp: edited)
        #expect(run.status == 1)
        #expect(run.output.contains("Deployment: variable CROSSHUB_GUARANTEE is not a documented crosshub run variable"), "\(run.output)")
        #expect(run.output.contains("compose: variable CROSSHUB_GUARANTEE is not a documented crosshub run variable"), "\(run.output)")
    }

    @Test func missingHelpStopsChecker() throws {
        let run = try runProcess("python3", ["deploy/check-manifests.py", "--crosshub", "/nonexistent/crosshub"])
        #expect(run.status == 2)
        #expect(run.output.contains("cannot run /nonexistent/crosshub run --help"), "\(run.output)")
    }
}
