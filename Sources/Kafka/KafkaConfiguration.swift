/// librdkafka configuration properties as `key=value` pairs.
///
/// This is the pass-through for any librdkafka property (SASL, SSL, tuning):
/// the typed configurations (``KafkaConsumerConfiguration``,
/// ``KafkaProducerConfiguration``, ``KafkaAdminConfiguration``) render their
/// fields into one of these and apply the caller's raw properties on top, so a
/// raw property overrides a typed field with the same key.
///
/// Keys and values are checked by librdkafka when a client is created, or
/// earlier with ``validate()``. ``description`` masks secrets; see
/// ``isSecret(key:)``.
public struct KafkaConfiguration: Sendable, Hashable, CustomStringConvertible,
                                  ExpressibleByDictionaryLiteral {
    /// The properties, sorted by key when printed.
    public private(set) var properties: [String: String]

    public init(_ properties: [String: String] = [:]) {
        self.properties = properties
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.properties = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// Parses `key=value` lines, for example from a properties file or
    /// repeated `--kafka-property` options. Blank lines and lines starting
    /// with `#` are skipped. Whitespace around key and value is trimmed.
    ///
    /// - Throws: ``KafkaError`` of kind ``KafkaError/Kind/invalidConfiguration``
    ///   naming the line that has no `=` or an empty key.
    public init(parsing lines: [String]) throws {
        var properties: [String: String] = [:]
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }

            guard let equals = line.firstIndex(of: "=") else {
                // The line is not echoed: without '=' there is no telling whether it contains a secret.
                throw KafkaError(kind: .invalidConfiguration, code: .invalidArgument,
                                 message: "invalid property on line \(index + 1): expected key=value, but the line has no '='")
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            guard !key.isEmpty else {
                throw KafkaError(kind: .invalidConfiguration, code: .invalidArgument,
                                 message: "invalid property on line \(index + 1): the key before '=' is empty")
            }
            properties[key] = value
        }
        self.properties = properties
    }

    /// The value of `key`, or nil when it is not set here. Setting nil removes the key.
    public subscript(key: String) -> String? {
        get { properties[key] }
        set { properties[key] = newValue }
    }

    /// Returns a copy with `other`'s properties applied on top of these.
    public func merging(_ other: KafkaConfiguration) -> KafkaConfiguration {
        KafkaConfiguration(properties.merging(other.properties, uniquingKeysWith: { _, new in new }))
    }

    /// The properties as `key=value` lines sorted by key, with secret values
    /// replaced by `***`. Safe to print and log.
    public var description: String {
        properties.keys.sorted()
            .map { key in "\(key)=\(maskedValue(forKey: key))" }
            .joined(separator: "\n")
    }

    /// The value of `key` as it may be printed: `***` for secrets, the value otherwise.
    public func maskedValue(forKey key: String) -> String {
        guard let value = properties[key] else { return "" }
        return Self.isSecret(key: key) ? Self.mask : value
    }

    /// Checks every property against librdkafka without creating a client:
    /// the consumer's share and the producer's share, with `consumer.` and
    /// `producer.` prefixes removed (see ``applicable(to:)``).
    ///
    /// - Throws: ``KafkaError`` of kind ``KafkaError/Kind/invalidConfiguration``
    ///   with the key and librdkafka's message for the first property it rejects.
    public func validate() throws {
        for role in KafkaClientRole.allCases {
            let handle = try RDConfiguration(applicable(to: role))
            handle.destroy()
        }
    }

    static let mask = "***"
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
