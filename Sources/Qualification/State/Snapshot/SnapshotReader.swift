/// A snapshot that cannot be decoded: the byte offset and what was wrong.
public struct SnapshotDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String

    public var description: String { "invalid contact snapshot at byte \(offset): \(reason)" }
}

/// Reads the primitives `SnapshotWriter` writes, checking every bound.
struct SnapshotReader {
    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    var eventIDs: [String] = []
    var timeBase: Int64 = 0

    init(_ bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
    }

    var isAtEnd: Bool { position == end }

    func error(_ reason: String) -> SnapshotDecodingError {
        SnapshotDecodingError(offset: position, reason: reason)
    }

    mutating func readByte() throws(SnapshotDecodingError) -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUnsigned() throws(SnapshotDecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64, shift < 63 || byte <= 1 else { throw error("varint longer than 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// Reads a non-negative count no greater than `limit`.
    mutating func readCount(limit: Int = Int(Int32.max)) throws(SnapshotDecodingError) -> Int {
        let value = try readUnsigned()
        guard value <= UInt64(limit) else { throw error("count \(value) exceeds the limit of \(limit)") }
        return Int(value)
    }

    mutating func readSigned() throws(SnapshotDecodingError) -> Int64 {
        let raw = try readUnsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readInt() throws(SnapshotDecodingError) -> Int {
        Int(try readSigned())
    }

    mutating func readBool() throws(SnapshotDecodingError) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw error("invalid boolean byte \(other)")
        }
    }

    mutating func readFixed64() throws(SnapshotDecodingError) -> UInt64 {
        guard end - position >= 8 else { throw error("unexpected end of data") }
        var bits: UInt64 = 0
        for index in 0..<8 {
            bits |= UInt64(bytes[position + index]) << (8 * UInt64(index))
        }
        position += 8
        return bits
    }

    mutating func readDouble() throws(SnapshotDecodingError) -> Double {
        Double(bitPattern: try readFixed64())
    }

    mutating func readString() throws(SnapshotDecodingError) -> String {
        let length = try readCount(limit: end - position)
        let slice = bytes[position..<(position + length)]
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw error("string is not valid UTF-8")
        }
        position += length
        return text
    }

    mutating func readTime() throws(SnapshotDecodingError) -> EventTime {
        EventTime(microsecondsSinceEpoch: timeBase &- (try readSigned()))
    }

    mutating func readOptional<Value>(_ read: (inout SnapshotReader) throws(SnapshotDecodingError) -> Value) throws(SnapshotDecodingError) -> Value? {
        switch try readByte() {
        case 0: return nil
        case 1: return try read(&self)
        case let other: throw error("invalid presence byte \(other)")
        }
    }

    mutating func readLatest<Value>(_ read: (inout SnapshotReader) throws(SnapshotDecodingError) -> Value) throws(SnapshotDecodingError) -> LatestValue<Value>? {
        try readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) -> LatestValue<Value> in
            let value = try read(&reader)
            let time = try reader.readTime()
            let index = try reader.readCount()
            guard index < reader.eventIDs.count else { throw reader.error("event id index \(index) out of range") }
            return LatestValue(value, occurredAt: time, eventID: reader.eventIDs[index])
        }
    }
}
