import Foundation
import Testing
@testable import Qualification

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONValue.parse(text)
}

@Test(arguments: [
    ("{}", JSONValue.object([:])),
    ("[]", .array([])),
    (" \t\r\n true \n", .bool(true)),
    ("null", .null),
    ("0", .integer(0)),
    ("-0", .integer(0)),
    ("-12", .integer(-12)),
    ("123456789012345678", .integer(123_456_789_012_345_678)),
    ("1.5", .number(1.5)),
    ("-0.000123", .number(-0.000123)),
    ("1e3", .number(1000)),
    ("1E+3", .number(1000)),
    ("2.5e-3", .number(0.0025)),
    ("12345678901234567890", .number(12_345_678_901_234_567_890)),
    ("0.1", .number(0.1)),
    ("1.7976931348623157e308", .number(1.7976931348623157e308)),
    ("5e-324", .number(5e-324)),
    (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{c}\n\r\t")),
    (#""\u00e9\u4e2d\ud83d\ude00""#, .string("é中😀")),
    ("\"é中😀\"", .string("é中😀")),
    (#"{"a":[1,{"b":null}],"c":"d"}"#, .object(["a": .array([.integer(1), .object(["b": .null])]), "c": .string("d")])),
])
func validJSONParses(text: String, expected: JSONValue) throws {
    #expect(try parse(text) == expected)
}

@Test(arguments: [
    ("", "unexpected end of input, expected a value"),
    ("{} x", "unexpected 'x' after the end of the value"),
    ("[1,]", "unexpected ']', expected a value"),
    (#"{"a":1,}"#, "unexpected '}', expected a string key"),
    (#"{"a" 1}"#, "expected ':' after an object key"),
    (#"{"a":1 "b":2}"#, "unexpected '\"', expected ',' or '}' after an object member"),
    ("01", "leading zero in a number"),
    ("-", "expected a digit in a number"),
    ("1.", "expected a digit after the decimal point"),
    ("1e", "expected a digit in the exponent"),
    (".5", "unexpected '.', expected a value"),
    ("+1", "unexpected '+', expected a value"),
    ("NaN", "unexpected 'N', expected a value"),
    ("Infinity", "unexpected 'I', expected a value"),
    ("1e400", "number 1e400 is out of range"),
    ("tru", "invalid literal, expected true or false"),
    ("nul", "invalid literal, expected null"),
    (#""abc"#, "unterminated string"),
    (#""\x""#, "invalid escape sequence \\x"),
    (#""\u12g4""#, "invalid hex digit in \\u escape"),
    (#""\ud800""#, "high surrogate \\uD800 not followed by a low surrogate"),
    (#""\ud800\u0041""#, "high surrogate \\uD800 not followed by a low surrogate"),
    (#""\udc00""#, "unpaired low surrogate \\uDC00"),
    ("\"a\tb\"", "unescaped control character 0x9 in a string"),
    (#"{"a":1,"a":2}"#, "duplicate key \"a\""),
    ("'a'", "unexpected ''', expected a value"),
])
func invalidJSONIsRejected(text: String, reason: String) {
    do {
        let value = try parse(text)
        Issue.record("parsed \(text) as \(value)")
    } catch {
        #expect(error.reason == reason, "input \(text)")
    }
}

@Test(arguments: [
    [0xC0, 0x80],              // overlong NUL
    [0xE0, 0x80, 0x80],        // overlong
    [0xED, 0xA0, 0x80],        // encoded surrogate U+D800
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xF5, 0x80, 0x80, 0x80],  // invalid lead byte
    [0x80],                    // lone continuation byte
    [0xE2, 0x82],              // truncated sequence
    [0xC3, 0x28],              // bad continuation
] as [[UInt8]])
func invalidUTF8IsRejected(sequence: [UInt8]) {
    let bytes = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
}

@Test func validUTF8BoundariesAreAccepted() throws {
    let text = "\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
    #expect(try JSONValue.parse("\"\(text)\"") == .string(text))
}

@Test func nestingDepthIsLimited() throws {
    let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
    #expect(throws: JSONSyntaxError(offset: 9, reason: "nesting deeper than 9 levels")) {
        try JSONValue.parse(deep, maxDepth: 9)
    }
    #expect(try JSONValue.parse(deep, maxDepth: 10) != .null)
}

@Test func syntaxErrorsNameTheOffset() {
    #expect(throws: JSONSyntaxError(offset: 6, reason: "unexpected 'x', expected a value")) {
        try JSONValue.parse(#"{"a": x}"#)
    }
}

/// Doubles parsed by the fast path must equal the standard library's correctly rounded conversion.
@Test func numbersMatchStandardLibraryConversion() throws {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<20_000 {
        let mantissa = UInt64.random(in: 0...999_999_999_999, using: &generator)
        let scale = Int.random(in: 0...12, using: &generator)
        var digits = String(mantissa)
        if scale > 0 {
            digits = String(repeating: "0", count: max(0, scale - digits.count + 1)) + digits
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        let exponent = Int.random(in: -30...30, using: &generator)
        let text = Bool.random(using: &generator) ? digits : "\(digits)e\(exponent)"
        let parsed = try JSONValue.parse(text)
        let expected = Double(text)!
        switch parsed {
        case .integer(let value): #expect(Double(value) == expected, "\(text)")
        case .number(let value): #expect(value == expected, "\(text)")
        default: Issue.record("\(text) parsed as \(parsed)")
        }
    }
}

/// Strings are scanned eight bytes at a time, so each special byte is tried at every offset within a block.
@Test func specialBytesAreFoundAtEveryOffset() throws {
    for length in 1...20 {
        for position in 0..<length {
            var plain = Array(repeating: UInt8(ascii: "a"), count: length)

            plain[position] = 0x1F
            let control = [UInt8(ascii: "\"")] + plain + [UInt8(ascii: "\"")]
            #expect(throws: JSONSyntaxError(offset: 1 + position, reason: "unescaped control character 0x1F in a string")) {
                try JSONValue.parse(control)
            }

            plain[position] = 0xFF
            let invalidUTF8 = [UInt8(ascii: "\"")] + plain + [UInt8(ascii: "\"")]
            #expect(throws: JSONSyntaxError(offset: 1 + position, reason: "invalid UTF-8 lead byte 0xFF")) {
                try JSONValue.parse(invalidUTF8)
            }

            let text = String(repeating: "a", count: position) + "é\\\"" + String(repeating: "a", count: length - position)
            let expected = String(repeating: "a", count: position) + "é\"" + String(repeating: "a", count: length - position)
            #expect(try JSONValue.parse("\"\(text)\"") == .string(expected), "\(text)")
        }
    }
}
