import Foundation
import Testing

/// The flags that `crosshub` takes in place of a command.
@Suite struct TopLevelFlagTests {
    @Test func versionAndHelpFlags() throws {
        let version = try runProcess(ChildProcess.crosshub.path, ["version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("crosshub "))

        for flag in ["--version", "-V"] {
            let run = try runProcess(ChildProcess.crosshub.path, [flag])
            #expect(run.status == 0, "\(flag): \(run.output)")
            #expect(run.output == version.output, "\(flag)")
        }

        for flag in ["--help", "-h"] {
            let run = try runProcess(ChildProcess.crosshub.path, [flag])
            #expect(run.status == 0, "\(flag): \(run.output)")
            #expect(run.output.contains("usage: crosshub COMMAND"), "\(flag): \(run.output)")
        }
    }
}
