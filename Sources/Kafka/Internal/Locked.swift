import Foundation

/// A value guarded by a mutex.
///
/// `@unchecked Sendable` is safe because every read and write of `value` goes
/// through `withLock`, which keeps `lock` locked for the whole access.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
