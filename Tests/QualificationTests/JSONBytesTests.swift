import Foundation
import Testing
@testable import Qualification

/// Escapes a string for JSON one character at a time, as the reference for the word-at-a-time writer.
private func referenceEscaped(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case "\u{8}": escaped += "\\b"
        case "\u{C}": escaped += "\\f"
        case "\u{0}"..."\u{1F}":
            let hex = String(scalar.value, radix: 16)
            escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped + "\""
}

/// Writes a number as the JSON layer documents it, through `Double.description`.
private func referenceNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value.rounded(.towardZero) == value && abs(value) < 9_007_199_254_740_992 {
        return String(Int64(value))
    }
    return value.description
}

private func written(_ value: Double) -> String {
    var bytes: [UInt8] = []
    bytes.appendJSONNumber(value)
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct JSONBytesTests {
    @Test func wordEscapeCheckMatchesBytewise() {
        for filler: UInt8 in [UInt8(ascii: "a"), 0x20, 0x21, 0x7F, 0x80, 0xFF] {
            for byte in 0...UInt8.max {
                for position in 0..<8 {
                    var word = UInt64(filler) &* 0x0101_0101_0101_0101
                    word &= ~(UInt64(0xFF) << (8 * position))
                    word |= UInt64(byte) << (8 * position)
                    let expected = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                        || filler < 0x20 || filler == UInt8(ascii: "\"") || filler == UInt8(ascii: "\\")
                    #expect(wordNeedsJSONEscape(word) == expected, "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func stringsMatchReferenceEscaping() throws {
        let pool: [Character] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "é", "中", "😀", "/"]
        var generator = SplitMix64(seed: 3)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in pool.randomElement(using: &generator)! })
            var writer = JSONWriter()
            writer.string(text)
            #expect(writer.text == referenceEscaped(text), "\(text.debugDescription)")
            #expect(try JSONValue.parse(writer.text) == .string(text))
        }
    }

    @Test func tenthsMatchDescription() {
        var generator = SplitMix64(seed: 4)
        for _ in 0..<50_000 {
            let value = Double(Int64.random(in: -100_000_000_000...100_000_000_000, using: &generator)) / 10
            #expect(written(value) == referenceNumber(value), "\(value)")
        }
        for value in [0.1, -0.1, 0.5, -0.5, -0.05, 0.3 - 0.1, 22.5, 999_999_999.9, 1_000_000_000.5, 0.1 + 0.2] {
            #expect(written(value) == referenceNumber(value), "\(value)")
        }
    }

    @Test func anyDoubleMatchesDescription() {
        var generator = SplitMix64(seed: 6)
        for _ in 0..<50_000 {
            let value = Double(bitPattern: generator.next())
            #expect(written(value) == referenceNumber(value), "\(value)")
        }
    }

    @Test func longestNumbersFitTheBound() {
        for value in [-2.2250738585072014e-308, -1.7976931348623157e308, -4.9406564584124654e-324,
                      -4_503_599_627_370_495.5, -9_007_199_254_740_991, -0.000123456789012345] {
            #expect(written(value).utf8.count <= JSONByteCursor.maxNumberBytes, "\(value)")
        }
        var bytes: [UInt8] = []
        bytes.appendJSONInteger(.min)
        #expect(bytes.count <= JSONByteCursor.maxNumberBytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-9223372036854775808")
    }
}
