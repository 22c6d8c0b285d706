/// A validated JSON string in the input: the byte range between its quotes.
struct JSONStringSpan: Sendable, Equatable {
    /// Offset of the first byte after the opening quote.
    let start: Int
    /// Offset of the closing quote.
    let end: Int
    /// True when the string contains a backslash escape, so its bytes are not its value.
    let hasEscapes: Bool
    /// True when every byte is ASCII, so the byte count is the character count.
    let isASCII: Bool
}

extension JSONReader {
    /// Reads a string, validating escapes, surrogate pairs and UTF-8 (RFC 3629: no
    /// overlong forms, no encoded surrogates, nothing above U+10FFFF).
    mutating func readString() throws(JSONSyntaxError) -> JSONStringSpan {
        skipWhitespace()
        guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else {
            throw error("expected a string")
        }
        position += 1
        let start = position
        var hasEscapes = false
        var isASCII = true

        while position < buffer.count {
            // Skip eight bytes at once while they are all printable ASCII other than `"` and `\`.
            if buffer.count - position >= 8 {
                let word = UnsafeRawPointer(buffer.baseAddress! + position).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, !wordNeedsJSONEscape(word) {
                    position += 8
                    continue
                }
            }

            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let span = JSONStringSpan(start: start, end: position, hasEscapes: hasEscapes, isASCII: isASCII)
                position += 1
                return span
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try validateEscape()
            } else if byte < 0x20 {
                throw error("unescaped control character 0x\(String(byte, radix: 16, uppercase: true)) in a string")
            } else if byte >= 0x80 {
                isASCII = false
                try validateUTF8Sequence()
            } else {
                position += 1
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func validateEscape() throws(JSONSyntaxError) {
        let escapeStart = position
        guard position + 1 < buffer.count else { throw error("unterminated escape sequence") }
        switch buffer[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try readHexEscape()
            if (0xDC00...0xDFFF).contains(unit) {
                throw error("unpaired low surrogate \\u\(hex4(unit))", at: escapeStart)
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < buffer.count,
                      buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else {
                    throw error("high surrogate \\u\(hex4(unit)) not followed by a low surrogate", at: escapeStart)
                }
                let low = try readHexEscape()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("high surrogate \\u\(hex4(unit)) not followed by a low surrogate", at: escapeStart)
                }
            }
        default:
            throw error("invalid escape sequence \\\(Character(Unicode.Scalar(buffer[position + 1])))")
        }
    }

    /// Reads `\uXXXX` at the current position and returns the code unit.
    private mutating func readHexEscape() throws(JSONSyntaxError) -> UInt16 {
        guard buffer.count - position >= 6 else { throw error("truncated \\u escape") }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = hexValue(buffer[position + offset]) else {
                throw error("invalid hex digit in \\u escape", at: position + offset)
            }
            unit = unit << 4 | UInt16(digit)
        }
        position += 6
        return unit
    }

    private mutating func validateUTF8Sequence() throws(JSONSyntaxError) {
        let lead = buffer[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw error("invalid UTF-8 lead byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard buffer.count - position >= length else { throw error("truncated UTF-8 sequence") }
        guard secondRange.contains(buffer[position + 1]) else {
            throw error("invalid UTF-8 sequence", at: position + 1)
        }
        for offset in 2..<length where buffer[position + offset] & 0xC0 != 0x80 {
            throw error("invalid UTF-8 sequence", at: position + offset)
        }
        position += length
    }

    // MARK: Values of strings

    /// Returns the string's value, with escapes decoded.
    func string(_ span: JSONStringSpan) -> String {
        let raw = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        guard span.hasEscapes else {
            return String(decoding: raw, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hexUnit(raw, at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // readString() checked that a low surrogate escape follows.
                    let low = UInt32(hexUnit(raw, at: index + 2))
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &decoded)
            default:
                decoded.append(escape)  // `"`, `\` and `/` stand for themselves.
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Returns true when the string's value equals `literal`, comparing bytes when it has no escapes.
    func span(_ span: JSONStringSpan, equals literal: StaticString) -> Bool {
        if span.hasEscapes {
            return string(span) == literal.description
        }
        let length = literal.utf8CodeUnitCount
        guard span.end - span.start == length else { return false }
        let literalBytes = literal.utf8Start
        var index = 0
        while index < length {
            if buffer[span.start + index] != literalBytes[index] { return false }
            index += 1
        }
        return true
    }

    /// Returns the number of Unicode scalars in the string's value, the unit of JSON Schema's `maxLength`.
    func scalarCount(_ span: JSONStringSpan) -> Int {
        if span.isASCII && !span.hasEscapes {
            return span.end - span.start
        }
        return string(span).unicodeScalars.count
    }

    /// Returns the raw bytes of the string without its quotes; escapes are not decoded.
    func rawBytes(_ span: JSONStringSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

private func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16 {
    var unit: UInt16 = 0
    for offset in 0..<4 {
        unit = unit << 4 | UInt16(hexValue(raw[index + offset]) ?? 0)
    }
    return unit
}

private func hex4(_ unit: UInt16) -> String {
    let digits = String(unit, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
}

private func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        bytes.append(UInt8(scalar))
    case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | scalar >> 6))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | scalar >> 12))
        bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | scalar >> 18))
        bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    }
}
