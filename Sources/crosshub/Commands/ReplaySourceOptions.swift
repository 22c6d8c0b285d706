import CrossHubService
import Foundation
import Kafka
import Qualification

/// The options that choose what `replay`, `compare` and `report` read:
/// JSON lines files, or the input topics of a cluster.
enum ReplaySourceOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("from-file", .repeated,
                   help: "Read events from this JSON lines file instead of the topics; '-' reads standard input. Files are read in the order given."),
        OptionSpec("brokers", env: "CROSSHUB_BROKERS", default: "localhost:9092",
                   help: "Kafka bootstrap servers, comma-separated host:port pairs, for reading the input topics."),
        OptionSpec("marketing-topic", env: "CROSSHUB_MARKETING_TOPIC", default: "marketing.events", help: "Input topic of marketing events."),
        OptionSpec("sales-topic", env: "CROSSHUB_SALES_TOPIC", default: "sales.events", help: "Input topic of sales events."),
        OptionSpec("service-topic", env: "CROSSHUB_SERVICE_TOPIC", default: "service.events", help: "Input topic of service events."),
        OptionSpec("batch-size", default: "1000",
                   help: "Maximum records per poll of the input topics, 1 to 100000; it changes the speed, not the results."),
        OptionSpec("kafka", .keyValue, env: "CROSSHUB_KAFKA",
                   help: "librdkafka property KEY=VALUE, such as security.protocol=SASL_SSL, routed to consumers or producers as in 'crosshub run'; a flag overrides the variable's comma-separated list per key."),
        OptionSpec("kafka-properties-file", env: "CROSSHUB_KAFKA_PROPERTIES_FILE",
                   help: "File of librdkafka KEY=VALUE lines (# comments), read before --kafka."),
        OptionSpec("max-event-bytes", env: "CROSSHUB_MAX_EVENT_BYTES", default: "65536",
                   help: "Largest event in bytes, 64 to 16777216; larger events count as invalid."),
        OptionSpec("max-future-skew", env: "CROSSHUB_MAX_FUTURE_SKEW", default: "1d",
                   help: "How far an event's occurred_at may be after its record's Kafka timestamp (for --from-file lines: after the start of the run), a whole number with d, h, m or s; later events count as invalid (occurred_at_in_future), as crosshub run dead-letters them."),
        OptionSpec("max-errors", default: "100",
                   help: "Print at most this many invalid events; the rest are only counted (0 to 1000000)."),
        OptionSpec("log-level", env: "CROSSHUB_LOG_LEVEL", default: "warning",
                   help: "Lowest level logged on standard error: trace, debug, info, notice, warning, error or critical."),
    ]

    /// Builds the input, the logger and the event decoder the options describe.
    ///
    /// - Throws: `UsageError` naming the option, the value and the fix.
    static func input(from options: ParsedOptions, clientID: String) throws
        -> (input: ReplayInput, logger: Logger, decoder: EventDecoder, maxErrors: Int, futureSkew: FutureSkewRule) {
        let logger = try self.logger(from: options)
        let futureSkew = FutureSkewRule(maxSkew: try RunOptions.maxFutureSkew(from: options))
        let decoder = EventDecoder(maxPayloadBytes: try options.int("max-event-bytes", in: 64...16_777_216) ?? 65_536)
        let maxErrors = try options.int("max-errors", in: 0...1_000_000) ?? 100
        let files = options.strings("from-file")
        guard files.isEmpty else {
            return (.files(files), logger, decoder, maxErrors, futureSkew)
        }
        let settings = try kafkaSettings(from: options, logger: logger, clientID: clientID)
        let topics = InputTopics(marketing: options.string("marketing-topic") ?? "", sales: options.string("sales-topic") ?? "",
                                 service: options.string("service-topic") ?? "")
        for (flag, name) in [("marketing-topic", topics.marketing), ("sales-topic", topics.sales), ("service-topic", topics.service)] where name.isEmpty {
            throw UsageError("invalid value '' for --\(flag): expected a topic name")
        }
        let pollSize = try options.int("batch-size", in: 1...100_000) ?? 1000
        return (.topics(settings, topics, pollSize: pollSize), logger, decoder, maxErrors, futureSkew)
    }

    /// Builds the Kafka settings from `--brokers`, `--kafka` and `--kafka-properties-file`.
    static func kafkaSettings(from options: ParsedOptions, logger: Logger, clientID: String) throws -> ReplayKafkaSettings {
        let brokers = options.string("brokers") ?? ""
        guard !brokers.isEmpty else {
            throw UsageError("invalid value '' for --brokers: expected host:port pairs such as localhost:9092")
        }
        var settings = ReplayKafkaSettings(bootstrapServers: brokers, logger: logger)
        settings.properties = try RunOptions.kafkaProperties(from: options)
        settings.clientID = clientID
        return settings
    }

    /// Returns a check of the output option `outputOption` against every file that the
    /// options read: the `--from-file` files, `--model` and `--kafka-properties-file`.
    static func outputCheck(_ outputOption: String, options: ParsedOptions) -> OutputFileCheck {
        var check = OutputFileCheck(outputOption: outputOption)
        check.addInput("from-file", options.strings("from-file"))
        check.addInput("model", options.string("model"))
        check.addInput("kafka-properties-file", options.string("kafka-properties-file"))
        return check
    }

    static func logger(from options: ParsedOptions) throws -> Logger {
        let levelText = options.string("log-level") ?? "warning"
        guard let level = LogLevel(name: levelText) else {
            throw UsageError("invalid value '\(levelText)' for --log-level: expected trace, debug, info, notice, warning, error or critical")
        }
        return Logger(level: level, sink: StreamLogSink(format: .logfmt))
    }

    /// Parses an RFC 3339 option such as `--from`.
    static func time(_ options: ParsedOptions, _ name: String) throws -> EventTime? {
        guard let text = options.string(name) else { return nil }
        guard let time = EventTime(rfc3339: text) else {
            throw UsageError("invalid value '\(text)' for --\(name): expected an RFC 3339 time such as 2026-01-15T00:00:00Z")
        }
        return time
    }

    /// The `--format` option of `compare` and `report`.
    static let formatSpec = OptionSpec("format", default: "table", help: "Output format: table or json.")

    /// Returns true for `--format json`, false for `table`.
    ///
    /// - Throws: `UsageError` for any other value.
    static func isJSON(_ options: ParsedOptions) throws -> Bool {
        let format = options.string("format") ?? "table"
        guard format == "table" || format == "json" else {
            throw UsageError("invalid value '\(format)' for --format: expected table or json")
        }
        return format == "json"
    }

    /// Reads the input into `consumer` with progress lines on standard error, then prints the invalid events.
    static func read(_ input: ReplayInput, into consumer: inout some EventConsumer, command: String, maxErrors: Int) throws {
        try input.read(into: &consumer, progress: ReplayProgress { printError("crosshub \(command): \($0)") })
        printInvalid(consumer.intake.invalidEvents, total: consumer.intake.tally.invalid, maxErrors: maxErrors)
    }

    /// Writes one rendered result to standard output.
    static func writeResult(_ bytes: [UInt8]) {
        var output = BufferedStandardOutput()
        output.writeLine(bytes)
        output.flush()
    }

    /// Prints the kept invalid events, one a line, and how many more were only counted.
    static func printInvalid(_ events: [InvalidReplayEvent], total: Int, maxErrors: Int) {
        for event in events.prefix(maxErrors) {
            printError(event.description)
        }
        let shown = min(events.count, maxErrors)
        if total > shown {
            printError("\(total - shown) more invalid events not shown (see --max-errors)")
        }
    }
}
