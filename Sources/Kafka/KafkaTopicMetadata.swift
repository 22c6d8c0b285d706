/// A topic to create with ``KafkaAdminClient/createTopics(_:ifNotExists:timeout:)``.
public struct KafkaNewTopic: Sendable, Hashable {
    public var name: String
    public var partitions: Int
    /// Replicas per partition, or ``brokerDefaultReplicationFactor`` for the
    /// broker's `default.replication.factor` (Kafka 2.4 and later).
    public var replicationFactor: Int
    /// Topic configs, for example `["cleanup.policy": "compact"]`.
    public var configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int = 1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }

    /// The replication factor that asks the broker for its default (`-1`).
    public static let brokerDefaultReplicationFactor = -1
}

/// A topic as the cluster metadata describes it.
public struct KafkaTopicMetadata: Sendable, Hashable {
    public let name: String
    public let partitions: [KafkaPartitionMetadata]

    public init(name: String, partitions: [KafkaPartitionMetadata]) {
        self.name = name
        self.partitions = partitions
    }

    public var partitionCount: Int { partitions.count }
}

/// A partition as the cluster metadata describes it.
public struct KafkaPartitionMetadata: Sendable, Hashable {
    public let id: Int32
    /// The leader broker id, or -1 when the partition has no leader.
    public let leader: Int32
    public let replicas: [Int32]
    public let inSyncReplicas: [Int32]

    public init(id: Int32, leader: Int32, replicas: [Int32], inSyncReplicas: [Int32]) {
        self.id = id
        self.leader = leader
        self.replicas = replicas
        self.inSyncReplicas = inSyncReplicas
    }
}
