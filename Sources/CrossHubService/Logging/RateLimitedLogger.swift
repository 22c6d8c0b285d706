import Foundation
import Synchronization

/// Writes the first line of each key within a window and counts the rest, so a
/// flood of the same error (a poison topic, a broker flapping) stays readable.
///
/// When a window closes with suppressed lines, the next line for that key
/// carries `log.suppressed=N`, the number of lines left out since the last one
/// written. ``flushClosedWindows(now:)`` reports such counts without waiting
/// for another line of the key.
public final class RateLimitedLogger: Sendable {
    private struct Window {
        var startedAt: Date
        var suppressed: Int
        /// The level, message and fields of the line that opened the window, for the summary.
        var level: LogLevel
        var message: String
        var fields: [(String, String)]
    }

    private let logger: Logger
    private let window: TimeInterval
    private let windows = Mutex<[String: Window]>([:])

    /// - Parameters:
    ///   - window: seconds during which repeats of one key are counted, not written.
    public init(logger: Logger, window: TimeInterval = 10) {
        self.logger = logger
        self.window = window
    }

    /// Logs `message` unless a line with the same `key` was written less than `window` seconds ago.
    public func log(_ level: LogLevel, key: String, _ message: @autoclosure () -> String,
                    _ fields: [(String, String)] = [], now: Date = Date()) {
        guard logger.isEnabled(level) else { return }

        let written: (text: String, suppressed: Int)? = windows.withLock { windows in
            if var current = windows[key], now.timeIntervalSince(current.startedAt) < window {
                current.suppressed += 1
                windows[key] = current
                return nil
            }
            let text = message()
            let suppressed = windows[key]?.suppressed ?? 0
            windows[key] = Window(startedAt: now, suppressed: 0, level: level, message: text, fields: fields)
            return (text, suppressed)
        }
        guard let written else { return }

        var allFields = fields
        if written.suppressed > 0 {
            allFields.append(("log.suppressed", String(written.suppressed)))
        }
        logger.log(level, written.text, allFields)
    }

    /// Writes one summary line for every window that has closed with
    /// suppressed lines, and removes every closed window.
    ///
    /// A summary repeats the level, message and fields of the window's first
    /// line and adds `log.suppressed=N` and `log.summary=true`.
    public func flushClosedWindows(now: Date = Date()) {
        // Collected into an array that stays empty, without allocating, while no window has closed.
        let closed: [(key: String, window: Window)] = windows.withLock { windows in
            var closed: [(key: String, window: Window)] = []
            for (key, value) in windows where now.timeIntervalSince(value.startedAt) >= window {
                closed.append((key, value))
            }
            for entry in closed {
                windows[entry.key] = nil
            }
            return closed.filter { $0.window.suppressed > 0 }.sorted { $0.key < $1.key }
        }
        for (_, window) in closed {
            logger.log(window.level, window.message,
                       window.fields + [("log.suppressed", String(window.suppressed)), ("log.summary", "true")])
        }
    }
}
