import Foundation
import Qualification

/// `crosshub fold`: folds events from JSON lines into one feature document per contact.
enum FoldCommand: Command {
    static let name = "fold"
    static let summary = "Fold events (JSON lines) into one feature document per contact."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--as-of TIME] [--max-payload-bytes N] [--max-errors N] [FILE]",
        options: [
            OptionSpec("as-of", env: "CROSSHUB_AS_OF",
                       help: "Derive features as of this RFC 3339 time; events after it are skipped and counted. Default: each contact's newest event."),
            OptionSpec("max-payload-bytes", env: "CROSSHUB_MAX_PAYLOAD_BYTES", default: String(EventDecoder.defaultMaxPayloadBytes),
                       help: "Reject events larger than this many bytes (1 to 16777216)."),
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

        let run: FoldRun
        do {
            run = try FoldRun.read(settings)
        } catch {
            printError("crosshub fold: \(error)")
            return ExitStatus.failure
        }

        var output = BufferedStandardOutput()
        for contactID in run.session.contacts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            var writer = JSONWriter()
            run.session.contacts[contactID]!.features(asOf: settings.asOf).write(to: &writer)
            output.writeLine(writer.bytes)
        }
        output.flush()

        printError("crosshub fold: \(run.summary)")
        return run.session.tally.invalid > 0 ? ExitStatus.failure : ExitStatus.success
    }
}

/// The validated options of `crosshub fold`.
struct FoldSettings {
    let asOf: EventTime?
    let decoder: EventDecoder
    let maxErrors: Int
    let path: String?

    init(_ options: ParsedOptions) throws {
        if let text = options.string("as-of") {
            guard let time = EventTime(rfc3339: text) else {
                throw UsageError("invalid value '\(text)' for --as-of: expected an RFC 3339 time such as 2026-03-04T15:20:00Z")
            }
            asOf = time
        } else {
            asOf = nil
        }
        decoder = EventDecoder(maxPayloadBytes: try options.int("max-payload-bytes", in: 1...16_777_216) ?? EventDecoder.defaultMaxPayloadBytes)
        maxErrors = try options.int("max-errors", in: 0...1_000_000) ?? 1000
        guard options.positional.count <= 1 else {
            throw UsageError("expected at most one input file, got \(options.positional.count)")
        }
        path = options.positional.first
    }
}

/// One pass over the input: the folded states, what happened to each line, and the messages for invalid ones.
struct FoldRun {
    var session: FoldSession
    var lines = 0
    var blankLines = 0
    var afterAsOf = 0

    static func read(_ settings: FoldSettings) throws -> FoldRun {
        var run = FoldRun(session: FoldSession(decoder: settings.decoder))
        var printedErrors = 0
        let reader = try ByteLineReader(path: settings.path)
        try reader.forEachLine { bytes in
            run.lines += 1
            guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
                run.blankLines += 1
                return
            }
            do {
                let event = try settings.decoder.decode(bytes)
                if let asOf = settings.asOf, event.occurredAt > asOf {
                    run.afterAsOf += 1
                    return
                }
                run.session.fold(event)
            } catch {
                run.session.countInvalid()
                if printedErrors < settings.maxErrors {
                    printError("line \(run.lines): \(error)")
                    printedErrors += 1
                }
            }
        }
        if run.session.tally.invalid > printedErrors {
            printError("crosshub fold: \(run.session.tally.invalid - printedErrors) more invalid lines not shown (see --max-errors)")
        }
        return run
    }

    var summary: String {
        let tally = session.tally
        var parts = ["\(lines) lines", "\(tally.folded) folded", "\(tally.duplicates) duplicate", "\(tally.invalid) invalid"]
        if blankLines > 0 { parts.append("\(blankLines) blank") }
        if afterAsOf > 0 { parts.append("\(afterAsOf) after --as-of") }
        parts.append("\(session.contacts.count) contacts")
        return parts.joined(separator: ", ")
    }
}
