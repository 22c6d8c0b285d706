/// The members of a JSON object, with unique keys, in the order they were
/// parsed or added.
///
/// Lookup by key works as with a dictionary. Iteration and `keys` follow
/// member order, so that a model file keeps its layout and a decoder can
/// report the first bad member of a document. Equality ignores the order,
/// as JSON does: `{"a":1,"b":2}` equals `{"b":2,"a":1}`.
public struct JSONObject: Sendable {
    private var members: [Element] = []
    /// The position in `members` of each key.
    private var positions: [String: Int] = [:]

    public init() {}

    /// Creates an object with `members` in order. A repeated key replaces
    /// the earlier value and keeps the earlier position.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    /// The keys in member order.
    public var keys: [String] { members.map(\.key) }

    /// The values in member order.
    public var values: [JSONValue] { members.map(\.value) }

    /// Accesses the value of the member named `key`, which is nil when there is none.
    ///
    /// Setting a value replaces the member's value in place, or appends a new
    /// member at the end. Setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            positions[key].map { members[$0].value }
        }
        set {
            if let position = positions[key] {
                if let newValue {
                    members[position].value = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                positions[key] = members.count
                members.append((key, newValue))
            }
        }
    }

    private mutating func remove(at position: Int) {
        positions[members[position].key] = nil
        members.remove(at: position)
        for index in position..<members.count {
            positions[members[index].key] = index
        }
    }
}

extension JSONObject: RandomAccessCollection {
    public typealias Element = (key: String, value: JSONValue)

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }

    public subscript(position: Int) -> Element { members[position] }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object whose members follow the order of the literal.
    ///
    /// - Precondition: no key is repeated, as for a `Dictionary` literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements {
            precondition(self[key] == nil, "JSONObject literal repeats the key \"\(key)\"")
            self[key] = value
        }
    }
}

extension JSONObject: Equatable {
    /// Compares members by key, ignoring their order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}
