/// Why an event was rejected: a stable code, the field, and the reason.
///
/// `description` reads `field: reason`, for example
/// `data.duration_minutes: expected a number, got "ten"`. The code is stable
/// and machine-readable, for dead-letter headers and metrics labels.
public struct EventDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// A required field is absent.
        case missingField = "missing_field"
        /// A field has the wrong JSON type (a string where a number belongs, null, ...).
        case wrongType = "wrong_type"
        /// A value is outside its range, too long, empty, or not one of the allowed values.
        case outOfRange = "out_of_range"
        /// The `type` is not in the catalog.
        case unknownType = "unknown_type"
        /// A timestamp is not a valid RFC 3339 date-time with an offset.
        case badTimestamp = "bad_timestamp"
        /// The payload is larger than the decoder's limit; it was not parsed.
        case oversized
        /// The payload is not valid JSON, is nested too deeply, or repeats a field.
        case invalidJSON = "invalid_json"
    }

    public let code: Code
    /// The field's path: `event_id`, `data.score`; `payload` for the whole record.
    public let field: String
    public let reason: String

    public init(_ code: Code, field: String, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }

    static func missing(_ field: String) -> EventDecodingError {
        EventDecodingError(.missingField, field: field, reason: "missing")
    }

    static func syntax(_ error: JSONSyntaxError) -> EventDecodingError {
        EventDecodingError(.invalidJSON, field: "payload", reason: error.description)
    }
}
