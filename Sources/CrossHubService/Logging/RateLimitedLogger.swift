import Foundation
import Synchronization

/// Writes the first line of each key within a window and counts the rest, so a
/// flood of the same error (a poison topic, a broker flapping) stays readable.
///
/// When a window closes with suppressed lines, the next line for that key
/// carries `log.suppressed=N`, the number of lines left out since the last one written.
public final class RateLimitedLogger: Sendable {
    private struct Window {
        var startedAt: Date
        var suppressed: Int
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

        let suppressed: Int? = windows.withLock { windows in
            if var current = windows[key], now.timeIntervalSince(current.startedAt) < window {
                current.suppressed += 1
                windows[key] = current
                return nil
            }
            let previous = windows[key]?.suppressed ?? 0
            windows[key] = Window(startedAt: now, suppressed: 0)
            return previous
        }
        guard let suppressed else { return }

        var allFields = fields
        if suppressed > 0 {
            allFields.append(("log.suppressed", String(suppressed)))
        }
        logger.log(level, message(), allFields)
    }
}
