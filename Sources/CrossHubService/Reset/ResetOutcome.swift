import Kafka

/// The findings and actions of `crosshub reset`, in the order they happened.
public struct ResetOutcome: Sendable {
    /// One input partition's committed offset before and its target.
    public struct PartitionOffsets: Sendable, Equatable {
        public var partition: KafkaTopicPartition
        /// nil when the group had no committed offset.
        public var committed: Int64?
        public var target: Int64
    }

    /// The method and the finding of the active-member check.
    public var membershipCheck = ""
    public var offsets: [PartitionOffsets] = []
    /// Whether the offsets were committed (false in a dry run).
    public var offsetsCommitted = false
    /// Changelog keys with a live snapshot, the ones tombstones remove.
    public var changelogKeys = 0
    /// The action taken on the changelog, or the one a dry run would take.
    public var changelogAction = ""
    /// The operator's steps before starting the instances again.
    public var nextSteps: [String] = []

    /// The outcome as lines for the terminal.
    public var lines: [String] {
        var lines = ["active members: \(membershipCheck)", "offsets:"]
        for entry in offsets {
            let committed = entry.committed.map(String.init) ?? "none"
            lines.append("  \(entry.partition): committed \(committed) -> \(entry.target)")
        }
        lines.append(offsetsCommitted ? "offsets committed" : "offsets not changed")
        lines.append("changelog: \(changelogAction)")
        lines += nextSteps.map { "next: \($0)" }
        return lines
    }
}
