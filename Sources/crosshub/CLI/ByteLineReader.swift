import Foundation

/// Reads a file or standard input line by line as raw bytes, without decoding
/// text, in 1 MiB reads. Lines end at `\n`; a trailing `\r` is removed, and a
/// last line without a newline is still returned.
final class ByteLineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var reachedEnd = false

    /// Opens `path`, or standard input when `path` is nil or `-`.
    ///
    /// - Throws: `UsageError` naming the path when it cannot be opened.
    init(path: String?) throws {
        if let path, path != "-" {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageError("input file '\(path)' not found: check the path")
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw UsageError("failed to open '\(path)' for reading: check its permissions")
            }
            self.handle = handle
        } else {
            self.handle = FileHandle.standardInput
        }
    }

    /// Calls `body` with each line's bytes, which are valid only during the call.
    func forEachLine(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
                start = newline + 1
                continue
            }
            if reachedEnd {
                if start < buffer.count {
                    try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
                }
                return
            }
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
