/// The highest input offset folded into a contact, per topic-partition.
///
/// After a restore from the changelog, an input record at or below the
/// stored offset of its topic-partition was already folded and is skipped.
public struct AppliedOffsets: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var topic: String
        public var partition: Int32
        public var offset: Int64
    }

    /// One entry per topic-partition, in the order first seen.
    public private(set) var entries: [Entry] = []

    public init() {}

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Returns the highest offset folded from the topic-partition, or nil when none was.
    public func offset(topic: String, partition: Int32) -> Int64? {
        entries.first { $0.partition == partition && $0.topic == topic }?.offset
    }

    /// Records a folded offset; a lower offset than the stored one leaves it unchanged.
    public mutating func record(topic: String, partition: Int32, offset: Int64) {
        if let index = entries.firstIndex(where: { $0.partition == partition && $0.topic == topic }) {
            entries[index].offset = max(entries[index].offset, offset)
        } else {
            entries.append(Entry(topic: topic, partition: partition, offset: offset))
        }
    }
}
