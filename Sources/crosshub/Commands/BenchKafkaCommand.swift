import CKafkaBaseline
import Foundation
import Kafka

/// `crosshub bench kafka`: measures the Swift consumer and producer against
/// plain C loops over librdkafka, on an embedded broker in this process.
enum BenchKafkaCommand: Command {
    static let name = "kafka"
    static let summary = "Compare the Swift Kafka consumer and producer with plain C loops."

    static let parser = OptionParser(command: "bench kafka", synopsis: "[OPTIONS]", options: [
        OptionSpec("messages", env: "CROSSHUB_BENCH_MESSAGES", default: "500000",
                   help: "Number of messages in the topic that the consume runs read."),
        OptionSpec("value-bytes", env: "CROSSHUB_BENCH_VALUE_BYTES", default: "300",
                   help: "Size of each message value in bytes (keys are 14-byte contact ids)."),
        OptionSpec("partitions", env: "CROSSHUB_BENCH_PARTITIONS", default: "48",
                   help: "Partitions of each benchmark topic."),
        OptionSpec("passes", env: "CROSSHUB_BENCH_PASSES", default: "6",
                   help: "Times each consume run reads the whole topic (seeking back in between); each produce run writes messages times passes."),
        OptionSpec("rounds", env: "CROSSHUB_BENCH_ROUNDS", default: "3",
                   help: "Rounds of each comparison; the order of C and Swift alternates between rounds."),
        OptionSpec("batch", env: "CROSSHUB_BENCH_BATCH", default: "1000",
                   help: "Maximum messages per consumer poll, for both C and Swift."),
        OptionSpec("fetch-error-backoff-ms", env: "CROSSHUB_BENCH_FETCH_ERROR_BACKOFF_MS", default: "20",
                   help: "librdkafka fetch.error.backoff.ms in milliseconds, for both consumers. With librdkafka's 500 ms default, runs on the embedded broker showed idle pauses of about 500 ms that made the figures bimodal."),
    ])

    /// librdkafka's mock cluster keeps about 5 MiB per partition and drops
    /// older batches, so a run must fit below that to be read back whole.
    static let partitionRetentionBytes = 4 * 1024 * 1024

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: Settings
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            settings = try Settings(options)
        } catch {
            printError("crosshub bench kafka: \(error)")
            return ExitStatus.usage
        }

        do {
            try KafkaBenchmark(settings: settings).run()
            return ExitStatus.success
        } catch {
            printError("crosshub bench kafka: \(error)")
            return ExitStatus.failure
        }
    }

    struct Settings {
        let messages: Int
        let valueBytes: Int
        let partitions: Int
        let passes: Int
        let rounds: Int
        let batch: Int
        let fetchErrorBackoffMilliseconds: Int

        init(_ options: ParsedOptions) throws {
            messages = try options.int("messages", in: 1_000...50_000_000) ?? 500_000
            valueBytes = try options.int("value-bytes", in: 1...1_000_000) ?? 300
            partitions = try options.int("partitions", in: 1...1_000) ?? 48
            passes = try options.int("passes", in: 1...1_000) ?? 6
            rounds = try options.int("rounds", in: 1...100) ?? 3
            batch = try options.int("batch", in: 1...100_000) ?? 1000
            fetchErrorBackoffMilliseconds = try options.int("fetch-error-backoff-ms", in: 0...300_000) ?? 20

            // About 70 bytes of record and batch overhead per message, an estimate for uncompressed v2 batches.
            let perPartition = messages * (valueBytes + 14 + 70) / partitions
            if perPartition > BenchKafkaCommand.partitionRetentionBytes {
                let needed = messages * (valueBytes + 14 + 70) / BenchKafkaCommand.partitionRetentionBytes + 1
                throw UsageError("--messages \(messages) of \(valueBytes) bytes over \(partitions) partitions puts about \(perPartition / 1024) KiB in each partition, but the embedded broker keeps only about 5 MiB per partition; use --partitions \(needed) or more, or fewer --messages")
            }
        }
    }
}
