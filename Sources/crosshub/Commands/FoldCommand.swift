import Foundation
import Qualification

/// `crosshub fold`: folds events from JSON lines into one feature document per contact.
enum FoldCommand: Command {
    static let name = "fold"
    static let summary = "Fold events (JSON lines) into one feature document per contact."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--as-of TIME] [--max-event-bytes N] [--max-errors N] [FILE]",
        options: [
            OptionSpec("as-of", env: "CROSSHUB_AS_OF",
                       help: "Derive features as of this RFC 3339 time; events after it are skipped and counted. Default: each contact's newest event."),
            OptionSpec("max-event-bytes", env: "CROSSHUB_MAX_EVENT_BYTES", default: String(EventDecoder.defaultMaxPayloadBytes),
                       help: "Largest event in bytes, 64 to 16777216; larger lines are reported as invalid."),
            OptionSpec("max-errors", default: "1000",
                       help: "Print at most this many invalid-line messages; the rest are only counted (0 to 1000000)."),
        ]
    )

    static var usage: String {
        parser.help + """


        Reads events as JSON lines from FILE, or from standard input when FILE is
        absent or '-'. Writes one feature document per contact to standard output,
        sorted by contact id, and a summary to standard error. Invalid lines are
        reported as 'line N: FIELD: REASON' and skipped; the exit status is then 1.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: FoldSettings
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            settings = try FoldSettings(options)
        } catch {
            printError("crosshub fold: \(error)")
            return ExitStatus.usage
        }

        guard let run = FoldRun.read(settings, command: name) else { return ExitStatus.failure }
        run.writeContacts(asOf: settings.asOf) { features in
            var writer = JSONWriter()
            features.write(to: &writer)
            return writer.bytes
        }
        printError("crosshub fold: \(run.summary)")
        return run.exitStatus
    }
}
