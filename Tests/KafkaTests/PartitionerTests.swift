import Testing
@testable import Kafka

@Suite struct PartitionerTests {
    /// The vectors of `testMurmur2` in the Java client's `UtilsTest`.
    @Test func murmur2MatchesJavaVectors() {
        let vectors: [(key: String, hash: Int32)] = [
            ("21", -973_932_308),
            ("foobar", -790_332_482),
            ("a-little-bit-long-string", -985_981_536),
            ("a-little-bit-longer-string", -1_486_304_829),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
            ("abc", 479_470_107),
        ]
        for (key, hash) in vectors {
            #expect(KafkaPartitioner.murmur2(Array(key.utf8)) == hash, "murmur2 of \(key)")
        }
    }

    @Test func murmur2CoversEveryTailLength() {
        // Keys of length 0 to 5 take every path: no block, a tail of 1 to 3 bytes, and a block with a tail.
        // The expected hashes are the Java client's, as Akka's Murmur2Spec lists them.
        let hashes = (0...5).map { length in KafkaPartitioner.murmur2(Array("12345".utf8.prefix(length))) }
        #expect(hashes[1...] == [-1_993_445_489, 126_087_238, -267_702_483, -1_614_185_708, -1_188_365_604])
        #expect(Set(hashes).count == 6)
    }

    @Test func partitionClearsSignBit() {
        // murmur2("21") is negative, and the Java client masks it with 0x7fffffff.
        let positive = Int64(UInt32(bitPattern: -973_932_308) & 0x7FFF_FFFF)
        #expect(KafkaPartitioner.partition(forKey: Array("21".utf8), partitionCount: 7) == Int32(positive % 7))
        #expect(KafkaPartitioner.partition(forKey: Array("21".utf8), partitionCount: 1) == 0)
        #expect(KafkaPartitioner.partition(forKey: [UInt8](), partitionCount: 12) >= 0)
    }

    /// Produces keyed records without a partition through librdkafka's
    /// `murmur2_random` partitioner and checks where the broker stored each one.
    @Test func partitionMatchesLibrdkafkaPlacement() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.createTopic("keyed", partitions: 7)
        var configuration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.partitioner = "murmur2_random"
        let producer = try KafkaProducer(configuration: configuration)

        let keys = (0..<200).map { "contact-\($0)" } + ["", "é", "21", "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"]
        for (index, key) in keys.enumerated() {
            try producer.send(KafkaProducerMessage(topic: "keyed", key: Array(key.utf8), value: bytes("v")), token: UInt64(index))
        }
        try producer.flush(timeout: .seconds(10))
        let reports = producer.drainDeliveryReports()
        producer.close()

        #expect(reports.count == keys.count)
        #expect(reports.allSatisfy { $0.error == nil })

        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers))
        var starts: [KafkaTopicPartition: KafkaOffset] = [:]
        for partition in 0..<7 {
            starts[KafkaTopicPartition(topic: "keyed", partition: Int32(partition))] = .beginning
        }
        try consumer.assign(starts)
        let stored = try consume(consumer, count: keys.count)
        try consumer.close()

        #expect(stored.count == keys.count)
        var used = Set<Int32>()
        for message in stored {
            let key = message.key.map(Array.init) ?? []
            #expect(message.partition == KafkaPartitioner.partition(forKey: key, partitionCount: 7),
                    "key '\(String(decoding: key, as: UTF8.self))'")
            used.insert(message.partition)
        }
        #expect(used.count == 7, "200 keys spread over every partition")
    }
}
