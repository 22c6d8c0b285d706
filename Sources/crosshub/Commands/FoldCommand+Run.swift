import Foundation
import Qualification

/// The validated options of `crosshub fold` and `crosshub qualify`.
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
        decoder = EventDecoder(maxPayloadBytes: try options.int("max-event-bytes", in: 64...16_777_216) ?? EventDecoder.defaultMaxPayloadBytes)
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
    /// The newest folded event of each contact (greatest `occurred_at`, ties to
    /// the higher event id), the cause that `crosshub qualify` gives its decisions.
    var newestEvents: [String: DecisionCause] = [:]
    var lines = 0
    var blankLines = 0
    var afterAsOf = 0

    /// Reads and folds the input; on an input error, prints it and returns nil.
    static func read(_ settings: FoldSettings, command: String) -> FoldRun? {
        do {
            return try read(settings)
        } catch {
            printError("crosshub \(command): \(error)")
            return nil
        }
    }

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
                if run.session.fold(event) == .folded {
                    run.recordNewest(event)
                }
            } catch {
                run.session.countInvalid()
                if printedErrors < settings.maxErrors {
                    printError("line \(run.lines): \(error)")
                    printedErrors += 1
                }
            }
        }
        if run.session.tally.invalid > printedErrors {
            printError("\(run.session.tally.invalid - printedErrors) more invalid lines not shown (see --max-errors)")
        }
        return run
    }

    private mutating func recordNewest(_ event: Event) {
        if let current = newestEvents[event.contactID] {
            let isNewer = event.occurredAt != current.occurredAt
                ? event.occurredAt > current.occurredAt
                : current.eventID.utf8.lexicographicallyPrecedes(event.eventID.utf8)
            guard isNewer else { return }
        }
        newestEvents[event.contactID] = DecisionCause(eventID: event.eventID, eventType: event.type,
                                                      occurredAt: event.occurredAt, source: nil)
    }

    /// Writes one line per contact to standard output, sorted by contact id.
    func writeContacts(asOf: EventTime?, _ render: (LeadFeatures) -> [UInt8]) {
        writeContactLines(asOf: asOf) { _, features in [render(features)] }
    }

    /// Writes the lines `render` returns for each contact to standard output, contacts sorted by id.
    func writeContactLines(asOf: EventTime?, _ render: (ContactState, LeadFeatures) -> [[UInt8]]) {
        var output = BufferedStandardOutput()
        for contactID in session.contacts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let state = session.contacts[contactID]!
            for line in render(state, state.features(asOf: asOf)) {
                output.writeLine(line)
            }
        }
        output.flush()
    }

    /// 1 when any line was invalid, 0 otherwise.
    var exitStatus: Int32 {
        session.tally.invalid > 0 ? ExitStatus.failure : ExitStatus.success
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
