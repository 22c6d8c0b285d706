import Foundation

/// A one-way stop flag that the pipeline checks between polls, and a wait
/// that a stop request cuts short (for backoff between retries).
///
/// `@unchecked Sendable`: `requested` is read and written only while
/// `condition` is locked.
final class StopRequest: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false

    var isRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Sets the flag and wakes every waiter. Returns false when it was already set.
    @discardableResult
    func request() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let first = !requested
        requested = true
        condition.broadcast()
        return first
    }

    /// Waits for `duration` or until a stop is requested. Returns true when a stop is requested.
    @discardableResult
    func wait(for duration: Duration) -> Bool {
        let (seconds, attoseconds) = duration.components
        let deadline = Date().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while !requested {
            if !condition.wait(until: deadline) { break }
        }
        return requested
    }
}
