import CRdKafka

/// An `rd_kafka_conf_t` filled from a ``KafkaConfiguration``.
///
/// Ownership: the handle belongs to this value until either `destroy()` is
/// called or it is passed to `rd_kafka_new`, which takes it over on success.
/// It is not a class because no handle outlives the function that makes it.
struct RDConfiguration {
    let handle: OpaquePointer

    /// Creates the handle and sets every property, in key order.
    ///
    /// - Throws: ``KafkaError`` of kind ``KafkaError/Kind/invalidConfiguration``
    ///   naming the key, with librdkafka's message. Secret values are masked
    ///   in the message.
    init(_ configuration: KafkaConfiguration) throws {
        guard let handle = rd_kafka_conf_new() else {
            throw KafkaError(kind: .invalidConfiguration, message: "rd_kafka_conf_new returned null (out of memory)")
        }
        self.handle = handle

        for key in configuration.properties.keys.sorted() {
            let value = configuration.properties[key] ?? ""
            var buffer = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(handle, key, value, &buffer, buffer.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(handle)
                let detail = configuration.maskingSecrets(in: string(fromBuffer: buffer))
                let shown = configuration.maskedValue(forKey: key)
                throw KafkaError(kind: .invalidConfiguration, code: .invalidArgument,
                                 message: Self.invalidPropertyMessage(key: key, shownValue: shown, detail: detail,
                                                                      unknown: result == RD_KAFKA_CONF_UNKNOWN))
            }
        }
    }

    /// Builds the error for a property librdkafka rejected: the key, the
    /// masked value, librdkafka's own text and one hint, as whole sentences.
    static func invalidPropertyMessage(key: String, shownValue: String, detail: String, unknown: Bool) -> String {
        // librdkafka's text sometimes ends with a period and sometimes not.
        var text = detail.trimmingWhitespace()
        while text.hasSuffix(".") { text.removeLast() }

        let hint: String
        if unknown {
            hint = "Remove it or check its spelling against librdkafka's CONFIGURATION.md."
        } else if RDPropertyScopes.shared.scope(of: key) == nil {
            // librdkafka recognizes some Java client properties (sasl.jaas.config) only to reject them, and its table leaves them out.
            hint = "Remove it, because librdkafka does not support this property."
        } else {
            hint = "Use a value that librdkafka's CONFIGURATION.md lists for it."
        }
        return "invalid configuration property '\(key)' = '\(shownValue)': \(text). \(hint)"
    }

    func destroy() {
        rd_kafka_conf_destroy(handle)
    }
}

/// Decodes a NUL-terminated error buffer that librdkafka filled.
func string(fromBuffer buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
