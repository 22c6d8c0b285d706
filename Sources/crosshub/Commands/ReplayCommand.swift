import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub replay`: rescores the history of the input topics or of files with a model, in a group of its own.
enum ReplayCommand: Command {
    static let name = "replay"
    static let summary = "Rescore input history (topics or JSON lines files) with a model and write backfill outputs."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--from-file FILE ...] [--from TIME] [--to TIME] [--model FILE] [--to-file FILE] [--topic-prefix P] [OPTIONS]",
        options: ReplaySourceOptions.specs + [
            OptionSpec("from", help: "Start of the window (RFC 3339, on the events' occurred_at); earlier events build the starting state and publish nothing. Default: the first event."),
            OptionSpec("to", help: "End of the window (RFC 3339, inclusive); later events are counted and not folded. Default: the last event."),
            ModelLoading.option,
            OptionSpec("with-side-effects", .flag,
                       help: "Also write tasks, notes, notifications and enrollments; by default a replay writes only qualification records and property updates."),
            OptionSpec("to-file", help: "Write the output records to this file as JSON lines ('-' for standard output) instead of to the output topics. A symlink is written through to its target. It must not be an input file (--from-file, --model or --kafka-properties-file)."),
            OptionSpec("topic-prefix", help: "Name the output topics PREFIX + the default name, such as backfill.crosshub.qualifications; per-topic options override it. With --to-file, these names go into each line's topic field."),
        ] + OutputKindOptions.specs + DecisionPolicyOptions.options
    )

    static var usage: String {
        parser.help + """


        Reads every event of the input topics (all partitions, from the beginning
        to the end offsets seen at the start, with a consumer that joins no group
        and commits nothing) or of the --from-file files, folds them per contact
        into fresh state in memory, and decides each contact's outputs once, in
        contact-id order. Records carry "backfill": true and the header
        crosshub.backfill: true. Output topics must exist; none is created.
        Progress goes to standard error about once a second, then invalid events
        as 'LOCATION: CODE: MESSAGE' and a summary. The exit status is 0 when the
        run finished, also with invalid events; 1 when reading or writing failed.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: ReplaySettings
        let sinkChoice: (file: String?, kafka: ReplayKafkaSettings?)
        let maxErrors: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            let source = try ReplaySourceOptions.input(from: options, clientID: "crosshub-replay")
            var replay = ReplaySettings(input: source.input, scorer: try ModelLoading.scorer(path: options.string("model")),
                                        policy: try DecisionPolicyOptions.policy(from: options))
            replay.policy.sideEffects = options.flag("with-side-effects") ? .emit : .suppress
            replay.window = ReplayWindow(from: try ReplaySourceOptions.time(options, "from"),
                                         to: try ReplaySourceOptions.time(options, "to"))
            try replay.window.validate()
            replay.decoder = source.decoder
            replay.maxKeptInvalid = source.maxErrors
            replay.futureSkew = source.futureSkew
            replay.outputTopics = try OutputKindOptions.topics(from: options)
            settings = replay
            maxErrors = source.maxErrors

            if let file = options.string("to-file") {
                sinkChoice = (try ReplaySourceOptions.outputCheck("to-file", options: options).checkedPath(file), nil)
            } else {
                sinkChoice = (nil, try ReplaySourceOptions.kafkaSettings(from: options, logger: source.logger, clientID: "crosshub-replay"))
            }
        } catch {
            printError("crosshub replay: \(error)")
            return ExitStatus.usage
        }

        let progress = ReplayProgress { printError("crosshub replay: \($0)") }
        do {
            let summary: ReplaySummary
            if let file = sinkChoice.file {
                var sink = try JSONLinesReplaySink(path: file)
                summary = try Replay.run(settings, sink: &sink, progress: progress)
            } else {
                var sink = try KafkaReplaySink(settings: sinkChoice.kafka!, topics: settings.writtenTopics)
                summary = try Replay.run(settings, sink: &sink, progress: progress)
            }
            ReplaySourceOptions.printInvalid(summary.invalidEvents, total: summary.tally.invalid, maxErrors: maxErrors)
            printError("crosshub replay: \(summary.description), model \(settings.scorer.modelVersion)")
            return ExitStatus.success
        } catch {
            printError("crosshub replay: \(error)")
            return ExitStatus.failure
        }
    }
}

/// The per-kind output topic options and `--topic-prefix`, shared by `replay`.
enum OutputKindOptions {
    static let flags: [(kind: OutputKind, flag: String)] = [
        (.qualification, "qualifications-topic"), (.propertyUpdate, "property-updates-topic"),
        (.task, "tasks-topic"), (.note, "notes-topic"), (.notification, "notifications-topic"),
        (.enrollment, "enrollments-topic"),
    ]

    static let specs: [OptionSpec] = flags.map { entry in
        OptionSpec(entry.flag, help: "Output topic of \(entry.kind.rawValue) records. Default: PREFIX + \(ServiceTopics.defaults.topic(for: entry.kind)).")
    }

    /// Returns the topic of every kind: the per-kind option, else the prefix and the default name.
    static func topics(from options: ParsedOptions) throws -> [OutputKind: String] {
        let prefix = options.string("topic-prefix") ?? ""
        var topics: [OutputKind: String] = [:]
        for (kind, flag) in flags {
            let topic = options.string(flag) ?? prefix + ServiceTopics.defaults.topic(for: kind)
            guard !topic.isEmpty else {
                throw UsageError("invalid value '' for --\(flag): expected a topic name")
            }
            topics[kind] = topic
        }
        return topics
    }
}
