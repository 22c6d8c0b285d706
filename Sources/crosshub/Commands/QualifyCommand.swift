import Foundation
import Qualification

/// `crosshub qualify`: folds events from JSON lines, then scores each contact once.
enum QualifyCommand: Command {
    static let name = "qualify"
    static let summary = "Fold events (JSON lines) and print each contact's final qualification."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--as-of TIME] [--model FILE] [--max-payload-bytes N] [--max-errors N] [FILE]",
        options: FoldCommand.parser.options + [ModelLoading.option]
    )

    static var usage: String {
        parser.help + """


        Reads events as JSON lines from FILE, or from standard input when FILE is
        absent or '-', folds them per contact as 'crosshub fold' does, and scores
        each contact's features once. Writes one qualification result per contact
        to standard output, sorted by contact id, and a summary to standard error.
        Invalid lines are reported as 'line N: FIELD: REASON' and skipped; the exit
        status is then 1. Human overrides are not applied: the result is the
        model's, and the service pins overridden statuses when it publishes.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: FoldSettings
        let scorer: Scorer
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            settings = try FoldSettings(options)
            scorer = try ModelLoading.scorer(path: options.string("model"))
        } catch {
            printError("crosshub qualify: \(error)")
            return ExitStatus.usage
        }

        guard let run = FoldRun.read(settings, command: name) else { return ExitStatus.failure }
        run.writeContacts(asOf: settings.asOf) { features in
            var line: [UInt8] = []
            scorer.score(features).writeJSON(into: &line)
            return line
        }
        printError("crosshub qualify: \(run.summary), model \(scorer.modelVersion)")
        return run.exitStatus
    }
}
