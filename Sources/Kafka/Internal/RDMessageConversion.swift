import CRdKafka

extension KafkaConsumerMessage {
    /// Copies a message that librdkafka returned without an error. The caller still owns `pointer`.
    ///
    /// librdkafka finds the timestamp and headers from the message's address
    /// (it is embedded in a larger internal struct), so this takes the
    /// pointer that librdkafka returned, never a copy of the struct.
    init(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>, topic: String) {
        let message = pointer.pointee
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(pointer, &timestampType)
        let timestamp: KafkaTimestamp?
        switch timestampType {
        case RD_KAFKA_TIMESTAMP_CREATE_TIME:
            timestamp = KafkaTimestamp(kind: .createTime, milliseconds: milliseconds)
        case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
            timestamp = KafkaTimestamp(kind: .logAppendTime, milliseconds: milliseconds)
        default:
            timestamp = nil
        }

        self.init(topic: topic,
                  partition: message.partition,
                  offset: message.offset,
                  key: copyBytes(message.key, message.key_len),
                  value: copyBytes(message.payload, message.len),
                  headers: readHeaders(pointer),
                  timestamp: timestamp)
    }
}

/// Copies `count` bytes, or returns nil for a null pointer (a null key or value).
@inline(__always)
func copyBytes(_ pointer: UnsafeMutableRawPointer?, _ count: Int) -> [UInt8]? {
    guard let pointer else { return nil }
    return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { buffer.baseAddress!.update(from: pointer.assumingMemoryBound(to: UInt8.self), count: count) }
        initialized = count
    }
}

private func readHeaders(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
    var headers: OpaquePointer?
    guard rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR, let headers else {
        return []
    }

    var result: [KafkaHeader] = []
    var index = 0
    var name: UnsafePointer<CChar>?
    var value: UnsafeRawPointer?
    var size = 0
    while rd_kafka_header_get_all(headers, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
        let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
        result.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "", value: bytes))
        index += 1
    }
    return result
}
