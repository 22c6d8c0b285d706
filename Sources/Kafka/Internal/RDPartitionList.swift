import Foundation
import CRdKafka

/// An `rd_kafka_topic_partition_list_t` owned by this object and destroyed in `deinit`.
final class RDPartitionList {
    let handle: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    /// Creates a list; `offset` is the raw librdkafka offset, including the
    /// logical values `RD_KAFKA_OFFSET_BEGINNING` (-2), `END` (-1), `STORED`
    /// (-1000) and `INVALID` (-1001).
    init(_ entries: [(topic: String, partition: Int32, offset: Int64, metadata: String?)]) {
        handle = rd_kafka_topic_partition_list_new(Int32(max(entries.count, 1)))
        for entry in entries {
            let element = rd_kafka_topic_partition_list_add(handle, entry.topic, entry.partition)!
            element.pointee.offset = entry.offset
            if let metadata = entry.metadata {
                let bytes = Array(metadata.utf8)
                let copy = malloc(max(bytes.count, 1))!
                bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
                // librdkafka frees `metadata` with free() when the list is destroyed.
                element.pointee.metadata = copy
                element.pointee.metadata_size = bytes.count
            }
        }
    }

    convenience init(partitions: [KafkaTopicPartition], offset: Int64 = Int64(RD_KAFKA_OFFSET_INVALID)) {
        self.init(partitions.map { ($0.topic, $0.partition, offset, nil) })
    }

    convenience init(offsets: [KafkaTopicPartitionOffset]) {
        self.init(offsets.map { ($0.topic, $0.partition, $0.offset ?? Int64(RD_KAFKA_OFFSET_INVALID), $0.metadata) })
    }

    /// Takes over a list that librdkafka returned to the caller.
    init(adopting handle: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        self.handle = handle
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(handle)
    }

    var count: Int { Int(handle.pointee.cnt) }

    /// Calls `body` with each element.
    func forEach(_ body: (rd_kafka_topic_partition_t) throws -> Void) rethrows {
        for index in 0..<count {
            try body(handle.pointee.elems[index])
        }
    }

    static func partitions(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [KafkaTopicPartition] {
        (0..<Int(list.pointee.cnt)).map { index in
            let element = list.pointee.elems[index]
            return KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
        }
    }

    var partitions: [KafkaTopicPartition] {
        Self.partitions(of: handle)
    }

    /// Returns each element's offset, with logical and invalid offsets as nil.
    ///
    /// - Throws: the first per-partition error, naming the partition.
    func offsets(context: String) throws -> [KafkaTopicPartitionOffset] {
        var result: [KafkaTopicPartitionOffset] = []
        result.reserveCapacity(count)
        try forEach { element in
            let topic = String(cString: element.topic)
            if element.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(code: element.err, context: "\(context) for \(topic)[\(element.partition)]",
                                 topic: topic, partition: element.partition)
            }
            var metadata: String?
            if let pointer = element.metadata, element.metadata_size > 0 {
                let buffer = UnsafeRawBufferPointer(start: pointer, count: element.metadata_size)
                metadata = String(decoding: buffer, as: UTF8.self)
            }
            result.append(KafkaTopicPartitionOffset(
                topic: topic, partition: element.partition,
                offset: element.offset >= 0 ? element.offset : nil, metadata: metadata))
        }
        return result
    }
}
