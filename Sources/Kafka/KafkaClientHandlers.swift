/// Syslog severity of a log record, as librdkafka's `log_cb` reports it (0 to 7).
public enum KafkaLogLevel: Int32, Sendable, Comparable, CaseIterable {
    case emergency = 0
    case alert = 1
    case critical = 2
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7

    public static func < (lhs: Self, rhs: Self) -> Bool {
        // A lower syslog number is more severe, so "less than" means "less severe".
        lhs.rawValue > rhs.rawValue
    }
}

/// One log line from librdkafka or from this wrapper.
public struct KafkaLogRecord: Sendable, Hashable {
    /// Syslog severity.
    public let level: KafkaLogLevel
    /// librdkafka's facility, for example `FAIL`, `REQTMOUT` or `CGRPOP`.
    /// Lines that this wrapper writes itself use the facility `SWIFT`.
    public let facility: String
    /// The text. Values of the client's secret configuration properties are masked in it.
    public let message: String
    /// The client instance name, librdkafka's `rd_kafka_name()` (for example `rdkafka#consumer-1`).
    public let clientName: String

    public init(level: KafkaLogLevel, facility: String, message: String, clientName: String) {
        self.level = level
        self.facility = facility
        self.message = message
        self.clientName = clientName
    }
}

/// Callbacks that a client invokes for logs, errors and statistics.
///
/// Threading: librdkafka never calls these from its own threads. The error
/// and statistics handlers run on the thread that is inside a polling call of
/// the client (`poll`, `flush`, `close`, a transaction call, or an admin
/// call), synchronously, before that call returns. The log handler runs on
/// the client's own log thread for librdkafka's lines, as they are logged,
/// and on the calling thread for the wrapper's lines. Keep them short, and do
/// not call back into the same client from a handler except as documented on
/// the rebalance handler.
public struct KafkaClientHandlers: Sendable {
    /// Receives librdkafka's log lines (routed through `log.queue` to a log
    /// thread of the client) and the wrapper's own. When nil, log lines are dropped.
    public var log: (@Sendable (KafkaLogRecord) -> Void)?

    /// Receives errors that belong to no call: librdkafka's `error_cb`
    /// (all brokers down, authentication failures, fatal errors), per-partition
    /// consumer errors, and failed asynchronous commits. A fatal error has
    /// ``KafkaError/isFatal`` set, and the client must then be closed.
    /// When nil, these errors go to ``log`` at level error.
    public var error: (@Sendable (KafkaError) -> Void)?

    /// Receives librdkafka's statistics JSON every `statistics.interval.ms`
    /// (see librdkafka's STATISTICS.md for the fields, for example
    /// `topics.<t>.partitions.<p>.consumer_lag`).
    public var statistics: (@Sendable (String) -> Void)?

    public init(log: (@Sendable (KafkaLogRecord) -> Void)? = nil,
                error: (@Sendable (KafkaError) -> Void)? = nil,
                statistics: (@Sendable (String) -> Void)? = nil) {
        self.log = log
        self.error = error
        self.statistics = statistics
    }
}
