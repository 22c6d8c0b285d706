/// The kind of client a property set is meant for, as librdkafka's property
/// table marks each property: `C` (consumer only), `P` (producer only) or `*` (both).
///
/// The admin client is a producer-type handle in librdkafka, so it takes the
/// producer's properties.
public enum KafkaClientRole: String, Sendable, CaseIterable {
    case consumer
    case producer

    /// The prefix that routes a property to this role only, such as `consumer.fetch.min.bytes`.
    public var prefix: String { "\(rawValue)." }
}

extension KafkaConfiguration {
    /// Returns the properties that a client of `role` accepts.
    ///
    /// - A key with the other role's prefix (`producer.` for a consumer) is dropped.
    /// - A key with this role's prefix loses the prefix and overrides the
    ///   same key given without one.
    /// - A key without a prefix is kept unless librdkafka's property table
    ///   marks it for the other role only, because librdkafka would ignore
    ///   it there and log a `CONFWARN` line.
    /// - A key the table does not list is kept, so that client creation
    ///   rejects it with librdkafka's message.
    public func applicable(to role: KafkaClientRole) -> KafkaConfiguration {
        var plain: [String: String] = [:]
        var prefixed: [String: String] = [:]
        for (key, value) in properties {
            if let other = KafkaClientRole.allCases.first(where: { key.hasPrefix($0.prefix) }) {
                if other == role { prefixed[String(key.dropFirst(role.prefix.count))] = value }
                continue
            }
            if let scope = RDPropertyScopes.shared.scope(of: key), !scope.contains(role) { continue }
            plain[key] = value
        }
        return KafkaConfiguration(plain.merging(prefixed) { _, routed in routed })
    }
}
