/// A parsed JSON document as a tree, for configuration, model files, tests and tools.
///
/// Objects keep their members in the order they were parsed or added (see
/// `JSONObject`). The event decoder does not build this tree. It reads events
/// straight from the bytes with the same validating parser.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written as an integer literal that fits in an `Int64`.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The default limit on nested objects and arrays.
    public static let defaultMaxDepth = 64

    /// Parses one JSON text (RFC 8259), rejecting trailing bytes, invalid UTF-8,
    /// invalid escapes, unpaired surrogates, leading zeros, `NaN`, `Infinity`,
    /// duplicate object keys and nesting deeper than `maxDepth`.
    ///
    /// - Throws: `JSONSyntaxError` with the byte offset of the first problem.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = Array(bytes).withUnsafeBytes { raw in
            var reader = JSONReader(raw, maxDepth: maxDepth)
            do throws(JSONSyntaxError) {
                let value = try reader.readValue()
                try reader.finish()
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a JSON text given as a String; see `parse(_:maxDepth:)`.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Checks that the bytes are one valid JSON text, without building a tree.
    ///
    /// - Throws: `JSONSyntaxError` with the byte offset of the first problem.
    public static func validate(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) {
        var reader = JSONReader(bytes, maxDepth: maxDepth)
        try reader.skipValue()
        try reader.finish()
    }

    /// The value as compact JSON text, with object keys sorted.
    public var jsonText: String {
        jsonText(keyOrder: .sorted)
    }

    /// Returns the value as compact JSON text, with object keys in `keyOrder`.
    public func jsonText(keyOrder: JSONWriter.KeyOrder) -> String {
        var writer = JSONWriter()
        writer.value(self, keyOrder: keyOrder)
        return writer.text
    }
}

extension JSONReader {
    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        switch try peekKind() {
        case .object:
            try beginObject()
            var members = JSONObject()
            var isFirst = true
            while let keySpan = try nextKey(isFirst: &isFirst) {
                let key = string(keySpan)
                guard members[key] == nil else {
                    throw error("duplicate key \"\(key)\"", at: keySpan.start - 1)
                }
                members[key] = try readValue()
            }
            return .object(members)
        case .array:
            try beginArray()
            var elements: [JSONValue] = []
            var isFirst = true
            while try nextElement(isFirst: &isFirst) {
                elements.append(try readValue())
            }
            return .array(elements)
        case .string:
            return .string(string(try readString()))
        case .number:
            let number = try readNumber()
            if let literal = number.integerLiteral { return .integer(literal) }
            return .number(number.value)
        case .bool:
            return .bool(try readBool())
        case .null:
            try readNull()
            return .null
        }
    }
}
