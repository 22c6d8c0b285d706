/// Where an input event came from, for messages about invalid events: a
/// line of a file, or a record of a topic.
public enum ReplayLocation: Sendable, Equatable, CustomStringConvertible {
    case line(file: String, number: Int)
    case record(topic: String, partition: Int32, offset: Int64)

    public var description: String {
        switch self {
        case .line(let file, let number): "\(file) line \(number)"
        case .record(let topic, let partition, let offset): "\(topic)[\(partition)]@\(offset)"
        }
    }
}

/// An input event that could not be decoded, with the decoder's code and message.
public struct InvalidReplayEvent: Sendable, Equatable, CustomStringConvertible {
    public var location: ReplayLocation
    /// The `EventDecodingError` code, or a record-level code such as `missing_value` or `key_mismatch`.
    public var code: String
    public var message: String

    public init(location: ReplayLocation, code: String, message: String) {
        self.location = location
        self.code = code
        self.message = message
    }

    public var description: String { "\(location): \(code): \(message)" }
}

/// What happened to every input event of a replay. Each event read lands in
/// exactly one of `folded`, `warmUp`, `duplicates`, `invalid`, `afterWindow`
/// or `blank`, so `read` is their sum.
public struct ReplayTally: Sendable, Equatable {
    /// Events folded inside the window.
    public var folded = 0
    /// Events before `--from`, folded as warm-up.
    public var warmUp = 0
    /// Events skipped because their event id was already folded for the contact.
    public var duplicates = 0
    public var invalid = 0
    /// Events after `--to`: read, counted, not folded.
    public var afterWindow = 0
    /// Empty or white-space lines of a file.
    public var blank = 0

    public init() {}

    public var read: Int { folded + warmUp + duplicates + invalid + afterWindow + blank }
}
