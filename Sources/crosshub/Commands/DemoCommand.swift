import CrossHubService
import Foundation
import Qualification

/// `crosshub demo`: the whole service on an embedded broker with a generated population.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "Run the service in-process on an embedded broker with a generated population and print a summary."

    static let parser = OptionParser(command: name, synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", env: "CROSSHUB_DEMO_CONTACTS", default: "2000",
                   help: "Contacts to generate, from 1 to 1000000. A contact averages about 50 input records over 90 days."),
        OptionSpec("days", env: "CROSSHUB_DEMO_DAYS", default: "90",
                   help: "Length of the generated window in days, from 1 to 3650."),
        OptionSpec("seed", env: "CROSSHUB_DEMO_SEED", default: "1",
                   help: "Random seed of the population, a decimal or 0x-prefixed hexadecimal 64-bit integer."),
        OptionSpec("duplicate-rate", env: "CROSSHUB_DEMO_DUPLICATE_RATE", default: "0.02",
                   help: "Share of journey events published a second time with the same event_id, from 0 to 1."),
        OptionSpec("invalid-rate", env: "CROSSHUB_DEMO_INVALID_RATE", default: "0.01",
                   help: "Expected share of published records that are invalid events, from 0 to 0.5. The service dead-letters them."),
        OptionSpec("partitions", env: "CROSSHUB_DEMO_PARTITIONS", default: "6",
                   help: "Partitions of every topic (inputs, outputs, dead letters, changelog), from 1 to 64."),
        OptionSpec("guarantee", env: "CROSSHUB_DEMO_GUARANTEE", default: "exactly-once",
                   help: "Delivery guarantee of the service: exactly-once (one transaction per batch) or at-least-once."),
        OptionSpec("top", env: "CROSSHUB_DEMO_TOP", default: "5",
                   help: "Sales qualified leads listed in the summary with their top factors, from 0 to 100."),
        OptionSpec("timeout-seconds", env: "CROSSHUB_DEMO_TIMEOUT_SECONDS", default: "300",
                   help: "Seconds from the first published record until the service must have processed every record, from 1 to 86400."),
        ModelLoading.option,
        OptionSpec("json", .flag, help: "Print the summary as one JSON object instead of text."),
        OptionSpec("quiet", .flag, help: "Print no progress lines on standard error."),
        OptionSpec("log-level", env: "CROSSHUB_DEMO_LOG_LEVEL", default: "warning",
                   help: "Lowest level logged on standard error: trace, debug, info, notice, warning, error or critical."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        let demo: DemoRun
        let parsed: ParsedOptions
        do {
            parsed = try parser.parse(arguments)
            if parsed.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            guard parsed.positional.isEmpty else {
                throw UsageError("unexpected argument '\(parsed.positional[0])'; run 'crosshub demo --help' for the options")
            }
            demo = try makeRun(parsed)
        } catch {
            printError("crosshub demo: \(error)")
            return ExitStatus.usage
        }

        let quiet = parsed.flag("quiet")
        let summary: DemoSummary
        do {
            summary = try demo.run { progress in
                if !quiet { printError(progress.line) }
            }
        } catch {
            printError("crosshub demo: \(error)")
            return ExitStatus.failure
        }

        if parsed.flag("json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            do {
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } catch {
                printError("crosshub demo: encoding the summary as JSON failed: \(error)")
                return ExitStatus.failure
            }
        } else {
            print(summary.text(topics: demo.topics), terminator: "")
        }
        return ExitStatus.success
    }

    /// Builds the run from the parsed options.
    ///
    /// - Throws: `UsageError` naming the option, its value and the accepted range.
    private static func makeRun(_ parsed: ParsedOptions) throws -> DemoRun {
        var settings = DemoSettings()
        settings.population = try GenerateCommand.makeOptions(parsed)
        settings.partitions = try parsed.int("partitions", in: 1...64) ?? settings.partitions
        settings.topSQLCount = try parsed.int("top", in: 0...100) ?? settings.topSQLCount
        settings.catchUpTimeout = .seconds(try parsed.int("timeout-seconds", in: 1...86_400) ?? 300)

        let guaranteeText = parsed.string("guarantee") ?? DeliveryGuarantee.exactlyOnce.rawValue
        guard let guarantee = DeliveryGuarantee(rawValue: guaranteeText) else {
            throw UsageError("invalid value '\(guaranteeText)' for --guarantee: expected exactly-once or at-least-once")
        }
        settings.guarantee = guarantee

        let levelText = parsed.string("log-level") ?? "warning"
        guard let level = LogLevel(name: levelText) else {
            throw UsageError("invalid value '\(levelText)' for --log-level: expected trace, debug, info, notice, warning, error or critical")
        }

        let scorer = try ModelLoading.scorer(path: parsed.string("model"))
        do {
            return try DemoRun(settings: settings, scorer: scorer, logger: Logger(level: level),
                               version: VersionCommand.version)
        } catch {
            throw UsageError(error.description)
        }
    }
}
