/// The JSON tree that model files, feature documents on the command line and
/// qualification results go through.
///
/// Objects keep their members in order, so that a writer prints keys in the
/// order the encoder chose and the output is byte-identical on every run.
/// A parsed number is `.integer` when it is written as an integer that fits
/// in an `Int`, or when its value is integral and below 9e15 in magnitude
/// (`7.0`, `1e3`). Every other number is `.number`.
public enum ScoringJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([ScoringJSON])
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: ScoringJSON

        public init(_ key: String, _ value: ScoringJSON) {
            self.key = key
            self.value = value
        }
    }

    /// Returns the value of the member named `key`, or nil when this is not an object or has no such member.
    public subscript(key: String) -> ScoringJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The JSON type name used in error messages: `a string`, `an integer`, ...
    var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A short rendering of the value for error messages, at most about 60 characters.
    var excerpt: String {
        let text = compactText()
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "..."
    }
}
