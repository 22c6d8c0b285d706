import Kafka

/// What `crosshub reset` found and did, in the order it happened.
public struct ResetOutcome: Sendable {
    /// One input partition's committed offset before and its target.
    public struct PartitionOffsets: Sendable, Equatable {
        public var partition: KafkaTopicPartition
        /// nil when the group had no committed offset.
        public var committed: Int64?
        public var target: Int64
    }

    /// How the active-member check was made and what it found.
    public var membershipCheck = ""
    public var offsets: [PartitionOffsets] = []
    /// Whether the offsets were committed (false in a dry run).
    public var offsetsCommitted = false
    /// Changelog keys with a live snapshot, the ones tombstones remove.
    public var changelogKeys = 0
    /// What was done to the changelog, or would be in a dry run.
    public var changelogAction = ""
    /// What the operator must do before starting the instances again.
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
