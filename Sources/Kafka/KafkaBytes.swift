import Foundation

/// The bytes of a consumed key or value.
///
/// A collection of `UInt8` with indices from 0 to `count - 1`. The keys and
/// values of all messages returned by one ``KafkaConsumer/poll(maxMessages:timeout:)``
/// share one buffer, copied out of librdkafka in one allocation, so holding
/// any of them keeps that whole buffer (the size of the batch's keys and
/// values) alive. Copy what must be kept longer with `Array(bytes)` or ``data``.
public struct KafkaBytes: RandomAccessCollection, ContiguousBytes, Hashable, Sendable, CustomStringConvertible {
    private let storage: KafkaBytesStorage
    private let offset: Int
    public let count: Int

    /// Creates bytes that own a copy of `bytes`, for tests and adapters.
    public init(_ bytes: [UInt8]) {
        storage = KafkaBytesStorage(byteCount: bytes.count)
        offset = 0
        count = bytes.count
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { storage.base.copyMemory(from: base, byteCount: bytes.count) }
        }
    }

    /// Creates a view of `count` bytes at `offset` in `storage`.
    init(storage: KafkaBytesStorage, offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "index \(position) out of range 0..<\(count)")
        return storage.base.load(fromByteOffset: offset + position, as: UInt8.self)
    }

    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base + offset, count: count))
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        let start = (storage.base + offset).assumingMemoryBound(to: UInt8.self)
        return try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// A copy of the bytes as `Data`, for example for `JSONDecoder`.
    public var data: Data {
        withUnsafeBytes { Data($0) }
    }

    /// The bytes decoded as UTF-8, with invalid sequences replaced by U+FFFD.
    public var string: String {
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String {
        "\(count) bytes"
    }

    public static func == (lhs: KafkaBytes, rhs: KafkaBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// One heap buffer of consumed keys and values, freed when the last ``KafkaBytes`` view of it goes away.
///
/// `@unchecked Sendable` is safe because the bytes are written once, before
/// any view is handed out, and only read afterwards.
final class KafkaBytesStorage: @unchecked Sendable {
    let base: UnsafeMutableRawPointer

    init(byteCount: Int) {
        base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 16)
    }

    deinit {
        base.deallocate()
    }
}
