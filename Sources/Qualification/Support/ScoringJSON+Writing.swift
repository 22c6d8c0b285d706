extension ScoringJSON {
    /// Returns the value as compact JSON text: no spaces, keys in member order.
    public func compactText() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        writeCompact(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Returns the value as indented JSON text with a trailing newline.
    ///
    /// Objects put one member on a line, indented by two spaces a level.
    /// An array of scalars stays on one line when that line fits in 100
    /// characters, so that target lists in a model file read as lists.
    public func prettyText() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        writePretty(into: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value as compact JSON to `output`.
    public func writeCompact(into output: inout [UInt8]) {
        switch self {
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.writeCompact(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.writeCompact(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(into: &output)
        }
    }

    private func writePretty(into output: inout [UInt8], indent: Int) {
        switch self {
        case .array(let elements) where elements.isEmpty:
            output.append(contentsOf: "[]".utf8)
        case .object(let members) where members.isEmpty:
            output.append(contentsOf: "{}".utf8)
        case .array(let elements):
            if let line = singleLine(elements, indent: indent) {
                output.append(contentsOf: line)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(into: &output, indent: indent + 1)
                element.writePretty(into: &output, indent: indent + 1)
            }
            Self.newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(into: &output, indent: indent + 1)
                Self.writeString(member.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                member.value.writePretty(into: &output, indent: indent + 1)
            }
            Self.newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(into: &output)
        }
    }

    /// Returns the array on one line, or nil when it contains a container or the line would pass 100 characters.
    private func singleLine(_ elements: [ScoringJSON], indent: Int) -> [UInt8]? {
        var line: [UInt8] = [UInt8(ascii: "[")]
        for (index, element) in elements.enumerated() {
            switch element {
            case .array, .object: return nil
            default: break
            }
            if index > 0 { line.append(contentsOf: ", ".utf8) }
            element.writeScalar(into: &line)
        }
        line.append(UInt8(ascii: "]"))
        return indent * 2 + line.count <= 100 ? line : nil
    }

    private static func newline(into output: inout [UInt8], indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private func writeScalar(into output: inout [UInt8]) {
        switch self {
        case .null: Self.appendLiteral("null", to: &output)
        case .bool(let value): Self.appendLiteral(value ? "true" : "false", to: &output)
        case .integer(let value): Self.appendUTF8(String(value), to: &output)
        case .number(let value): Self.writeNumber(value, into: &output)
        case .string(let value): Self.writeString(value, into: &output)
        case .array, .object: writeCompact(into: &output)
        }
    }

    /// Appends a number: integral values without a fraction (`50`, not `50.0`),
    /// others in the shortest form that reads back to the same `Double`.
    /// Infinity and NaN, which JSON cannot express, become `null`.
    static func writeNumber(_ value: Double, into output: inout [UInt8]) {
        guard value.isFinite else {
            Self.appendLiteral("null", to: &output)
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            Self.appendUTF8(String(Int(value)), to: &output)
        } else {
            Self.appendUTF8(value.description, to: &output)
        }
    }

    /// Appends a quoted string, escaping quotes, backslashes and control characters.
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Copy runs of bytes that need no escape in one step.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(for: byte, into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(for byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
        case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
        case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0x0f)])
        }
    }
}

extension ScoringJSON {
    /// Appends the UTF-8 bytes of `text` to `output` in one copy.
    @inline(__always)
    static func appendUTF8(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of a literal to `output` in one copy.
    @inline(__always)
    static func appendLiteral(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }
}
