/// Builds one compact JSON object as UTF-8 bytes, field by field, without an
/// intermediate dictionary, so that the generator writes about a million
/// events a second and its output never depends on dictionary order.
///
/// Keys appear in the order they are added. Strings are escaped as RFC 8259
/// requires (quote, backslash and control characters) and otherwise written
/// as their UTF-8 bytes.
struct JSONLineBuilder {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
        needsComma.reserveCapacity(4)
    }

    /// Removes every byte so the builder can be reused without reallocating.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma.removeAll(keepingCapacity: true)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    /// Writes `"key":` and leaves the value to the next call.
    mutating func key(_ key: StaticString) {
        if needsComma[needsComma.count - 1] {
            bytes.append(UInt8(ascii: ","))
        } else {
            needsComma[needsComma.count - 1] = true
        }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        appendString(value)
    }

    mutating func integer(_ key: StaticString, _ value: Int) {
        self.key(key)
        appendInteger(value)
    }

    mutating func boolean(_ key: StaticString, _ value: Bool) {
        self.key(key)
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    /// Writes a number given in tenths, such as `125` for `12.5`; whole
    /// numbers have no fraction (`30`, not `30.0`).
    mutating func tenths(_ key: StaticString, _ value: Int) {
        self.key(key)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        appendUnsigned(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// Writes an RFC 3339 timestamp string, in UTC unless `offsetSeconds` is given.
    mutating func timestamp(_ key: StaticString, _ seconds: Int64, offsetSeconds: Int = 0) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        RFC3339Time.append(seconds, offsetSeconds: offsetSeconds, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `value` as the next field's value without checking that it is
    /// valid JSON; invalid lines use it to write wrong types on purpose.
    mutating func raw(_ key: StaticString, _ value: String) {
        self.key(key)
        bytes.append(contentsOf: value.utf8)
    }

    /// Appends `text` unchecked, as the value that follows a `key(_:)` call.
    mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied at once.
        let copied: Bool? = value.utf8.withContiguousStorageIfAvailable { buffer in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendUnsigned(value.magnitude)
    }

    private mutating func appendUnsigned(_ value: UInt) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
