import Foundation
import Qualification

/// A destination of replay output records: the output topics or a JSON lines file.
public protocol ReplaySink {
    /// Writes one record; `topic` is the output topic of its kind.
    mutating func write(_ record: OutputRecord, topic: String) throws
    /// Writes out everything buffered and waits for it to be stored.
    mutating func finish() throws
}

/// Writes output records as JSON lines, one record a line:
/// `{"kind", "topic", "key", "headers", "value"}`, where `headers` is an
/// object in header order and `value` is the record's JSON as published.
///
/// The bytes depend only on the records and their order, so two replays of
/// the same input and model write identical files.
public struct JSONLinesReplaySink: ReplaySink {
    private let handle: FileHandle
    private let closesHandle: Bool
    private var pending: [UInt8] = []
    public private(set) var bytesWritten = 0

    /// Creates or truncates `path`, or writes to standard output when `path` is `-`.
    ///
    /// - Throws: ``ReplayError`` naming the path when it cannot be created.
    public init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardOutput
            closesHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ReplayError("cannot create output file '\(path)': check that its directory exists and is writable")
        }
        self.handle = handle
        closesHandle = true
    }

    public mutating func write(_ record: OutputRecord, topic: String) throws {
        pending += Self.line(record, topic: topic)
        pending.append(UInt8(ascii: "\n"))
        if pending.count >= 1 << 20 {
            try flush()
        }
    }

    public mutating func finish() throws {
        try flush()
        if closesHandle {
            try handle.close()
        }
    }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try handle.write(contentsOf: pending)
        bytesWritten += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Returns the line of one record, without the newline.
    static func line(_ record: OutputRecord, topic: String) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512 + record.value.count)
        writer.beginObject()
        writer.key("kind")
        writer.string(record.kind.rawValue)
        writer.key("topic")
        writer.string(topic)
        writer.key("key")
        writer.string(record.key)
        writer.key("headers")
        writer.beginObject()
        for header in record.headers {
            writer.key(header.name)
            writer.string(header.value)
        }
        writer.endObject()
        writer.endObject()

        // The record is JSON already, so it goes in as it is, in place of the closing brace.
        var bytes = writer.bytes
        bytes.removeLast()
        bytes += Array(#","value":"#.utf8)
        bytes += record.value
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
