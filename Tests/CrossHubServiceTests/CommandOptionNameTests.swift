import Foundation
import Testing

/// One setting has one flag name, variable and default in every command that takes it,
/// and `crosshub run` fixes the name.
@Suite struct CommandOptionNameTests {
    /// One option as `crosshub COMMAND --help` documents it.
    struct HelpOption: Equatable {
        var variable: String?
        var defaultValue: String?
    }

    static let commands = ["demo", "run", "broker", "replay", "compare", "report", "reset",
                           "generate", "score", "model", "fold", "qualify"]

    /// Returns the options that `crosshub COMMAND --help` lists, by flag name.
    static func helpOptions(_ command: String) throws -> [String: HelpOption] {
        let run = try runProcess(ChildProcess.crosshub.path, [command, "--help"])
        try #require(run.status == 0, "crosshub \(command) --help exited \(run.status): \(run.output)")
        var options: [String: HelpOption] = [:]
        var flag: String?
        for line in run.output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  --") {
                flag = String(line.dropFirst(4).split(separator: " ").first ?? "")
                options[flag!] = HelpOption()
            } else if let current = flag, line.hasPrefix("      ("), line.hasSuffix(")") {
                for part in line.dropFirst(7).dropLast().components(separatedBy: "; ") {
                    if part.hasPrefix("env ") { options[current]?.variable = String(part.dropFirst(4)) }
                    if part.hasPrefix("default ") { options[current]?.defaultValue = String(part.dropFirst(8)) }
                }
            }
        }
        return options
    }

    @Test func variableHasOneFlagName() throws {
        var flagsByVariable: [String: Set<String>] = [:]
        for command in Self.commands {
            for (flag, option) in try Self.helpOptions(command) {
                if let variable = option.variable { flagsByVariable[variable, default: []].insert(flag) }
            }
        }
        for (variable, flags) in flagsByVariable.sorted(by: { $0.key < $1.key }) {
            #expect(flags.count == 1, "\(variable) sets the flags \(flags.sorted())")
        }
    }

    @Test func sharedSettingsMatchRun() throws {
        let run = try Self.helpOptions("run")
        let shared: [(command: String, flags: [String])] = [
            ("qualify", ["max-event-bytes", "task-owner-fallback", "marketing-recipient", "sql-reentry-cooldown",
                         "business-hours", "task-due-after", "nurture-workflow", "model"]),
            ("replay", ["max-event-bytes", "task-owner-fallback", "marketing-recipient", "sql-reentry-cooldown",
                        "business-hours", "task-due-after", "nurture-workflow", "model", "brokers"]),
            ("fold", ["max-event-bytes"]),
        ]
        for (command, flags) in shared {
            let options = try Self.helpOptions(command)
            for flag in flags {
                let option = try #require(options[flag], "crosshub \(command) has no --\(flag)")
                #expect(option == run[flag], "crosshub \(command) --\(flag) differs from run's")
            }
        }
    }

    @Test func renamedFlagsAreGone() throws {
        let removed: [(command: String, flag: String)] = [
            ("qualify", "task-queue"), ("qualify", "max-payload-bytes"), ("qualify", "sql-cooldown"),
            ("replay", "task-queue"), ("fold", "max-payload-bytes"), ("broker", "brokers"),
        ]
        for (command, flag) in removed {
            #expect(try Self.helpOptions(command)[flag] == nil, "crosshub \(command) still lists --\(flag)")
        }
    }

    @Test func brokerTakesBrokerCount() throws {
        let broker = try Self.helpOptions("broker")
        #expect(broker["broker-count"] == HelpOption(variable: "CROSSHUB_BROKER_COUNT", defaultValue: "1"))

        let run = try runProcess(ChildProcess.crosshub.path, ["broker", "--broker-count", "0"])
        #expect(run.status == 2)
        #expect(run.output.contains("invalid value '0' for --broker-count: expected an integer from 1 to 32"), "\(run.output)")
    }

    @Test func qualifyRejectsInvalidCooldown() throws {
        let run = try runProcess(ChildProcess.crosshub.path, ["qualify", "--sql-reentry-cooldown", "30 days", "/dev/null"])
        #expect(run.status == 2)
        #expect(run.output.contains("invalid value '30 days' for --sql-reentry-cooldown"), "\(run.output)")
    }
}
