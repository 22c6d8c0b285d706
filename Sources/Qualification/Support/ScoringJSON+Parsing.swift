import Foundation

extension ScoringJSON {
    /// The deepest nesting of arrays and objects that `parse` accepts.
    public static let maxDepth = 64

    /// Parses one JSON text strictly as RFC 8259 defines it. Trailing commas,
    /// comments, leading zeros, NaN, trailing content, invalid UTF-8 or escapes,
    /// a key repeated in one object and nesting deeper than `maxDepth` are
    /// rejected. Object members keep the order of the input.
    ///
    /// - Throws: `ScoringJSONSyntaxError` with the byte offset and the reason.
    public static func parse(_ data: Data) throws(ScoringJSONSyntaxError) -> ScoringJSON {
        let result: Result<ScoringJSON, ScoringJSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = Parser(raw.bindMemory(to: UInt8.self))
            return Result { () throws(ScoringJSONSyntaxError) in try parser.parseDocument() }
        }
        return try result.get()
    }

    /// Parses one JSON text from a string; see `parse(_:)` for the rules.
    ///
    /// - Throws: `ScoringJSONSyntaxError` with the byte offset and the reason.
    public static func parse(_ text: String) throws(ScoringJSONSyntaxError) -> ScoringJSON {
        try parse(Data(text.utf8))
    }
}

/// Text that is not valid JSON.
public struct ScoringJSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset from the start of the text where parsing stopped.
    public let offset: Int
    /// The reason, as `invalid JSON at byte 12: expected ',' or '}' after an object member`.
    public let reason: String

    init(offset: Int, _ problem: String) {
        self.offset = offset
        reason = "invalid JSON at byte \(offset): \(problem)"
    }

    public var description: String { reason }
}

/// A recursive-descent parser over the bytes of one JSON text.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(ScoringJSONSyntaxError) -> ScoringJSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else {
            throw fail("unexpected content after the JSON value")
        }
        return value
    }

    private func fail(_ problem: String) -> ScoringJSONSyntaxError {
        ScoringJSONSyntaxError(offset: position, problem)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    private mutating func parseValue() throws(ScoringJSONSyntaxError) -> ScoringJSON {
        guard let byte = current else { throw fail("unexpected end of input; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character; expected a value")
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: ScoringJSON) throws(ScoringJSONSyntaxError) -> ScoringJSON {
        let length = word.utf8CodeUnitCount
        guard bytes.count - position >= length else { throw fail("invalid literal; expected \(word)") }
        for index in 0..<length where bytes[position + index] != word.utf8Start[index] {
            throw fail("invalid literal; expected \(word)")
        }
        position += length
        return value
    }

    private mutating func enter() throws(ScoringJSONSyntaxError) {
        depth += 1
        guard depth <= ScoringJSON.maxDepth else {
            throw fail("nesting deeper than \(ScoringJSON.maxDepth) levels")
        }
    }

    private mutating func parseObject() throws(ScoringJSONSyntaxError) -> ScoringJSON {
        try enter()
        position += 1
        var members: [ScoringJSON.Member] = []
        var keys: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let keyOffset = position
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw ScoringJSONSyntaxError(offset: keyOffset, "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            position += 1
            skipWhitespace()
            members.append(ScoringJSON.Member(key, try parseValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members)
            default:
                throw fail("expected ',' or '}' after an object member")
            }
        }
    }

    private mutating func parseArray() throws(ScoringJSONSyntaxError) -> ScoringJSON {
        try enter()
        position += 1
        var elements: [ScoringJSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw fail("expected ',' or ']' after an array element")
            }
        }
    }

    private mutating func parseNumber() throws(ScoringJSONSyntaxError) -> ScoringJSON {
        let start = position
        var isInteger = true
        if current == UInt8(ascii: "-") { position += 1 }

        guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw fail("expected a digit")
        }
        position += 1
        if first == UInt8(ascii: "0"), let next = current, next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
            throw fail("leading zeros are not allowed")
        }
        skipDigits()

        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard skipDigits() > 0 else { throw fail("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw fail("expected a digit in the exponent") }
        }

        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let integer = Int(text) {
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite else {
            throw ScoringJSONSyntaxError(offset: start, "number \(text) is out of range")
        }
        // An integral value written with a fraction or exponent (7.0, 1e3) is still an integer.
        if number == number.rounded(.towardZero), abs(number) < 9.0e15 {
            return .integer(Int(number))
        }
        return .number(number)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            position += 1
        }
        return position - start
    }

    private mutating func parseString() throws(ScoringJSONSyntaxError) -> String {
        position += 1
        var text: [UInt8] = []
        var runStart = position
        while true {
            guard let byte = current else { throw fail("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                text.append(contentsOf: bytes[runStart..<position])
                position += 1
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw fail("string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                text.append(contentsOf: bytes[runStart..<position])
                try parseEscape(into: &text)
                runStart = position
            case 0..<0x20:
                throw fail("control character in a string; escape it")
            default:
                position += 1
            }
        }
    }

    private mutating func parseEscape(into text: inout [UInt8]) throws(ScoringJSONSyntaxError) {
        position += 1
        guard let byte = current else { throw fail("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw fail("high surrogate without a low surrogate")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("low surrogate without a high surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid Unicode escape") }
            text.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func parseHex4() throws(ScoringJSONSyntaxError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw fail("expected 4 hexadecimal digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("expected 4 hexadecimal digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
