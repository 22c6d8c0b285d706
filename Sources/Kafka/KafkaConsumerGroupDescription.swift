/// A consumer group as the group coordinator describes it (DescribeGroups).
public struct KafkaConsumerGroupDescription: Sendable, Equatable {
    /// The group's state, as Kafka names it.
    public enum State: String, Sendable {
        case unknown = "Unknown"
        case preparingRebalance = "PreparingRebalance"
        case completingRebalance = "CompletingRebalance"
        case stable = "Stable"
        case dead = "Dead"
        case empty = "Empty"
    }

    /// One member of the group.
    public struct Member: Sendable, Equatable {
        /// The member id the coordinator gave it.
        public var consumerID: String
        public var clientID: String
        public var host: String
        /// The static membership id, or nil for a dynamic member.
        public var groupInstanceID: String?
        public var assignment: [KafkaTopicPartition]

        public init(consumerID: String, clientID: String, host: String, groupInstanceID: String?, assignment: [KafkaTopicPartition]) {
            self.consumerID = consumerID
            self.clientID = clientID
            self.host = host
            self.groupInstanceID = groupInstanceID
            self.assignment = assignment
        }
    }

    public var groupID: String
    public var state: State
    /// The assignor the group uses, such as `range`; empty for an empty group.
    public var partitionAssignor: String
    public var members: [Member]

    public init(groupID: String, state: State, partitionAssignor: String, members: [Member]) {
        self.groupID = groupID
        self.state = state
        self.partitionAssignor = partitionAssignor
        self.members = members
    }
}
