/// The partition of a keyed record as Kafka's Java client chooses it by
/// default, and as librdkafka's `murmur2` and `murmur2_random` partitioners do.
///
/// Both compute the 32-bit MurmurHash2 of the key bytes with seed
/// `0x9747b28c`, clear the sign bit, and take the remainder by the partition
/// count. librdkafka's default partitioner (`consistent_random`, a CRC32 of
/// the key) places keys differently, so this holds only for producers that
/// use one of the murmur2 partitioners or the Java client's default.
public enum KafkaPartitioner {
    /// Returns the partition of `key` among `partitionCount` partitions.
    ///
    /// - Precondition: `partitionCount` is at least 1.
    @inlinable
    public static func partition(forKey key: some Collection<UInt8>, partitionCount: Int) -> Int32 {
        precondition(partitionCount > 0, "partition count \(partitionCount) is not positive")
        let positive = UInt32(bitPattern: murmur2(key)) & 0x7FFF_FFFF
        return Int32(positive % UInt32(partitionCount))
    }

    /// Returns the 32-bit MurmurHash2 of `bytes` as Kafka's Java client
    /// computes it (`Utils.murmur2`): seed `0x9747b28c`, little-endian
    /// 4-byte blocks, the tail mixed in byte by byte.
    @inlinable
    public static func murmur2(_ bytes: some Collection<UInt8>) -> Int32 {
        let multiplier: UInt32 = 0x5BD1_E995
        let shift: UInt32 = 24
        let seed: UInt32 = 0x9747_B28C
        let length = UInt32(truncatingIfNeeded: bytes.count)
        var hash = seed ^ length

        // The tail (the last count % 4 bytes) is kept in `tail` and `tailCount`
        // instead of an array, so that hashing does not allocate.
        var iterator = bytes.makeIterator()
        var tail: UInt32 = 0
        var tailCount = 0
        while let first = iterator.next() {
            guard let second = iterator.next() else {
                tail = UInt32(first)
                tailCount = 1
                break
            }
            guard let third = iterator.next() else {
                tail = UInt32(first) | UInt32(second) << 8
                tailCount = 2
                break
            }
            guard let fourth = iterator.next() else {
                tail = UInt32(first) | UInt32(second) << 8 | UInt32(third) << 16
                tailCount = 3
                break
            }
            var block = UInt32(first) | UInt32(second) << 8 | UInt32(third) << 16 | UInt32(fourth) << 24
            block &*= multiplier
            block ^= block >> shift
            block &*= multiplier
            hash &*= multiplier
            hash ^= block
        }

        // The Java switch falls through from the last tail byte to the first,
        // which XORs the same bytes into the same positions as this.
        if tailCount > 0 {
            hash ^= tail
            hash &*= multiplier
        }

        hash ^= hash >> 13
        hash &*= multiplier
        hash ^= hash >> 15
        return Int32(bitPattern: hash)
    }
}
