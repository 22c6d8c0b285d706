/// Malformed JSON: the byte offset where parsing stopped and what was wrong there.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Zero-based offset of the offending byte in the input.
    public let offset: Int
    /// What the parser expected or found, for example `invalid escape sequence`.
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        "invalid JSON at byte \(offset): \(reason)"
    }
}
