import Dispatch
import Foundation
import CrossHubService
import Kafka

/// `crosshub broker`: runs the embedded Kafka broker until interrupted, for local development.
enum BrokerCommand: Command {
    static let name = "broker"
    static let summary = "Run an embedded Kafka broker on loopback until interrupted."

    static let parser = OptionParser(command: "broker", synopsis: "[OPTIONS]", options: [
        OptionSpec("broker-count", env: "CROSSHUB_BROKER_COUNT", default: "1",
                   help: "Number of brokers in the cluster, each on its own loopback port."),
        OptionSpec("topics", .flag, env: "CROSSHUB_BROKER_DEFAULT_TOPICS",
                   help: "Create every default topic of 'crosshub run' (inputs, outputs, dead letters, changelog) with --partitions partitions."),
        OptionSpec("partitions", env: "CROSSHUB_BROKER_PARTITIONS", default: "6",
                   help: "Partition count of the topics --topics creates."),
        OptionSpec("topic", .repeated, env: "CROSSHUB_BROKER_TOPICS",
                   help: "Topic to create, as NAME:PARTITIONS (for example marketing.events:6); the environment variable takes a comma-separated list."),
        OptionSpec("log-level", env: "CROSSHUB_BROKER_LOG_LEVEL", default: "warning",
                   help: "Lowest severity of broker log lines printed to standard error: debug, info, notice, warning or error."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        let brokers: Int
        let topics: [(name: String, partitions: Int)]
        let minimumLevel: KafkaLogLevel
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            brokers = try options.int("broker-count", in: 1...32) ?? 1
            var requested = try options.strings("topic").map(parseTopic)
            if options.flag("topics") {
                let partitions = try options.int("partitions", in: 1...1000) ?? 6
                let named = Set(requested.map(\.name))
                requested = ServiceTopics.defaults.all.filter { !named.contains($0) }.map { ($0, partitions) } + requested
            }
            topics = requested
            minimumLevel = try parseLevel(options.string("log-level") ?? "warning")
        } catch {
            printError("crosshub broker: \(error)")
            return ExitStatus.usage
        }

        let handlers = KafkaClientHandlers(
            log: { record in
                if record.level >= minimumLevel {
                    printError("\(record.level) \(record.facility) \(record.message)")
                }
            },
            error: { error in printError("error \(error)") })

        let cluster: EmbeddedKafkaCluster
        do {
            cluster = try EmbeddedKafkaCluster(brokers: brokers, handlers: handlers)
            for topic in topics {
                try cluster.createTopic(topic.name, partitions: topic.partitions, replicationFactor: 1)
            }
        } catch {
            printError("crosshub broker: \(error)")
            return ExitStatus.failure
        }

        // Written unbuffered, so that a script reading the first line gets the address at once.
        // NOTE: librdkafka 2.0.2's mock cluster has no call to choose its listener ports, so the system picks them.
        var lines = [cluster.bootstrapServers]
        lines += topics.map { "topic \($0.name) partitions=\($0.partitions)" }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        printError("crosshub broker: \(brokers) broker(s) running at \(cluster.bootstrapServers); stop with Ctrl-C or SIGTERM")

        let signal = waitForTermination()
        printError("crosshub broker: stopping on \(signal)")
        withExtendedLifetime(cluster) {}
        return ExitStatus.success
    }

    private static func parseTopic(_ text: String) throws -> (name: String, partitions: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let partitions = Int(parts[1]), partitions >= 1 else {
            throw UsageError("invalid value '\(text)' for --topic: expected NAME:PARTITIONS with at least 1 partition, for example marketing.events:6")
        }
        return (String(parts[0]), partitions)
    }

    private static func parseLevel(_ text: String) throws -> KafkaLogLevel {
        let levels: [String: KafkaLogLevel] = ["debug": .debug, "info": .info, "notice": .notice,
                                               "warning": .warning, "error": .error]
        guard let level = levels[text.lowercased()] else {
            throw UsageError("invalid value '\(text)' for --log-level: expected debug, info, notice, warning or error")
        }
        return level
    }

    /// Blocks until SIGINT or SIGTERM arrives and returns its name.
    private static func waitForTermination() -> String {
        let received = DispatchSemaphore(value: 0)
        let name = LockedName()
        var sources: [DispatchSourceSignal] = []
        for (number, signalName) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                name.set(signalName)
                received.signal()
            }
            source.resume()
            sources.append(source)
        }
        received.wait()
        sources.forEach { $0.cancel() }
        return name.get()
    }
}

/// The name of the signal that stopped the broker, set on a Dispatch queue and read on the main thread.
private final class LockedName: @unchecked Sendable {
    // `@unchecked Sendable`: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value = "a signal"

    func set(_ name: String) { lock.withLock { value = name } }
    func get() -> String { lock.withLock { value } }
}
