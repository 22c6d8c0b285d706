import Foundation
import Testing
@testable import CrossHubService

@Suite struct InputCheckFlagTests {
    @Test func invalidInputCheckFlagsNameTheFix() throws {
        let cases: [(command: [String], expected: String)] = [
            (["run", "--input-partitioner", "crc32"], "invalid value 'crc32' for --input-partitioner: expected murmur2 or any"),
            (["run", "--max-future-skew", "tomorrow"], "invalid value 'tomorrow' for --max-future-skew: expected a whole number with a unit d, h, m or s"),
            (["replay", "--from-file", "-", "--max-future-skew", "5x"], "invalid value '5x' for --max-future-skew"),
        ]
        for (command, expected) in cases {
            let child = try ChildProcess(ChildProcess.crosshub, command)
            #expect(try child.waitForExit() == 2, "\(command)")
            #expect(child.standardError.contains(expected), "\(command): \(child.standardError)")
        }
    }

    @Test func runHelpListsInputCheckFlags() throws {
        let help = try DeployRunHelpTests.runHelp()
        #expect(help.contains("--input-partitioner"))
        #expect(help.contains("CROSSHUB_INPUT_PARTITIONER; default murmur2"))
        #expect(help.contains("--max-future-skew"))
        #expect(help.contains("CROSSHUB_MAX_FUTURE_SKEW; default 1d"))
    }
}
