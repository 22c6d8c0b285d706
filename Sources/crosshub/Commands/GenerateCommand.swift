import CrossHubService
import Foundation

/// `crosshub generate`: writes synthetic contact journeys as input events.
enum GenerateCommand: Command {
    static let name = "generate"
    static let summary = "Write synthetic contact journeys as JSON lines or kcat input."

    static let parser = OptionParser(command: name, synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", env: "CROSSHUB_GENERATE_CONTACTS", default: "1000",
                   help: "Number of contacts, from 1 to 1000000. A contact averages about 50 lines, and the output is held in memory at about 28 KiB per contact before it is written."),
        OptionSpec("days", env: "CROSSHUB_GENERATE_DAYS", default: "90",
                   help: "Length of the window in days, from 1 to 3650."),
        OptionSpec("end", env: "CROSSHUB_GENERATE_END", default: RFC3339Time.format(JourneyGeneratorOptions.defaultEnd),
                   help: "End of the window as an RFC 3339 time; no event occurs after it. Fixed by default so output is reproducible."),
        OptionSpec("seed", env: "CROSSHUB_GENERATE_SEED", default: "1",
                   help: "Random seed, a decimal or 0x-prefixed hexadecimal 64-bit integer. The same seed and options give identical bytes."),
        OptionSpec("duplicate-rate", env: "CROSSHUB_GENERATE_DUPLICATE_RATE", default: "0",
                   help: "Share of events emitted a second time with the same event_id, from 0 to 1."),
        OptionSpec("invalid-rate", env: "CROSSHUB_GENERATE_INVALID_RATE", default: "0",
                   help: "Expected share of lines that are invalid events (malformed JSON, wrong types, unknown types, missing fields, bad timestamps, out-of-range values, oversized payloads), from 0 to 0.5. Nothing marks them."),
        OptionSpec("format", env: "CROSSHUB_GENERATE_FORMAT", default: "jsonl",
                   help: "Line format: jsonl (one event per line) or kcat (contact id, a tab, the event; for kcat -P -K '\\t')."),
        OptionSpec("topic",
                   help: "Emit only the events of one input topic: marketing, sales or service, or the topic names marketing.events, sales.events, service.events. Default: all three."),
        OptionSpec("shuffle", .flag,
                   help: "Emit the events in a seeded random order instead of by occurred_at (ties by event_id)."),
        OptionSpec("local-times", .flag,
                   help: "Write occurred_at in each contact's local UTC offset, such as 2026-03-04T10:20:00-05:00, instead of UTC. The order stays the same."),
        OptionSpec("id-prefix", env: "CROSSHUB_GENERATE_ID_PREFIX", default: "c-",
                   help: "Text in front of each contact number in contact_id and event_id; runs with different prefixes never share ids."),
        OptionSpec("output", help: "Write to this file instead of standard output; an existing file is replaced, and a symlink is written through to its target."),
        OptionSpec("quiet", .flag, help: "Do not print the summary on standard error."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        let parsed: ParsedOptions
        let options: JourneyGeneratorOptions
        let format: GeneratedEventFormat
        let outputPath: String?
        do {
            parsed = try parser.parse(arguments)
            if parsed.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            guard parsed.positional.isEmpty else {
                throw UsageError("unexpected argument '\(parsed.positional[0])'; run 'crosshub generate --help' for the options")
            }
            options = try makeOptions(parsed)
            let formatText = parsed.string("format") ?? "jsonl"
            guard let chosen = GeneratedEventFormat(rawValue: formatText) else {
                throw UsageError("invalid value '\(formatText)' for --format: expected jsonl or kcat")
            }
            format = chosen
            outputPath = try parsed.string("output").map { try OutputFileCheck(outputOption: "output").checkedPath($0) }
        } catch {
            printError("crosshub generate: \(error)")
            return ExitStatus.usage
        }

        let generator: JourneyGenerator
        do {
            generator = try JourneyGenerator(options: options)
        } catch {
            printError("crosshub generate: \(error)")
            return ExitStatus.usage
        }

        let started = DispatchTime.now()
        let batch = generator.generate()
        let generated = DispatchTime.now()

        do {
            try write(batch, format: format, to: outputPath)
        } catch {
            printError("crosshub generate: \(error)")
            return ExitStatus.failure
        }
        let finished = DispatchTime.now()

        if !parsed.flag("quiet") {
            printError(summaryText(batch.summary, options: options, output: outputPath,
                                   generateSeconds: seconds(started, generated),
                                   writeSeconds: seconds(generated, finished)))
        }
        return ExitStatus.success
    }

    /// Builds generator options from the parsed command line.
    ///
    /// - Throws: `UsageError` naming the option, its value and the accepted form.
    static func makeOptions(_ parsed: ParsedOptions) throws -> JourneyGeneratorOptions {
        var options = JourneyGeneratorOptions()
        options.contacts = try parsed.int("contacts", in: 1...JourneyGeneratorOptions.maximumContacts) ?? options.contacts
        options.days = try parsed.int("days", in: 1...3650) ?? options.days
        options.duplicateRate = try parsed.double("duplicate-rate", in: 0...1) ?? 0
        options.invalidRate = try parsed.double("invalid-rate", in: 0...0.5) ?? 0
        options.shuffle = parsed.flag("shuffle")
        options.localTimes = parsed.flag("local-times")
        options.contactIDPrefix = parsed.string("id-prefix") ?? options.contactIDPrefix

        if let text = parsed.string("end") {
            guard let end = RFC3339Time.parse(text) else {
                throw UsageError("invalid value '\(text)' for --end: expected an RFC 3339 time with an offset, such as 2026-03-01T00:00:00Z")
            }
            options.end = end
        }

        if let text = parsed.string("seed") {
            let seed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            guard let seed else {
                throw UsageError("invalid value '\(text)' for --seed: expected a decimal or 0x-prefixed hexadecimal integer from 0 to 18446744073709551615")
            }
            options.seed = seed
        }

        if let text = parsed.string("topic") {
            let byFamilyName: [String: InputTopicFamily] = ["marketing": .marketing, "sales": .sales, "service": .service]
            let byTopicName = Dictionary(uniqueKeysWithValues: InputTopicFamily.allCases.map {
                (options.topics.topic(for: $0), $0)
            })
            guard let family = byFamilyName[text] ?? byTopicName[text] else {
                throw UsageError("invalid value '\(text)' for --topic: expected marketing, sales or service, or a topic name: \(options.topics.all.joined(separator: ", "))")
            }
            options.family = family
        }
        return options
    }

    private static func write(_ batch: GeneratedEventBatch, format: GeneratedEventFormat, to path: String?) throws {
        let handle: FileHandle
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let file = FileHandle(forWritingAtPath: path) else {
                throw UsageError("cannot create output file '\(path)'; check that the directory exists and is writable")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if path != nil { try? handle.close() } }

        do {
            try batch.write(format: format) { chunk in
                try handle.write(contentsOf: Data(chunk))
            }
        } catch {
            throw UsageError("writing to \(path.map { "'\($0)'" } ?? "standard output") failed: \(error)")
        }
    }

    private static func summaryText(_ summary: GenerationSummary, options: JourneyGeneratorOptions, output: String?,
                                    generateSeconds: Double, writeSeconds: Double) -> String {
        let segments = JourneySegment.allCases
            .map { "\($0.name) \(summary.contactsBySegment[$0] ?? 0)" }
            .joined(separator: ", ")
        let topics = options.topics.all
            .compactMap { topic in summary.linesByTopic[topic].map { "\(topic) \($0)" } }
            .joined(separator: ", ")
        let invalid = InvalidLineKind.allCases
            .compactMap { kind in summary.invalidLines[kind].map { "\(kind.rawValue) \($0)" } }
            .joined(separator: ", ")
        let totalSeconds = generateSeconds + writeSeconds
        let rate = totalSeconds > 0 ? Int(Double(summary.lines) / totalSeconds) : 0

        var lines = [
            "generated \(summary.lines) lines for \(summary.contacts) contacts over \(options.days == 1 ? "1 day" : "\(options.days) days") ending \(RFC3339Time.format(options.end)), seed \(options.seed)",
            "  journey events \(summary.journeyEvents), duplicates \(summary.duplicates), invalid lines \(summary.invalidLineCount)\(invalid.isEmpty ? "" : " (\(invalid))")",
            "  by topic: \(topics.isEmpty ? "none" : topics)",
            "  contacts by segment: \(segments); existing customers \(summary.existingCustomers); planned to peak late \(summary.hotContacts)",
            "  took \(format(generateSeconds)) s to generate and \(format(writeSeconds)) s to write \(output.map { "'\($0)'" } ?? "standard output"): \(rate) lines/s",
        ]
        if summary.lines == 0 { lines.append("  no line was written: the window or the topic filter left nothing") }
        return lines.joined(separator: "\n")
    }

    private static func seconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e9
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.2f", seconds)
    }
}
