/// The settings of `QualificationDecider`: who gets tasks and notifications,
/// the SQL re-entry cooldown, task due times, nurture workflows, and whether
/// side effects are published.
///
/// Every property has a working default; `validate()` checks a changed
/// policy and `QualificationDecider.init(policy:)` calls it.
public struct DecisionPolicy: Sendable, Equatable {
    /// Whether a decision publishes its side effects: tasks, notes, notifications and enrollments.
    public enum SideEffects: String, Sendable, CaseIterable {
        /// Publish them; the live service does.
        case emit
        /// Leave them out, as replays for backfills do unless asked. The
        /// transitions are still recorded in `EmittedQualification`, so the
        /// counts, the cooldown and the output ids of later decisions are the
        /// same as if the side effects had been published.
        case suppress
    }

    /// The sales task owner, and the sales recipient of the SQL notification,
    /// when the profile names no owner. Default `sales-queue`.
    public var taskOwnerFallback = "sales-queue"
    /// The recipient of the marketing notification on SQL entry. Default `marketing-team`.
    public var marketingRecipient = "marketing-team"
    /// The time that must pass, in event time, after the last SQL entry that
    /// created a sales task before another entry creates one again. Default 30 days.
    public var sqlReentryCooldown: Duration = .seconds(30 * 86_400)
    /// The working week in which task due times are counted.
    public var businessHours = BusinessHours.standard
    /// Business time from the contact's as-of time to the task's due time. Default 4 hours.
    public var taskDueAfter: Duration = .seconds(4 * 3600)
    /// The nurture workflow of each track; a track without an entry (by
    /// default `SALES_HANDOFF`) enrolls in none.
    public var nurtureWorkflows: [NurtureTrack: String] = [
        .highPotential: "crosshub-nurture-high-potential",
        .standard: "crosshub-nurture-standard",
    ]
    public var sideEffects = SideEffects.emit
    /// Marks qualification records and property updates as a backfill: a
    /// `"backfill": true` field and a `crosshub.backfill: true` header (the
    /// header goes on every record kind).
    public var backfill = false

    /// The longest cooldown accepted: 3650 days.
    public static let maxCooldown: Duration = .seconds(3650 * 86_400)
    /// The longest task due delay accepted: 8784 business hours (366 days of 24 hours).
    public static let maxTaskDueAfter: Duration = .seconds(8784 * 3600)
    /// The longest owner, recipient or workflow id accepted, in UTF-8 bytes.
    public static let maxNameBytes = 255

    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: `DecisionPolicyError` for the first invalid setting, naming
    ///   the field, the value and the fix.
    public func validate() throws(DecisionPolicyError) {
        if let reason = Self.nameProblem(taskOwnerFallback, example: "sales-queue") {
            throw DecisionPolicyError(field: .taskOwnerFallback, value: taskOwnerFallback, reason: reason)
        }
        if let reason = Self.nameProblem(marketingRecipient, example: "marketing-team") {
            throw DecisionPolicyError(field: .marketingRecipient, value: marketingRecipient, reason: reason)
        }
        if sqlReentryCooldown < .zero || sqlReentryCooldown > Self.maxCooldown {
            throw DecisionPolicyError(field: .sqlReentryCooldown, value: Self.durationText(sqlReentryCooldown),
                                      reason: "must be from 0 to 3650 days, such as 30d")
        }
        if let reason = businessHours.problems().first {
            throw DecisionPolicyError(field: .businessHours, value: businessHours.description, reason: reason)
        }
        if taskDueAfter < .zero || taskDueAfter > Self.maxTaskDueAfter {
            throw DecisionPolicyError(field: .taskDueAfter, value: Self.durationText(taskDueAfter),
                                      reason: "must be from 0 to 8784 hours of business time, such as 4h")
        }
        for track in NurtureTrack.allCases {
            guard let workflow = nurtureWorkflows[track] else { continue }
            if let reason = Self.nameProblem(workflow, example: "crosshub-nurture-standard") {
                throw DecisionPolicyError(field: .nurtureWorkflows, value: "\(track.rawValue)=\(workflow)", reason: reason)
            }
        }
    }

    /// The cooldown in microseconds; the policy must be valid.
    var sqlReentryCooldownMicroseconds: Int64 { Self.microseconds(sqlReentryCooldown) }

    /// The task due delay in microseconds; the policy must be valid.
    var taskDueAfterMicroseconds: Int64 { Self.microseconds(taskDueAfter) }

    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * EventTime.microsecondsPerSecond + attoseconds / 1_000_000_000_000
    }

    /// Returns why `name` cannot be an owner, recipient or workflow id, or nil when it can.
    private static func nameProblem(_ name: String, example: String) -> String? {
        if name.isEmpty {
            return "must not be empty; set a name such as \(example)"
        }
        if name.utf8.count > maxNameBytes {
            return "is \(name.utf8.count) bytes long; use at most \(maxNameBytes)"
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character; use printable text such as \(example)"
        }
        return nil
    }
}
