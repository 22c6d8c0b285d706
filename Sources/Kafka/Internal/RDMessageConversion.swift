import CRdKafka

extension KafkaConsumerMessage {
    /// Copies a message that librdkafka returned without an error. The caller still owns `pointer`.
    ///
    /// librdkafka finds the timestamp and headers from the message's address
    /// (it is embedded in a larger internal struct), so this takes the
    /// pointer that librdkafka returned, never a copy of the struct.
    ///
    /// Key and value are copied into `arena` at `arenaOffset`, which advances past them.
    init(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>, topic: String,
         arena: KafkaBytesStorage, arenaOffset: inout Int) {
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
                  key: copyBytes(message.key, message.key_len, into: arena, at: &arenaOffset),
                  value: copyBytes(message.payload, message.len, into: arena, at: &arenaOffset),
                  headers: readHeaders(pointer),
                  timestamp: timestamp)
    }
}

/// Copies `count` bytes into `arena` at `offset` and advances it, or returns
/// nil for a null pointer (a null key or value).
@inline(__always)
private func copyBytes(_ pointer: UnsafeMutableRawPointer?, _ count: Int,
                       into arena: KafkaBytesStorage, at offset: inout Int) -> KafkaBytes? {
    guard let pointer else { return nil }
    if count > 0 { (arena.base + offset).copyMemory(from: pointer, byteCount: count) }
    defer { offset += count }
    return KafkaBytes(storage: arena, offset: offset, count: count)
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
