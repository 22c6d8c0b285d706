extension JSONValue {
    /// Accesses the value of the member named `key`. Returns nil when this is
    /// not an object or has no such member.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The value as an `Int` when it is a number without a fractional part,
    /// so `5`, `5.0` and `5e0` all give 5, as JSON Schema's `integer` type
    /// reads them. Nil for other values and for a non-integer literal beyond
    /// 2^53 in magnitude, whose exact value a Double cannot carry.
    var integerValue: Int? {
        switch self {
        case .integer(let value):
            return Int(value)
        case .number(let value):
            guard value.rounded(.towardZero) == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
            return Int(value)
        default:
            return nil
        }
    }

    /// The value as a Double when it is a number, otherwise nil.
    var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// A short rendering for error messages: compact JSON in member order,
    /// cut to 57 characters and `...` when it is longer than 60.
    var excerpt: String {
        let text = jsonText(keyOrder: .memberOrder)
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "..."
    }

    /// Returns `value` as JSON writes it, for messages: `50`, `0.5`, `1e+21`.
    static func numberText(_ value: Double) -> String {
        var bytes: [UInt8] = []
        bytes.appendJSONNumber(value)
        return String(decoding: bytes, as: UTF8.self)
    }
}
