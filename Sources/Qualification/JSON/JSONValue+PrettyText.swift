extension JSONValue {
    /// The maximum length of an array of scalars that stays on one line: its
    /// indentation plus its text, not counting the key before it.
    static let prettyLineWidth = 100

    /// Returns the value as indented JSON text with a trailing newline.
    ///
    /// Objects put one member on a line, indented by two spaces a level. An
    /// array of scalars stays on one line when its indentation and its text
    /// come to at most 100 characters, so that lists in a model file read as
    /// lists. Scalars are written as `JSONWriter` writes them.
    public func prettyText(keyOrder: JSONWriter.KeyOrder) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        writePretty(into: &output, indent: 0, keyOrder: keyOrder)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private func writePretty(into output: inout [UInt8], indent: Int, keyOrder: JSONWriter.KeyOrder) {
        switch self {
        case .array(let elements) where elements.isEmpty:
            output.appendASCII("[]")
        case .object(let members) where members.isEmpty:
            output.appendASCII("{}")
        case .array(let elements):
            if let line = Self.singleLine(elements, indent: indent) {
                output.append(contentsOf: line)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(into: &output, indent: indent + 1)
                element.writePretty(into: &output, indent: indent + 1, keyOrder: keyOrder)
            }
            Self.newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in keyOrder.members(of: members).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(into: &output, indent: indent + 1)
                output.appendJSONString(member.key)
                output.appendASCII(": ")
                member.value.writePretty(into: &output, indent: indent + 1, keyOrder: keyOrder)
            }
            Self.newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        default:
            output.appendJSON(self, keyOrder: keyOrder)
        }
    }

    /// Returns the array on one line, or nil when it contains a container or
    /// the line would be wider than `prettyLineWidth`.
    private static func singleLine(_ elements: [JSONValue], indent: Int) -> [UInt8]? {
        var line: [UInt8] = [UInt8(ascii: "[")]
        for (index, element) in elements.enumerated() {
            switch element {
            case .array, .object: return nil
            default: break
            }
            if index > 0 { line.appendASCII(", ") }
            line.appendJSON(element, keyOrder: .sorted)
        }
        line.append(UInt8(ascii: "]"))
        return indent * 2 + line.count <= prettyLineWidth ? line : nil
    }

    private static func newline(into output: inout [UInt8], indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }
}
