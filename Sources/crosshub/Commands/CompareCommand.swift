import CrossHubService
import Foundation
import Qualification

/// `crosshub compare`: scores the same history with two models and reports how statuses move.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "Score the same history with two models and report status movements and score distributions."

    static let parser = OptionParser(
        command: name,
        synopsis: "--model A --model B [--from-file FILE ...] [--to TIME] [--top N] [--format table|json] [OPTIONS]",
        options: ReplaySourceOptions.specs + [
            OptionSpec("model", .repeated,
                       help: "Scoring model file (JSON), given twice: first A (usually the deployed one), then B; 'default' names the built-in model."),
            OptionSpec("to", help: "Fold only events up to this RFC 3339 time (inclusive). Default: every event."),
            OptionSpec("top", default: "20", help: "How many of the contacts that change status to list, 0 to 100000."),
            ReplaySourceOptions.formatSpec,
        ]
    )

    static var usage: String {
        parser.help + """


        Reads the history once, as 'crosshub replay' does, folds each contact's
        events, and scores its final features with both models. Prints the number
        of contacts whose status goes up, down or stays under B, the status
        transition matrix, each model's score distribution (ten-point buckets,
        mean, p50 and p90 by nearest rank) and the contacts whose status changes
        most: largest status change first, then largest score change, then
        contact id. Statuses are the models' own; overrides are not applied.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let input: ReplayInput
        let intake: EventIntake
        let scorers: [Scorer]
        let window: ReplayWindow
        let top: Int
        let json: Bool
        let maxErrors: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            let models = options.strings("model")
            guard models.count == 2 else {
                throw UsageError("expected --model twice (model A, then model B), got \(models.count); use 'default' for the built-in model")
            }
            scorers = try models.map { try ModelLoading.scorer(path: $0 == "default" ? nil : $0) }
            let source = try ReplaySourceOptions.input(from: options, clientID: "crosshub-compare")
            input = source.input
            intake = EventIntake(decoder: source.decoder, maxKeptInvalid: source.maxErrors, futureSkew: source.futureSkew)
            maxErrors = source.maxErrors
            window = ReplayWindow(to: try ReplaySourceOptions.time(options, "to"))
            top = try options.int("top", in: 0...100_000) ?? 20
            json = try ReplaySourceOptions.isJSON(options)
        } catch {
            printError("crosshub compare: \(error)")
            return ExitStatus.usage
        }

        do {
            var fold = ReplayFold(window: window, intake: intake)
            try ReplaySourceOptions.read(input, into: &fold, command: name, maxErrors: maxErrors)
            let comparison = ModelComparison(fold: fold, a: scorers[0], b: scorers[1], top: top)
            ReplaySourceOptions.writeResult(json ? comparison.json : Array(comparison.table.utf8))
            let tally = fold.intake.tally
            printError("crosshub compare: \(tally.read) events read, \(tally.folded) folded, \(tally.duplicates) duplicate, \(tally.invalid) invalid, \(tally.afterWindow) after --to, \(comparison.contacts) contacts")
            return ExitStatus.success
        } catch {
            printError("crosshub compare: \(error)")
            return ExitStatus.failure
        }
    }
}
