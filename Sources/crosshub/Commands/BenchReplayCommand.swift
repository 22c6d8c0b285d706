import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub bench replay`: replay rates from the input topics and from a
/// file, beside the live pipeline's rate over the same events in the same run.
enum BenchReplayCommand: Command {
    static let name = "replay"
    static let summary = "Events per second of a replay from topics and from a file, against the live pipeline."

    static let parser = OptionParser(command: "bench replay", synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", default: "2000", help: "Generated contacts; about 50 events each over the default 90 days."),
        OptionSpec("partitions", default: "8",
                   help: "Partitions of every topic; the embedded broker keeps about 5 MiB per partition, so more contacts need more partitions."),
        OptionSpec("rounds", default: "3", help: "Replays of each kind; the median is printed with the range (1 to 20)."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        let contacts: Int
        let partitions: Int
        let rounds: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            contacts = try options.int("contacts", in: 1...200_000) ?? 2000
            partitions = try options.int("partitions", in: 1...64) ?? 8
            rounds = try options.int("rounds", in: 1...20) ?? 3
        } catch {
            printError("crosshub bench replay: \(error)")
            return ExitStatus.usage
        }

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-bench-replay-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let cluster = try EmbeddedKafkaCluster(brokers: 1)
            for topic in ServiceTopics.defaults.all { try cluster.createTopic(topic, partitions: partitions) }
            var options = JourneyGeneratorOptions()
            options.contacts = contacts
            let batch = try JourneyGenerator(options: options).generate()
            let events = batch.events
            try BenchPipelineCommand.produce(events, to: cluster)
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw UsageError("cannot create \(file.path); check that the temporary directory is writable")
            }
            let handle = try FileHandle(forWritingTo: file)
            batch.write(format: .jsonl) { handle.write(Data($0)) }
            try handle.close()
            print("events: \(events.count) from \(contacts) contacts, \(partitions) partitions per topic; replays write JSON lines to /dev/null")

            let raw = try BenchPipelineCommand.rawConsumeRate(cluster, count: events.count, partitions: partitions)
            print(String(format: "raw consume (Swift consumer, no processing): %.0f events/s", raw))
            // Each guarantee runs twice in a fresh group, alternating, because the first
            // service run of a process measured far slower than later ones, whatever its guarantee.
            var pipelineRates: [DeliveryGuarantee: [Double]] = [:]
            for guarantee in [DeliveryGuarantee.atLeastOnce, .exactlyOnce, .atLeastOnce, .exactlyOnce] {
                var settings = BenchPipelineCommand.Settings()
                settings.partitions = partitions
                let rate = try BenchPipelineCommand.throughputRun(
                    cluster, count: events.count, guarantee: guarantee, settings: settings,
                    group: "bench-replay-\(guarantee.rawValue)-\(pipelineRates[guarantee, default: []].count)").rate
                pipelineRates[guarantee, default: []].append(rate)
                print(String(format: "live pipeline %@: %.0f events/s", guarantee.rawValue, rate))
            }
            let live = pipelineRates[.atLeastOnce]!.max()!
            let exactlyOnce = pipelineRates[.exactlyOnce]!.max()!
            print(String(format: "live pipeline baseline (at-least-once, faster run): %.0f events/s; exactly-once, faster run: %.0f events/s, %.2f x the baseline",
                         live, exactlyOnce, exactlyOnce / live))

            let settings = ReplayKafkaSettings(bootstrapServers: cluster.bootstrapServers, logger: Logger(level: .warning))
            let fromTopics = try replayRates(.topics(settings, .defaults, pollSize: 1000), rounds: rounds, expected: events.count)
            report("replay from topics", fromTopics, baseline: live)
            let fromFile = try replayRates(.files([file.path]), rounds: rounds, expected: events.count)
            report("replay from a file", fromFile, baseline: live)
        } catch {
            printError("crosshub bench replay: \(error)")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    /// Runs `rounds` replays and returns their rates in events per second, read to written.
    private static func replayRates(_ input: ReplayInput, rounds: Int, expected: Int) throws -> [Double] {
        var rates: [Double] = []
        for _ in 0..<rounds {
            var sink = try JSONLinesReplaySink(path: "/dev/null")
            let summary = try Replay.run(ReplaySettings(input: input, scorer: .default), sink: &sink)
            guard summary.tally.read == expected else {
                throw UsageError("a replay read \(summary.tally.read) events, expected \(expected)")
            }
            rates.append(summary.rate)
        }
        return rates
    }

    private static func report(_ label: String, _ rates: [Double], baseline: Double) {
        let sorted = rates.sorted()
        let median = sorted[sorted.count / 2]
        print(String(format: "%@: median %.0f events/s (%.0f to %.0f over %d rounds), %.2f x the live pipeline",
                     label, median, sorted.first!, sorted.last!, sorted.count, median / baseline))
    }
}
