/// Binary primitives of the snapshot format: LEB128 varints, zigzag for
/// signed values, little-endian Doubles and length-prefixed UTF-8 strings.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []
    /// Event ids referenced by latest values, written once and referred to by index.
    private(set) var eventIDs: [String] = []
    private var eventIDIndex: [String: Int] = [:]
    /// Times are written relative to this instant, the contact's newest event,
    /// so that they take a few bytes instead of eight.
    let timeBase: Int64

    init(timeBase: Int64) {
        self.timeBase = timeBase
        bytes.reserveCapacity(512)
    }

    mutating func writeByte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func writeUnsigned(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    mutating func writeCount(_ value: Int) {
        writeUnsigned(UInt64(max(0, value)))
    }

    mutating func writeSigned(_ value: Int64) {
        writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func writeFixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func writeDouble(_ value: Double) {
        writeFixed64(value.bitPattern)
    }

    mutating func writeString(_ value: String) {
        writeCount(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func writeTime(_ time: EventTime) {
        writeSigned(timeBase &- time.microsecondsSinceEpoch)
    }

    /// Writes a presence byte, then the value when there is one.
    mutating func writeOptional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
        guard let value else {
            writeByte(0)
            return
        }
        writeByte(1)
        write(&self, value)
    }

    /// Writes a latest value: the value, its time, and its event id as an index into the id table.
    mutating func writeLatest<Value>(_ latest: LatestValue<Value>?, _ write: (inout SnapshotWriter, Value) -> Void) {
        writeOptional(latest) { writer, latest in
            write(&writer, latest.value)
            writer.writeTime(latest.occurredAt)
            writer.writeCount(writer.internEventID(latest.eventID))
        }
    }

    private mutating func internEventID(_ eventID: String) -> Int {
        if let index = eventIDIndex[eventID] { return index }
        eventIDs.append(eventID)
        eventIDIndex[eventID] = eventIDs.count - 1
        return eventIDs.count - 1
    }
}
