import Foundation
import Synchronization

/// One structured log line before formatting.
public struct LogRecord: Sendable {
    public var time: Date
    public var level: LogLevel
    public var message: String
    /// Namespaced fields such as `kafka.topic` or `contact.id`, in the order given.
    public var fields: [(String, String)]
}

/// A destination for log records. Implementations must be safe to call from any thread.
public protocol LogSink: Sendable {
    func write(_ record: LogRecord)
}

/// Writes formatted lines to a file handle, standard error by default.
///
/// A mutex serialises writes, so lines from different threads never interleave.
public final class StreamLogSink: LogSink {
    private let format: LogFormat
    private let handle: Mutex<FileHandle>

    public init(format: LogFormat = .logfmt, handle: FileHandle = .standardError) {
        self.format = format
        self.handle = Mutex(handle)
    }

    public func write(_ record: LogRecord) {
        let line = LogLineFormatter.format(record, as: format) + "\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}

/// Keeps records in memory, for tests that assert on logs.
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[LogRecord]>([])

    public init() {}

    public func write(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    /// Every record written so far, oldest first.
    public var records: [LogRecord] {
        storage.withLock { $0 }
    }
}
