import Foundation

/// Thrown when a condition is still false at its deadline.
struct DeadlineExceeded: Error, CustomStringConvertible {
    let description: String
}

/// Checks `condition` every `interval` until it is true or `timeout` passes.
func waitUntil(_ what: String, timeout: Duration = .seconds(30), interval: Duration = .milliseconds(50),
               _ condition: () throws -> Bool) throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try condition() { return }
        guard ContinuousClock.now < deadline else {
            throw DeadlineExceeded(description: "timed out after \(timeout) waiting for \(what)")
        }
        Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
    }
}
