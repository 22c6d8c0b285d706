import Foundation

/// Collects output lines and writes them to standard output in blocks of
/// about 1 MiB, so that large outputs do not make one system call per line.
struct BufferedStandardOutput {
    private var pending: [UInt8] = []
    private let blockSize = 1 << 20

    /// Appends the bytes and a newline, writing out a full block when there is one.
    mutating func writeLine(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        pending.append(UInt8(ascii: "\n"))
        if pending.count >= blockSize {
            flush()
        }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
