import Qualification

/// Every topic the service reads or writes.
///
/// The three inputs must have equal partition counts, and the changelog the
/// same count, because partition p of every input maps to changelog partition
/// p. Outputs and dead letters may have any partition count.
public struct ServiceTopics: Sendable, Equatable {
    public var inputs: InputTopics
    /// The topic of each output kind.
    public var outputs: [OutputKind: String]
    /// Rejected input records, with the reason in headers.
    public var deadLetters: String
    /// The compacted changelog of contact snapshots.
    public var changelog: String

    /// The default names: `marketing.events`, `sales.events`,
    /// `service.events`, `crosshub.qualifications`,
    /// `crosshub.property-updates`, `crosshub.tasks`, `crosshub.notes`,
    /// `crosshub.notifications`, `crosshub.enrollments`,
    /// `crosshub.dead-letters` and `crosshub.contact-state`.
    public static let defaults = ServiceTopics(
        inputs: .defaults,
        outputs: [
            .qualification: "crosshub.qualifications",
            .propertyUpdate: "crosshub.property-updates",
            .task: "crosshub.tasks",
            .note: "crosshub.notes",
            .notification: "crosshub.notifications",
            .enrollment: "crosshub.enrollments",
        ],
        deadLetters: "crosshub.dead-letters",
        changelog: "crosshub.contact-state")

    public init(inputs: InputTopics, outputs: [OutputKind: String], deadLetters: String, changelog: String) {
        self.inputs = inputs
        self.outputs = outputs
        self.deadLetters = deadLetters
        self.changelog = changelog
    }

    /// Returns the topic of `kind`, or the default name when none is set.
    public func topic(for kind: OutputKind) -> String {
        outputs[kind] ?? Self.defaults.outputs[kind] ?? "crosshub.\(kind.rawValue)"
    }

    /// The output topics in the order of `OutputKind.allCases`.
    public var outputTopics: [String] {
        OutputKind.allCases.map { topic(for: $0) }
    }

    /// Every topic: inputs, outputs, dead letters and changelog.
    public var all: [String] {
        inputs.all + outputTopics + [deadLetters, changelog]
    }
}
