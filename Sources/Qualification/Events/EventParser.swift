/// The field-level reading steps of `EventDecoder`: each read checks the JSON
/// type, the range and the length, and turns any failure into an
/// `EventDecodingError` that names the field.
struct EventParser {
    var reader: JSONReader

    init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        reader = JSONReader(bytes, maxDepth: maxDepth)
    }

    // MARK: Objects

    /// Consumes the `{` of an object value, or rejects a value of another type.
    mutating func beginObject(field: String) throws(EventDecodingError) {
        try expectKind(.object, field: field)
        do { try reader.beginObject() } catch { throw .syntax(error) }
    }

    /// Moves to the next member whose key is in `cursor.names` and returns its
    /// index, skipping members with other keys. Returns nil at the end of the object.
    ///
    /// - Throws: `invalid_json` when a known key appears twice.
    mutating func nextField(_ cursor: inout FieldCursor) throws(EventDecodingError) -> Int? {
        do {
            while let key = try reader.nextKey(isFirst: &cursor.isFirst) {
                guard let index = cursor.index(of: key, in: reader) else {
                    try reader.skipValue()
                    continue
                }
                let bit: UInt32 = 1 << UInt32(index)
                guard cursor.seen & bit == 0 else {
                    throw EventDecodingError(.invalidJSON, field: cursor.path(index), reason: "duplicate key")
                }
                cursor.seen |= bit
                return index
            }
            return nil
        } catch let error as EventDecodingError {
            throw error
        } catch let error as JSONSyntaxError {
            throw .syntax(error)
        } catch {
            throw EventDecodingError(.invalidJSON, field: "payload", reason: "\(error)")
        }
    }

    // MARK: Scalars

    /// Reads a string of 1 to `maxLength` Unicode scalars.
    mutating func readString(_ field: String, maxLength: Int) throws(EventDecodingError) -> String {
        let span = try readStringSpan(field)
        let length = reader.scalarCount(span)
        guard length >= 1 else {
            throw EventDecodingError(.outOfRange, field: field, reason: "must not be empty")
        }
        guard length <= maxLength else {
            throw EventDecodingError(.outOfRange, field: field,
                                     reason: "\(length) characters exceeds the \(maxLength)-character limit")
        }
        return reader.string(span)
    }

    /// Reads a string that must be one of `allowed`.
    mutating func readChoice(_ field: String, allowed: [String]) throws(EventDecodingError) -> String {
        let span = try readStringSpan(field)
        let value = reader.string(span)
        guard allowed.contains(value) else {
            throw EventDecodingError(.outOfRange, field: field,
                                     reason: "expected one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), got \(quoted(value))")
        }
        return value
    }

    mutating func readBool(_ field: String) throws(EventDecodingError) -> Bool {
        try expectKind(.bool, field: field)
        do { return try reader.readBool() } catch { throw .syntax(error) }
    }

    /// Reads a number within `range`; with `excludingMinimum`, the range's lower bound itself is rejected.
    mutating func readNumber(_ field: String, in range: ClosedRange<Double>,
                             excludingMinimum: Bool = false) throws(EventDecodingError) -> Double {
        let number = try readJSONNumber(field, expected: "a number")
        let value = number.value
        guard range.contains(value), !(excludingMinimum && value == range.lowerBound) else {
            let lower = excludingMinimum ? "greater than \(format(range.lowerBound))" : "from \(format(range.lowerBound))"
            throw EventDecodingError(.outOfRange, field: field,
                                     reason: "\(format(value)) is out of range, expected a number \(lower) to \(format(range.upperBound))")
        }
        return value
    }

    /// Reads an integer within `range`; `5.0` counts as the integer 5, as in JSON Schema.
    mutating func readInteger(_ field: String, in range: ClosedRange<Int>) throws(EventDecodingError) -> Int {
        let start = valueStart()
        let number = try readJSONNumber(field, expected: "an integer")
        guard number.value.rounded(.towardZero) == number.value else {
            throw EventDecodingError(.wrongType, field: field, reason: "expected an integer, got \(excerpt(from: start))")
        }
        guard number.value >= Double(range.lowerBound), number.value <= Double(range.upperBound),
              let value = number.integralValue else {
            throw EventDecodingError(.outOfRange, field: field,
                                     reason: "\(excerpt(from: start)) is out of range, expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Reads an RFC 3339 timestamp with an offset.
    mutating func readTimestamp(_ field: String) throws(EventDecodingError) -> EventTime {
        let span = try readStringSpan(field)
        let parsed = span.hasEscapes
            ? EventTime(rfc3339: reader.string(span))
            : EventTime.parseRFC3339(reader.rawBytes(span))
        guard let time = parsed else {
            throw EventDecodingError(.badTimestamp, field: field,
                                     reason: "invalid RFC 3339 timestamp \(quoted(reader.string(span))), expected e.g. 2026-03-04T15:20:00Z")
        }
        return time
    }

    mutating func readStringSpan(_ field: String) throws(EventDecodingError) -> JSONStringSpan {
        try expectKind(.string, field: field)
        do { return try reader.readString() } catch { throw .syntax(error) }
    }

    // MARK: Types and excerpts

    /// Checks the kind of the next value; on a mismatch, names it with an excerpt of its text.
    mutating func expectKind(_ expected: JSONValueKind, field: String) throws(EventDecodingError) {
        let kind: JSONValueKind
        do { kind = try reader.peekKind() } catch { throw .syntax(error) }
        guard kind == expected else {
            let start = reader.position
            do { try reader.skipValue() } catch { throw .syntax(error) }
            throw EventDecodingError(.wrongType, field: field, reason: "expected \(expected.article), got \(excerpt(from: start))")
        }
    }

    private mutating func readJSONNumber(_ field: String, expected: String) throws(EventDecodingError) -> JSONNumber {
        let kind: JSONValueKind
        do { kind = try reader.peekKind() } catch { throw .syntax(error) }
        guard kind == .number else {
            let start = reader.position
            do { try reader.skipValue() } catch { throw .syntax(error) }
            throw EventDecodingError(.wrongType, field: field, reason: "expected \(expected), got \(excerpt(from: start))")
        }
        do { return try reader.readNumber() } catch { throw .syntax(error) }
    }

    private mutating func valueStart() -> Int {
        reader.skipWhitespace()
        return reader.position
    }

    /// The JSON text from `start` to the reader's position, cut to about 40 bytes.
    func excerpt(from start: Int) -> String {
        let limit = 40
        var end = min(reader.position, start + limit)
        // Do not cut a UTF-8 sequence in half.
        while end < reader.position && end > start && reader.buffer[end] & 0xC0 == 0x80 {
            end -= 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: reader.buffer[start..<end]), as: UTF8.self)
        return end < reader.position ? text + "…" : text
    }
}

/// The known keys of one JSON object being read, and which of them were seen.
struct FieldCursor {
    let names: [StaticString]
    /// Prepended to a key to form its path in messages: `""` or `"data."`.
    let prefix: String
    var isFirst = true
    var seen: UInt32 = 0

    init(_ names: [StaticString], prefix: String) {
        precondition(names.count <= 32, "a FieldCursor tracks at most 32 keys")
        self.names = names
        self.prefix = prefix
    }

    func index(of key: JSONStringSpan, in reader: JSONReader) -> Int? {
        for index in names.indices where reader.span(key, equals: names[index]) {
            return index
        }
        return nil
    }

    func path(_ index: Int) -> String {
        prefix + names[index].description
    }
}

/// A string in double quotes, escaped as in JSON, for messages.
func quoted(_ text: String) -> String {
    var writer = JSONWriter(reservingCapacity: text.utf8.count + 2)
    writer.string(text.count > 60 ? String(text.prefix(60)) + "…" : text)
    return writer.text
}

/// A number for messages: integral values without a fraction.
func format(_ value: Double) -> String {
    JSONValue.numberText(value)
}
