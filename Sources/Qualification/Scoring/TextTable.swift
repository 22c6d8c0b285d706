#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exact, case-sensitive lookup from short texts (industries, deal stages,
/// band labels) to values, comparing UTF-8 bytes.
///
/// Texts are grouped by UTF-8 length, so most candidates are rejected without
/// reading a byte, and the rest are compared with `memcmp`. For the few dozen
/// entries of a model's lists this is several times cheaper than hashing a
/// `String` for a `Dictionary`, and it never normalizes Unicode: two texts
/// match only when their bytes are equal.
struct TextTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let bytes: [UInt8]
        let value: Value
    }

    /// Entries by UTF-8 length; texts longer than the table go to the last slot.
    private var byLength: [[Entry]] = Array(repeating: [], count: 65)

    init() {}

    /// Adds `text`; the first value added for a text wins.
    mutating func insert(_ text: String, _ value: Value) {
        let bytes = Array(text.utf8)
        let slot = min(bytes.count, byLength.count - 1)
        guard !byLength[slot].contains(where: { $0.bytes == bytes }) else { return }
        byLength[slot].append(Entry(bytes: bytes, value: value))
    }

    /// Returns the value for exactly `text`, or nil.
    func value(for text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes in
            let slot = min(bytes.count, byLength.count - 1)
            for entry in byLength[slot] where entry.bytes.count == bytes.count {
                let equal = entry.bytes.withUnsafeBufferPointer { stored in
                    bytes.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                }
                if equal { return entry.value }
            }
            return nil
        }
    }
}
