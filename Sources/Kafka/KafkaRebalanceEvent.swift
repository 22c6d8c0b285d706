/// A change of a group consumer's assignment, passed to its rebalance handler
/// before librdkafka applies it.
public enum KafkaRebalanceEvent: Sendable, Hashable {
    /// These partitions are about to be assigned. With an eager assignor
    /// (`range`, `roundrobin`) this is the whole new assignment; with
    /// `cooperative-sticky` it is the partitions added to the current one.
    case assigned([KafkaTopicPartition])
    /// These partitions are about to be revoked. `lost` is true when the
    /// consumer lost them without a clean handover (the session timed out or
    /// `max.poll.interval.ms` passed), in which case another member may
    /// already own them, and committing their offsets fails.
    case revoked([KafkaTopicPartition], lost: Bool)

    /// The partitions of the event.
    public var partitions: [KafkaTopicPartition] {
        switch self {
        case .assigned(let partitions): return partitions
        case .revoked(let partitions, _): return partitions
        }
    }
}
