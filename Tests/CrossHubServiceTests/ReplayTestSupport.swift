import Foundation
import Kafka
import Qualification
@testable import CrossHubService

/// Helpers for replay tests: event files, replays into memory, and parsed output lines.
enum ReplayTestSupport {
    /// Writes the values of `events` as JSON lines to a new temporary file.
    static func writeEventFile(_ events: [GeneratedEvent]) throws -> URL {
        var bytes: [UInt8] = []
        for event in events {
            bytes += event.value
            bytes.append(UInt8(ascii: "\n"))
        }
        return try writeTemporary(bytes, name: "events")
    }

    static func writeTemporary(_ bytes: [UInt8], name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-\(name)-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs a replay into a temporary JSON lines file and returns the file's bytes and the summary.
    static func replay(_ settings: ReplaySettings) throws -> (bytes: [UInt8], summary: ReplaySummary) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-replay-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        var sink = try JSONLinesReplaySink(path: url.path)
        let summary = try Replay.run(settings, sink: &sink)
        return (Array(try Data(contentsOf: url)), summary)
    }

    static func kafkaSettings(_ environment: ServiceTestCluster) -> ReplayKafkaSettings {
        ReplayKafkaSettings(bootstrapServers: environment.bootstrapServers, logger: Logger(level: .warning, sink: MemoryLogSink()))
    }

    /// Returns nil when the bytes are equal, else the first line that differs in each, so a failure stays short.
    static func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> String? {
        guard lhs != rhs else { return nil }
        let left = lhs.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let right = rhs.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(decoding: left[index].prefix(300), as: UTF8.self) : "(no line)"
            let b = index < right.count ? String(decoding: right[index].prefix(300), as: UTF8.self) : "(no line)"
            if a != b || (index < left.count && index < right.count && left[index] != right[index]) {
                return "line \(index + 1) of \(left.count) and \(right.count):\n  \(a)\n  \(b)"
            }
        }
        return "the bytes differ outside the lines"
    }

    /// Parses each output line into its kind, key and record object.
    static func records(_ bytes: [UInt8]) throws -> [(kind: String, key: String, value: [String: Any])] {
        try bytes.split(separator: UInt8(ascii: "\n")).map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let kind = object["kind"] as? String, let key = object["key"] as? String,
                  let value = object["value"] as? [String: Any] else {
                throw DeadlineExceeded(description: "an output line is not a replay record: \(String(decoding: line, as: UTF8.self))")
            }
            return (kind, key, value)
        }
    }
}
