/// The input position of an event (topic, partition, offset), for skipping records already folded.
public struct EventSource: Sendable, Equatable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

/// The result of folding one event into a contact's state.
public enum FoldOutcome: Sendable, Equatable {
    /// The event changed the state.
    case folded
    /// An event with the same id was folded recently; the state is unchanged.
    case duplicateEventID
    /// The record's offset is at or below the offset already folded from its
    /// topic-partition; the state is unchanged.
    case alreadyApplied(lastAppliedOffset: Int64)

    public var isDuplicate: Bool { self != .folded }
}
