import CrossHubService
import Foundation
import Qualification

/// `crosshub report`: success measures of the qualification program over a history of events.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "Report qualification accuracy, acceptance, conversion velocity, won revenue and weekly status counts."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--from-file FILE ...] [--model FILE] [--format table|json] [--plot FILE.svg] [OPTIONS]",
        options: ReplaySourceOptions.specs + [
            ModelLoading.option,
            ReplaySourceOptions.formatSpec,
            OptionSpec("plot", help: "Also write an SVG line chart of the weekly status counts to this file, whose name must end in .svg. A symlink is written through to its target. It must not be an input file (--from-file, --model or --kafka-properties-file)."),
        ]
    )

    static var usage: String {
        parser.help + """


        Reads the history as 'crosshub replay' does, replays each contact's events
        in event-time order and rescores it after every event with the model, so
        the status timeline is derived from the events (overrides in force
        apply). Reports: SQLs that got a deal at or after qualifying
        (qualification accuracy); sales.lead_accepted over accepted plus
        sales.lead_rejected events; median and p90 days from a contact's first
        event to its first SQL, and from its first SQL to its first deal created
        after it; the amounts of Closed Won deals whose contact was SQL before
        the win; and the contacts per status at the end of each week (Monday
        00:00 UTC). Duplicate event ids of a contact count once.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let input: ReplayInput
        let intake: EventIntake
        let scorer: Scorer
        let json: Bool
        let plot: String?
        let maxErrors: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            let source = try ReplaySourceOptions.input(from: options, clientID: "crosshub-report")
            input = source.input
            intake = EventIntake(decoder: source.decoder, maxKeptInvalid: source.maxErrors, futureSkew: source.futureSkew)
            maxErrors = source.maxErrors
            scorer = try ModelLoading.scorer(path: options.string("model"))
            json = try ReplaySourceOptions.isJSON(options)
            plot = try options.string("plot").map { try checkedPlotPath($0, options: options) }
        } catch {
            printError("crosshub report: \(error)")
            return ExitStatus.usage
        }

        do {
            var history = EventHistory(intake: intake)
            try ReplaySourceOptions.read(input, into: &history, command: name, maxErrors: maxErrors)
            let report = QualificationReport(history: history, scorer: scorer)
            ReplaySourceOptions.writeResult(json ? report.json : Array(report.table.utf8))
            if let plot {
                do {
                    try StatusChart.svg(report).write(toFile: plot, atomically: true, encoding: .utf8)
                } catch {
                    throw UsageError("cannot write the plot to '\(plot)': \(error.localizedDescription); check that the directory exists and is writable")
                }
            }
            let tally = history.intake.tally
            printError("crosshub report: \(tally.read) events read, \(tally.folded) used, \(tally.duplicates) duplicate, \(tally.invalid) invalid, \(report.contacts) contacts")
            return ExitStatus.success
        } catch {
            printError("crosshub report: \(error)")
            return ExitStatus.failure
        }
    }

    /// Returns the path to write the plot to, with symlinks resolved.
    ///
    /// - Throws: `UsageError` when the name does not end in `.svg`, or when it
    ///   names an input file.
    private static func checkedPlotPath(_ path: String, options: ParsedOptions) throws -> String {
        guard path.lowercased().hasSuffix(".svg") else {
            throw UsageError("invalid value '\(path)' for --plot: the chart is SVG, so the file name must end in .svg, such as status.svg")
        }
        return try ReplaySourceOptions.outputCheck("plot", options: options).checkedPath(path)
    }
}
