/// The byte-level encoding rules of the JSON layer, shared by `JSONWriter`,
/// the value tree's writers and encoders that append to a byte buffer directly.
extension Array where Element == UInt8 {
    /// Appends `value` as a quoted JSON string.
    ///
    /// Non-ASCII text is copied as UTF-8. `"` and `\` are escaped, control
    /// characters use the short escapes `\b`, `\f`, `\n`, `\r` and `\t` where
    /// JSON has them and `\u00XX` otherwise.
    @inline(__always)
    mutating func appendJSONString(_ value: String) {
        append(UInt8(ascii: "\""))
        appendJSONStringContent(value)
        append(UInt8(ascii: "\""))
    }

    /// Appends the escaped content of a JSON string, without the quotes.
    mutating func appendJSONStringContent(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            // Copy each run of bytes that needs no escape in one step.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(for: byte)
                runStart = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    private mutating func appendEscape(for byte: UInt8) {
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        append(UInt8(ascii: "\\"))
        if let short {
            append(short)
            return
        }
        append(UInt8(ascii: "u"))
        append(UInt8(ascii: "0"))
        append(UInt8(ascii: "0"))
        append(hexDigit(byte >> 4))
        append(hexDigit(byte & 0x0F))
    }

    /// Appends a Double: integral values below 2^53 in magnitude as integers,
    /// others in the standard library's shortest round-trip form (`0.1`,
    /// `1e-07`, `1.5e+300`). A non-finite value, which JSON cannot express,
    /// becomes `null`, and negative zero becomes `0`.
    mutating func appendJSONNumber(_ value: Double) {
        guard value.isFinite else {
            appendASCII("null")
            return
        }
        if value.rounded(.towardZero) == value && abs(value) < 9_007_199_254_740_992 {
            appendJSONInteger(Int64(value))
        } else {
            append(contentsOf: value.description.utf8)
        }
    }

    /// Appends an integer in decimal, without building a String.
    mutating func appendJSONInteger(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        guard magnitude >= 10 else {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }

        // Digits go in from the end of a 20-byte scratch area, enough for 2^64.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { scratch in
            var start = 20
            while magnitude > 0 {
                start -= 1
                scratch[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[start..<20]))
        }
    }

    /// Appends the bytes of an ASCII literal, such as a key with its quotes and colon.
    @inline(__always)
    mutating func appendASCII(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}

@inline(__always)
private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
