/// Collects the problems found while a model file is read, so that one run
/// reports all of them instead of the first.
final class ModelReader {
    private(set) var issues: [ModelIssue] = []

    func fail(_ path: String, _ reason: String) {
        issues.append(ModelIssue(path: path, reason: reason))
    }

    /// Runs `check` only when `read` recorded no problem, so that a value
    /// replaced by a placeholder after a type error does not also fail the
    /// ordering or sum checks.
    func whenClean<Value>(_ read: () -> Value, check: (Value) -> Void) -> Value {
        let before = issues.count
        let value = read()
        if issues.count == before {
            check(value)
        }
        return value
    }
}

/// Reads the members of one JSON object in a model file.
///
/// Every accessor records a problem at the member's path when the member is
/// missing or has the wrong type, and returns a placeholder so that reading
/// goes on. `finish()` reports the members that no accessor asked for as
/// unknown keys. A cursor over a value that was already reported as wrong
/// reports nothing more.
final class ObjectCursor {
    let path: String
    let reader: ModelReader
    private let members: JSONObject
    private let silent: Bool
    private var requested: [String] = []

    init(_ value: JSONValue, path: String, reader: ModelReader) {
        self.path = path
        self.reader = reader
        if case .object(let object) = value {
            members = object
            silent = false
        } else {
            reader.fail(path, "expected an object, got \(value.excerpt)")
            members = [:]
            silent = true
        }
    }

    private init(silentAt path: String, reader: ModelReader) {
        self.path = path
        self.reader = reader
        members = [:]
        silent = true
    }

    /// Returns the path of a member of this object.
    func path(of key: String) -> String {
        path == "model" ? key : "\(path).\(key)"
    }

    func fail(_ key: String, _ reason: String) {
        reader.fail(path(of: key), reason)
    }

    /// Returns the member's value, or nil after reporting it missing.
    func value(_ key: String, expected: String) -> JSONValue? {
        requested.append(key)
        guard let value = members[key] else {
            if !silent {
                fail(key, "missing; expected \(expected)")
            }
            return nil
        }
        return value
    }

    func object(_ key: String) -> ObjectCursor {
        guard let value = value(key, expected: "an object") else {
            return ObjectCursor(silentAt: path(of: key), reader: reader)
        }
        return ObjectCursor(value, path: path(of: key), reader: reader)
    }

    func number(_ key: String, in range: ClosedRange<Double>? = nil) -> Double {
        let expected = range.map { "a number from \(Self.format($0.lowerBound)) to \(Self.format($0.upperBound))" } ?? "a number"
        guard let value = value(key, expected: expected) else { return 0 }
        guard let number = value.doubleValue, range?.contains(number) ?? true else {
            fail(key, "expected \(expected), got \(value.excerpt)")
            return 0
        }
        return number
    }

    /// Reads a number, or returns nil for an explicit JSON null.
    func optionalNumber(_ key: String) -> Double? {
        guard let value = value(key, expected: "a number or null") else { return nil }
        if value == .null { return nil }
        guard let number = value.doubleValue else {
            fail(key, "expected a number or null, got \(value.excerpt)")
            return nil
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let value = value(key, expected: expected) else { return range.lowerBound }
        guard let number = value.integerValue, range.contains(number) else {
            fail(key, "expected \(expected), got \(value.excerpt)")
            return range.lowerBound
        }
        return number
    }

    func string(_ key: String) -> String {
        guard let value = value(key, expected: "a non-empty string") else { return "" }
        guard case .string(let text) = value, !text.isEmpty else {
            fail(key, "expected a non-empty string, got \(value.excerpt)")
            return ""
        }
        return text
    }

    /// Reads an array of non-empty strings. With `allowEmpty` false, an empty array is an error.
    func strings(_ key: String, allowEmpty: Bool = true) -> [String] {
        let elements = array(key)
        if elements.isEmpty, !allowEmpty, members[key] != nil {
            fail(key, "expected at least one string")
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element, !text.isEmpty else {
                reader.fail("\(path(of: key))[\(index)]", "expected a non-empty string, got \(element.excerpt)")
                continue
            }
            result.append(text)
        }
        return result
    }

    func array(_ key: String) -> [JSONValue] {
        guard let value = value(key, expected: "an array") else { return [] }
        guard case .array(let elements) = value else {
            fail(key, "expected an array, got \(value.excerpt)")
            return []
        }
        return elements
    }

    /// Cursors over the elements of an array of objects, with paths `key[0]`, `key[1]`, ...
    func objects(_ key: String) -> [ObjectCursor] {
        cursors(over: array(key), at: path(of: key))
    }

    /// Cursors over `elements`, with paths `arrayPath[0]`, `arrayPath[1]`, ...
    func cursors(over elements: [JSONValue], at arrayPath: String) -> [ObjectCursor] {
        elements.enumerated().map { index, element in
            ObjectCursor(element, path: "\(arrayPath)[\(index)]", reader: reader)
        }
    }

    /// Reports every member that no accessor requested.
    func finish() {
        guard !silent else { return }
        let expected = requested.joined(separator: ", ")
        for key in members.keys where !requested.contains(key) {
            fail(key, "unknown key; expected one of \(expected)")
        }
    }

    /// Formats a number as people write it: `1`, `0.5`, `100000000`.
    static func format(_ number: Double) -> String {
        JSONValue.numberText(number)
    }
}
