/// A write position in memory with room for a known maximum number of bytes,
/// for writing one piece of JSON without the checks of `Array.append` on
/// every small write.
///
/// Every write checks the bound and stops the process rather than write past
/// it, so a caller that reserves too little fails loudly. The `max…Bytes`
/// functions give the bounds to reserve.
struct JSONByteCursor {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The number of bytes written so far, from the start of the buffer.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The bytes written so far.
    var written: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[..<count])
    }

    /// The maximum number of bytes that `appendJSONString(_:)` writes for
    /// `value`: each byte may become a six-byte `\u00XX` escape, plus the two quotes.
    static func maxStringBytes(_ value: String) -> Int {
        6 * value.utf8.count + 2
    }

    /// The maximum number of bytes that `appendJSONNumber(_:)` or
    /// `appendJSONInteger(_:)` writes: 24 for the longest shortest-form Double,
    /// such as `-2.2250738585072014e-308`, and 20 for `Int64.min`.
    static let maxNumberBytes = 24

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "JSON output is longer than the bytes reserved for it")
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= buffer.count - count, "JSON output is longer than the bytes reserved for it")
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }

        // Most pieces are a few bytes long, and a loop copies those faster than a call to memcpy.
        if bytes.count <= 16 {
            for offset in 0..<bytes.count {
                target[count + offset] = source[offset]
            }
        } else {
            (target + count).initialize(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Appends the bytes of an ASCII literal, such as a key with its quotes and colon.
    @inline(__always)
    mutating func appendASCII(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// Appends the UTF-8 bytes of `text` as they are, without escaping.
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

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
            var index = 0
            while index < bytes.count {
                // Skip eight bytes at once while none of them needs an escape.
                if bytes.count - index >= 8,
                   !wordNeedsJSONEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }

                let byte = bytes[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    appendEscape(for: byte)
                    runStart = index + 1
                }
                index += 1
            }
            append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
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
        appendASCII("u00")
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
            return
        }

        // Scores and points are often halves and tenths. When the value is the Double nearest to a
        // number with one decimal, that number is its shortest form, which `description` would
        // also give below 1e9 (checked against it in the tests), so skip building a String.
        let tenths = (value * 10).rounded()
        if abs(value) < 1e9, tenths / 10 == value {
            let wholeTenths = Int64(tenths)
            if wholeTenths < 0 {
                append(UInt8(ascii: "-"))
            }
            appendJSONInteger(Int64(wholeTenths.magnitude / 10))
            append(UInt8(ascii: "."))
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: wholeTenths.magnitude % 10))
            return
        }
        appendUTF8(value.description)
    }

    /// Appends an integer in decimal, without building a String.
    mutating func appendJSONInteger(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        precondition(digitCount <= buffer.count - count, "JSON output is longer than the bytes reserved for it")

        // Digits go in from the last one back.
        var position = count + digitCount
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += digitCount
    }
}

extension Array where Element == UInt8 {
    /// Appends what `body` writes, at most `maxCount` bytes, with one copy.
    ///
    /// `body` writes into temporary memory, on the stack when it is small, so
    /// that many small writes cost what one `append(contentsOf:)` costs.
    @inline(__always)
    mutating func appendJSON(maxCount: Int, _ body: (inout JSONByteCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { buffer in
            var cursor = JSONByteCursor(buffer)
            body(&cursor)
            append(contentsOf: cursor.written)
        }
    }

    /// Appends `value` as a quoted JSON string; see `JSONByteCursor.appendJSONString(_:)`.
    mutating func appendJSONString(_ value: String) {
        var value = value
        // Most strings need no escape: copy them in one step.
        let copied = value.withUTF8 { utf8 in
            guard !utf8NeedsJSONEscape(utf8) else { return false }
            append(UInt8(ascii: "\""))
            append(contentsOf: utf8)
            append(UInt8(ascii: "\""))
            return true
        }
        if !copied {
            appendJSON(maxCount: JSONByteCursor.maxStringBytes(value)) { $0.appendJSONString(value) }
        }
    }

    /// Appends a Double as JSON; see `JSONByteCursor.appendJSONNumber(_:)`.
    mutating func appendJSONNumber(_ value: Double) {
        appendJSON(maxCount: JSONByteCursor.maxNumberBytes) { $0.appendJSONNumber(value) }
    }

    /// Appends an integer in decimal.
    mutating func appendJSONInteger(_ value: Int64) {
        appendJSON(maxCount: JSONByteCursor.maxNumberBytes) { $0.appendJSONInteger(value) }
    }

    /// Appends the bytes of an ASCII literal.
    @inline(__always)
    mutating func appendASCII(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// Returns whether any of the eight bytes in `word` is a control character,
/// `"` or `\`, which a JSON string must escape. Bytes of 0x80 and above never are.
///
/// In `(w - 0x0101…01) & ~w & 0x8080…80`, a byte keeps its high bit only when
/// some byte of `w` is zero (a borrow can mark a byte above a zero byte, but
/// never without one). XOR with a repeated byte turns that byte into zero,
/// and subtracting 0x20 instead of 0x01 marks bytes below 0x20.
@inline(__always)
func wordNeedsJSONEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
    let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
    let controls = (word &- ones &* 0x20) & ~word
    let zeroQuotes = (quotes &- ones) & ~quotes
    let zeroBackslashes = (backslashes &- ones) & ~backslashes
    return (controls | zeroQuotes | zeroBackslashes) & highBits != 0
}

/// Returns whether any byte of `bytes` is a control character, `"` or `\`, which a JSON string must escape.
@inline(__always)
func utf8NeedsJSONEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    while bytes.count - index >= 8 {
        if wordNeedsJSONEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
        index += 8
    }
    while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        index += 1
    }
    return false
}

@inline(__always)
private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
