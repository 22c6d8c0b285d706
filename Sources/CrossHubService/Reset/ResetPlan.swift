import Kafka
import Qualification

/// The settings of `crosshub reset`: the group and topics, the target of
/// the offsets, and the method that clears the changelog.
public struct ResetPlan: Sendable {
    /// The position the group's input offsets are moved to.
    public enum Target: Sendable, Equatable, CustomStringConvertible {
        /// The log start offset of every input partition.
        case earliest
        /// The first offset whose record timestamp is at or after the time,
        /// or the end of a partition without such a record.
        case timestamp(EventTime)

        public var description: String {
            switch self {
            case .earliest: "the earliest offsets"
            case .timestamp(let time): "the first offsets at or after \(time.rfc3339)"
            }
        }
    }

    /// The method that clears the changelog.
    public enum ChangelogClearing: Sendable, Equatable, CustomStringConvertible {
        /// Writes a null value for every key whose latest record has a value,
        /// to the key's partition. Works on every broker; the restore treats a
        /// tombstone as removal, and compaction drops both later.
        case tombstones
        /// Deletes the changelog and creates it again, empty, with the same
        /// partition count and `cleanup.policy=compact`. Needs the admin API.
        case recreate(replicationFactor: Int)
        /// Creates a new, empty changelog topic beside the old one, which the
        /// instances must then be configured to use. Needs the admin API.
        case newTopic(String, replicationFactor: Int)

        public var description: String {
            switch self {
            case .tombstones: "write tombstones"
            case .recreate: "delete and recreate the topic"
            case .newTopic(let name, _): "create the new changelog topic \(name)"
            }
        }
    }

    public var groupID: String
    public var inputs: InputTopics
    public var changelog: String
    public var target: Target = .earliest
    public var clearing: ChangelogClearing = .tombstones
    /// Reports what would be done and changes nothing.
    public var dryRun = false
    /// How long the active-member check may wait for its assignment.
    public var joinTimeout: Duration = .seconds(60)

    public init(groupID: String, inputs: InputTopics, changelog: String) {
        self.groupID = groupID
        self.inputs = inputs
        self.changelog = changelog
    }
}

/// The reset was rejected because the group has active members; nothing was changed.
public struct ResetRejected: Error, Sendable, CustomStringConvertible {
    public let description: String
}
