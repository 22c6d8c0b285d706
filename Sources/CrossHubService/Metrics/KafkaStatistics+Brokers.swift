import Qualification

extension KafkaStatistics {
    /// Returns whether any broker that the client learned from the cluster
    /// metadata (`nodeid` 0 or more, so not a bootstrap entry) has the
    /// `state` `UP` under `brokers.*`, or nil when the document lists none.
    ///
    /// - Throws: `KafkaStatisticsError` when the text is not JSON or `brokers`
    ///   is not an object.
    public static func hasBrokerUp(fromJSON text: String) throws(KafkaStatisticsError) -> Bool? {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
        guard case .object(let root) = document, let brokersValue = root["brokers"] else { return nil }
        guard case .object(let brokers) = brokersValue else {
            throw .unexpectedShape("'brokers' is not an object")
        }

        var learned = 0
        for (_, value) in brokers {
            guard case .object(let fields) = value, case .integer(let node)? = fields["nodeid"], node >= 0 else { continue }
            learned += 1
            if case .string("UP")? = fields["state"] { return true }
        }
        return learned == 0 ? nil : false
    }
}
