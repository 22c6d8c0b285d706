/// The kind of the next JSON value, known from its first byte.
enum JSONValueKind: Sendable, Equatable {
    case object, array, string, number, bool, null

    /// The noun used in error messages: "an object", "a string", ...
    var article: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A forward-only, zero-copy reader over the bytes of one JSON text (RFC 8259).
///
/// The reader validates as it goes: structure, string escapes, UTF-8, number
/// grammar (no leading zeros, no `NaN` or `Infinity`) and nesting depth.
/// Callers walk objects with `beginObject()` and `nextKey(isFirst:)`, read
/// scalars with the typed `read…` methods, skip what they do not need with
/// `skipValue()`, and end with `finish()`, which rejects trailing bytes.
///
/// - Important: the reader keeps a pointer into the caller's bytes, so it
///   must not outlive the `withUnsafeBytes` scope that produced them.
struct JSONReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position: Int = 0
    var depth: Int = 0
    let maxDepth: Int

    /// Creates a reader over `bytes`, allowing objects and arrays nested `maxDepth` levels deep.
    init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.buffer = bytes.bindMemory(to: UInt8.self)
        self.maxDepth = maxDepth
    }

    var isAtEnd: Bool { position >= buffer.count }

    func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, reason: reason)
    }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                position += 1
            default:
                return
            }
        }
    }

    /// Skips whitespace and returns the kind of the value that starts there.
    ///
    /// - Throws: `JSONSyntaxError` at the end of input or on a byte that starts no value.
    mutating func peekKind() throws(JSONSyntaxError) -> JSONValueKind {
        skipWhitespace()
        guard position < buffer.count else { throw error("unexpected end of input, expected a value") }
        switch buffer[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw error("unexpected \(describeByte(buffer[position])), expected a value")
        }
    }

    /// Checks that only whitespace follows the value just read.
    mutating func finish() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position == buffer.count else {
            throw error("unexpected \(describeByte(buffer[position])) after the end of the value")
        }
    }

    // MARK: Objects and arrays

    /// Consumes the `{` that opens an object.
    mutating func beginObject() throws(JSONSyntaxError) {
        try enterContainer(UInt8(ascii: "{"), name: "object")
    }

    /// Reads the next member's key and the `:` after it, or consumes the closing `}`.
    ///
    /// - Parameter isFirst: true before the first member; the reader clears it.
    /// - Returns: the key, with the reader positioned at the member's value,
    ///   or nil when the object ended.
    mutating func nextKey(isFirst: inout Bool) throws(JSONSyntaxError) -> JSONStringSpan? {
        skipWhitespace()
        guard position < buffer.count else { throw error("unexpected end of input inside an object") }
        let byte = buffer[position]
        if byte == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return nil
        }
        if !isFirst {
            guard byte == UInt8(ascii: ",") else {
                throw error("unexpected \(describeByte(byte)), expected ',' or '}' after an object member")
            }
            position += 1
            skipWhitespace()
        }
        isFirst = false
        guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else {
            throw error(position < buffer.count
                ? "unexpected \(describeByte(buffer[position])), expected a string key"
                : "unexpected end of input, expected a string key")
        }
        let key = try readString()
        skipWhitespace()
        guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
            throw error("expected ':' after an object key")
        }
        position += 1
        return key
    }

    /// Consumes the `[` that opens an array.
    mutating func beginArray() throws(JSONSyntaxError) {
        try enterContainer(UInt8(ascii: "["), name: "array")
    }

    /// Moves to the next element, or consumes the closing `]`.
    ///
    /// - Parameter isFirst: true before the first element; the reader clears it.
    /// - Returns: true when an element follows, false when the array ended.
    mutating func nextElement(isFirst: inout Bool) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard position < buffer.count else { throw error("unexpected end of input inside an array") }
        let byte = buffer[position]
        if byte == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return false
        }
        if !isFirst {
            guard byte == UInt8(ascii: ",") else {
                throw error("unexpected \(describeByte(byte)), expected ',' or ']' after an array element")
            }
            position += 1
        }
        isFirst = false
        return true
    }

    private mutating func enterContainer(_ opener: UInt8, name: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < buffer.count, buffer[position] == opener else {
            throw error("expected an \(name)")
        }
        guard depth < maxDepth else {
            throw error("nesting deeper than \(maxDepth) levels")
        }
        depth += 1
        position += 1
    }

    // MARK: Literals

    /// Reads `true` or `false`.
    mutating func readBool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw error("invalid literal, expected true or false")
    }

    /// Reads `null`.
    mutating func readNull() throws(JSONSyntaxError) {
        skipWhitespace()
        guard matchLiteral("null") else { throw error("invalid literal, expected null") }
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard buffer.count - position >= length else { return false }
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: length)
        for index in 0..<length where buffer[position + index] != literalBytes[index] {
            return false
        }
        position += length
        return true
    }

    // MARK: Skipping

    /// Skips one value of any kind, validating it.
    mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekKind() {
        case .object:
            try beginObject()
            var isFirst = true
            while try nextKey(isFirst: &isFirst) != nil {
                try skipValue()
            }
        case .array:
            try beginArray()
            var isFirst = true
            while try nextElement(isFirst: &isFirst) {
                try skipValue()
            }
        case .string:
            _ = try readString()
        case .number:
            _ = try readNumber()
        case .bool:
            _ = try readBool()
        case .null:
            try readNull()
        }
    }

    /// Describes a byte for an error message: a printable character in quotes, otherwise its hex value.
    func describeByte(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
