/// How input producers partition their records, which decides whether the
/// service checks each record's partition against its key.
public enum InputPartitioner: String, Sendable, CaseIterable, CustomStringConvertible {
    /// murmur2 of the key modulo the partition count: the Java client's
    /// default, and librdkafka's `murmur2_random`. A record in another
    /// partition is dead-lettered as `partition_mismatch`.
    case murmur2
    /// No check. Every input topic must still be partitioned the same way,
    /// or a contact's state splits between partition numbers.
    case any

    public var description: String { rawValue }
}
