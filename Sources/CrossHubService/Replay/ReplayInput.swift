import Foundation
import Kafka
import Qualification

/// The events a replay, compare or report reads: the input topics, or JSON lines files.
public enum ReplayInput: Sendable {
    /// Every partition of the input topics from the beginning to the end
    /// offsets captured at the start, in polls of at most `pollSize` records.
    case topics(ReplayKafkaSettings, InputTopics, pollSize: Int)
    /// JSON lines files in the order given; `-` is standard input.
    case files([String])

    /// Reads every event into `consumer`, reporting progress about once a second.
    ///
    /// - Throws: ``ReplayError`` for a missing file or topic, or ``KafkaError``
    ///   when the brokers cannot be read. Invalid events never throw: they are
    ///   counted in `consumer.intake`.
    public func read(into consumer: inout some EventConsumer, progress: ReplayProgress? = nil) throws {
        switch self {
        case .topics(let settings, let topics, let pollSize):
            try TopicReader(settings: settings, topics: topics, pollSize: pollSize).read(into: &consumer, progress: progress)
        case .files(let paths):
            try JSONLinesReader.read(paths, into: &consumer, progress: progress)
        }
    }
}

/// Reads JSON lines files in 1 MiB chunks. A line ends at `\n` and loses a
/// trailing `\r`. A last line without a newline still counts.
enum JSONLinesReader {
    static func read(_ paths: [String], into consumer: inout some EventConsumer, progress: ReplayProgress?) throws {
        var handles: [(path: String, handle: FileHandle)] = []
        var totalBytes: Int? = 0
        for path in paths {
            if path == "-" {
                handles.append(("-", FileHandle.standardInput))
                totalBytes = nil
                continue
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ReplayError("cannot open input file '\(path)': check that it exists and is readable")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            totalBytes = totalBytes.flatMap { total in size.map { total + $0 } }
            handles.append((path, handle))
        }
        progress?.total = totalBytes

        for (path, handle) in handles {
            try readLines(of: handle, path: path, into: &consumer, progress: progress)
            if path != "-" { try? handle.close() }
        }
    }

    private static func readLines(of handle: FileHandle, path: String, into consumer: inout some EventConsumer,
                                  progress: ReplayProgress?) throws {
        var buffer: [UInt8] = []
        var start = 0
        var lineNumber = 0
        var reachedEnd = false

        func consume(_ line: Range<Int>) {
            lineNumber += 1
            var end = line.upperBound
            if end > line.lowerBound && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let event = buffer.withUnsafeBytes { bytes in
                consumer.intake.decodeLine(UnsafeRawBufferPointer(rebasing: bytes[line.lowerBound..<end]),
                                           location: .line(file: path, number: lineNumber))
            }
            if let event { consumer.fold(event) }
        }

        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                consume(start..<newline)
                progress?.done += newline + 1 - start
                start = newline + 1
                continue
            }
            if reachedEnd {
                if start < buffer.count {
                    consume(start..<buffer.count)
                    progress?.done += buffer.count - start
                }
                return
            }
            progress?.tick(events: consumer.intake.tally.read, contacts: consumer.contactCount)
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                reachedEnd = true
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
