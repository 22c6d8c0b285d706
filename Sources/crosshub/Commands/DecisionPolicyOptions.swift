import Qualification

/// The options that configure a `DecisionPolicy`, shared by the commands that
/// decide outputs (`run`, `qualify`, `replay`), with the names and variables of `run`.
enum DecisionPolicyOptions {
    static let options: [OptionSpec] = [
        OptionSpec("task-owner-fallback", env: "CROSSHUB_TASK_OWNER_FALLBACK", default: DecisionPolicy().taskOwnerFallback,
                   help: "Owner of sales tasks, and sales recipient of SQL notifications, when the contact's profile names no owner."),
        OptionSpec("marketing-recipient", env: "CROSSHUB_MARKETING_RECIPIENT", default: DecisionPolicy().marketingRecipient,
                   help: "Recipient of the marketing notification when a contact enters SQL."),
        OptionSpec("sql-reentry-cooldown", env: "CROSSHUB_SQL_REENTRY_COOLDOWN", default: DecisionPolicy.durationText(DecisionPolicy().sqlReentryCooldown),
                   help: "Event time after an SQL entry that created a sales task before a re-entry creates another: a whole number with a unit d, h, m or s (0 to 3650d). It applies only to a contact decided more than once, as 'crosshub run' does; 'qualify' and 'replay' decide each contact once."),
        OptionSpec("business-hours", env: "CROSSHUB_BUSINESS_HOURS", default: BusinessHours.standard.description,
                   help: "Working week for task due times: DAYS HH:MM-HH:MM OFFSET, days as Mon-Fri or Mon,Wed,Fri, offset from UTC as +HH:MM, -HH:MM or Z."),
        OptionSpec("task-due-after", env: "CROSSHUB_TASK_DUE_AFTER", default: DecisionPolicy.durationText(DecisionPolicy().taskDueAfter),
                   help: "Business time from the contact's as-of time to the sales task's due time: a whole number with a unit d, h, m or s (0 to 8784h)."),
        OptionSpec("nurture-workflow", .repeated, env: "CROSSHUB_NURTURE_WORKFLOWS",
                   help: "Nurture workflow of a track as TRACK=WORKFLOW_ID (tracks SALES_HANDOFF, HIGH_POTENTIAL, STANDARD); TRACK= removes the track's workflow. Defaults: HIGH_POTENTIAL=crosshub-nurture-high-potential, STANDARD=crosshub-nurture-standard."),
    ]

    /// Builds and validates the policy the options describe.
    ///
    /// - Throws: `UsageError` naming the option, the value and the fix.
    static func policy(from options: ParsedOptions) throws -> DecisionPolicy {
        var policy = DecisionPolicy()
        do {
            if let owner = options.string("task-owner-fallback") { policy.taskOwnerFallback = owner }
            if let recipient = options.string("marketing-recipient") { policy.marketingRecipient = recipient }
            if let text = options.string("sql-reentry-cooldown") {
                policy.sqlReentryCooldown = try DecisionPolicy.parseDuration(text, field: .sqlReentryCooldown)
            }
            if let text = options.string("business-hours") { policy.businessHours = try BusinessHours(parsing: text) }
            if let text = options.string("task-due-after") {
                policy.taskDueAfter = try DecisionPolicy.parseDuration(text, field: .taskDueAfter)
            }
            for text in options.strings("nurture-workflow") {
                try policy.setNurtureWorkflow(parsing: text)
            }
            try policy.validate()
        } catch {
            throw UsageError("invalid value '\(error.value)' for --\(optionName(error.field)): \(error.reason)")
        }
        return policy
    }

    /// Returns the option that sets `field`.
    static func optionName(_ field: DecisionPolicyError.Field) -> String {
        switch field {
        case .taskOwnerFallback: "task-owner-fallback"
        case .marketingRecipient: "marketing-recipient"
        case .sqlReentryCooldown: "sql-reentry-cooldown"
        case .businessHours: "business-hours"
        case .taskDueAfter: "task-due-after"
        case .nurtureWorkflows: "nurture-workflow"
        }
    }
}
