/// Severity of a log line, from most to least verbose, with syslog's names.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case trace = 0
    case debug
    case info
    case notice
    case warning
    case error
    case critical

    /// Parses a level name such as `info` or `WARNING`; `warn` is accepted for `warning`.
    public init?(name: String) {
        switch name.lowercased() {
        case "trace": self = .trace
        case "debug": self = .debug
        case "info": self = .info
        case "notice": self = .notice
        case "warn", "warning": self = .warning
        case "error": self = .error
        case "critical", "fatal": self = .critical
        default: return nil
        }
    }

    /// Maps a syslog severity (0 emergency ... 7 debug), as librdkafka reports it.
    public init(syslogSeverity: Int) {
        switch syslogSeverity {
        case ...2: self = .critical
        case 3: self = .error
        case 4: self = .warning
        case 5: self = .notice
        case 6: self = .info
        default: self = .debug
        }
    }

    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The format of log lines: `logfmt` (`key=value` pairs) or `json` (one object per line).
public enum LogFormat: String, Sendable, CaseIterable {
    case logfmt
    case json
}
