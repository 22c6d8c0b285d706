import Foundation

/// A structured logger: a level threshold, fields added to every line, and a sink.
///
/// Field keys are namespaced with dots (`kafka.topic`, `contact.id`). Values are
/// strings; a value that must never be printed goes through `Redacted`.
/// `Logger` is a value type: `with(_:)` returns a copy with more fields, so
/// each component can carry its own context.
public struct Logger: Sendable {
    public let level: LogLevel
    public let sink: any LogSink
    public private(set) var fields: [(String, String)]

    public init(level: LogLevel = .info, sink: any LogSink = StreamLogSink(), fields: [(String, String)] = []) {
        self.level = level
        self.sink = sink
        self.fields = fields
    }

    /// Returns a logger that adds `fields` to every line.
    public func with(_ fields: (String, String)...) -> Logger {
        var copy = self
        copy.fields.append(contentsOf: fields)
        return copy
    }

    /// Returns true when a line at `level` would be written.
    public func isEnabled(_ level: LogLevel) -> Bool {
        level >= self.level
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ fields: [(String, String)] = []) {
        guard isEnabled(level) else { return }
        sink.write(LogRecord(time: Date(), level: level, message: message(), fields: self.fields + fields))
    }

    public func trace(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.trace, message(), fields) }
    public func debug(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.debug, message(), fields) }
    public func info(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.info, message(), fields) }
    public func notice(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.notice, message(), fields) }
    public func warning(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.warning, message(), fields) }
    public func error(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.error, message(), fields) }
    public func critical(_ message: @autoclosure () -> String, _ fields: (String, String)...) { log(.critical, message(), fields) }
}

/// A value that prints as `***` wherever it is interpolated or described,
/// so a secret cannot reach a log line by accident.
public struct Redacted<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only where it is used, never to log it.
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public var description: String { "***" }
    public var debugDescription: String { "***" }
}
