/// A streaming JSON writer that produces the same bytes for the same calls.
///
/// Keys come out in the order they are written, so a caller that writes its
/// fields in a fixed order gets a stable key order. `value(_:)` writes the
/// objects of a `JSONValue` with their keys sorted. Numbers use the shortest
/// text that parses back to the same Double, and integral values print
/// without a fraction (`50`, not `50.0`). Non-ASCII text is written as UTF-8;
/// `"`, `\` and control characters are escaped.
///
/// The writer does not check that keys and values alternate: callers write a
/// `key(_:)` before each value inside an object and none inside an array.
public struct JSONWriter: Sendable {
    /// The JSON text written so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false
    private var afterKey = false
    private var enclosingNeedsComma: [Bool] = []

    public init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON text written so far, as a String.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object key and the `:` after it.
    public mutating func key(_ name: String) {
        separate()
        bytes.appendJSONString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.appendJSONString(value)
    }

    public mutating func integer(_ value: Int) {
        separate()
        bytes.appendJSONInteger(Int64(value))
    }

    /// Writes a Double: integral values below 2^53 in magnitude as integers,
    /// others in the standard library's shortest round-trip form (`0.1`,
    /// `1e-07`, `1.5e+300`).
    ///
    /// JSON has no NaN or infinity, so a non-finite value is written as `null`.
    /// Negative zero is written as `0`.
    public mutating func number(_ value: Double) {
        separate()
        bytes.appendJSONNumber(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.appendASCII(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        bytes.appendASCII("null")
    }

    /// The order in which `value(_:keyOrder:)` writes the members of an object.
    public enum KeyOrder: Sendable {
        /// Keys sorted by their UTF-8 bytes, whatever order the members have.
        case sorted
        /// The order of the object's members: as parsed or as added.
        case memberOrder

        /// Returns the members of `object` in this order.
        func members(of object: JSONObject) -> [JSONObject.Element] {
            switch self {
            case .sorted: object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            case .memberOrder: Array(object)
            }
        }
    }

    /// Writes a value tree; object keys come out sorted by their UTF-8 bytes.
    public mutating func value(_ value: JSONValue) {
        self.value(value, keyOrder: .sorted)
    }

    /// Writes a value tree with object keys in `keyOrder`.
    public mutating func value(_ value: JSONValue, keyOrder: KeyOrder) {
        separate()
        bytes.appendJSON(value, keyOrder: keyOrder)
    }

    // MARK: Optional fields

    /// Writes `"name": value`, or nothing when `value` is nil.
    public mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `"name": value`, or nothing when `value` is nil.
    public mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    /// Writes `"name": value`, or nothing when `value` is nil.
    public mutating func field(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    /// Writes `"name": value`, or nothing when `value` is nil.
    public mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    // MARK: Prepared JSON

    /// Writes one value that `body` writes as JSON text, at most `maxCount`
    /// bytes, such as a factor object written straight from its parts.
    mutating func rawValue(maxCount: Int, _ body: (inout JSONByteCursor) -> Void) {
        separate()
        bytes.appendJSON(maxCount: maxCount, body)
    }

    /// Writes one value given as finished JSON text, such as an array written once and used in several records.
    mutating func rawValue(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    // MARK: Bytes

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        enclosingNeedsComma.append(true)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = enclosingNeedsComma.popLast() ?? true
        afterKey = false
    }
}

extension Array where Element == UInt8 {
    /// Appends a value tree as compact JSON, with object keys in `keyOrder`.
    mutating func appendJSON(_ value: JSONValue, keyOrder: JSONWriter.KeyOrder) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let flag):
            appendASCII(flag ? "true" : "false")
        case .integer(let number):
            appendJSONInteger(number)
        case .number(let number):
            appendJSONNumber(number)
        case .string(let text):
            appendJSONString(text)
        case .array(let elements):
            append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { append(UInt8(ascii: ",")) }
                appendJSON(element, keyOrder: keyOrder)
            }
            append(UInt8(ascii: "]"))
        case .object(let members):
            append(UInt8(ascii: "{"))
            for (index, member) in keyOrder.members(of: members).enumerated() {
                if index > 0 { append(UInt8(ascii: ",")) }
                appendJSONString(member.key)
                append(UInt8(ascii: ":"))
                appendJSON(member.value, keyOrder: keyOrder)
            }
            append(UInt8(ascii: "}"))
        }
    }
}
