extension RecordBuilder {
    /// Builds the sales task for an SQL entry, then the notification to the
    /// sales owner and the one to marketing, all numbered by the SQL entry count.
    ///
    /// Task fields after the common ones: `owner` (the profile's owner id,
    /// else its owner email, else the policy's fallback queue),
    /// `owner_source` (`profile` or `fallback`), `owner_email`, `due_at`,
    /// `priority`, `title`, `body` and `context` (score, statuses, override,
    /// top factors, recent touches, next actions, content, profile).
    func salesFollowUpRecords() -> [OutputRecord] {
        let result = transition.result
        let summary = ContactSummary(transition.input.state)
        let ordinal = transition.counts.sqlEntries
        let owner = summary.ownerID ?? summary.ownerEmail
        let dueAt = policy.businessHours.adding(businessMicroseconds: policy.taskDueAfterMicroseconds,
                                                to: transition.asOf)

        let task = record(.task, discriminator: "", ordinal: ordinal) { writer in
            writer.key("owner")
            writer.string(owner ?? policy.taskOwnerFallback)
            writer.key("owner_source")
            writer.string(owner == nil ? "fallback" : "profile")
            Self.writeNullable("owner_email", summary.ownerEmail, to: &writer)
            writer.key("due_at")
            writer.string(dueAt.rfc3339)
            writer.key("priority")
            writer.string("HIGH")
            writer.key("title")
            writer.string("Follow up with \(summary.nameWithCompany): sales qualified, score \(result.score)")
            writer.key("body")
            writer.string(taskBody(summary, dueAt: dueAt))

            writer.key("context")
            writer.beginObject()
            writeStatusContext(to: &writer)
            writer.key("recent_touches")
            writeTouches(to: &writer)
            writer.key("next_best_actions")
            Self.writeStrings(result.nextBestActions, to: &writer)
            writer.key("recommended_content")
            Self.writeStrings(result.recommendedContent, to: &writer)
            writer.key("profile")
            summary.write(to: &writer)
            writer.endObject()
        }

        let salesRecipient = summary.ownerEmail ?? summary.ownerID ?? policy.taskOwnerFallback
        let salesNotification = notificationRecord(
                           role: "sales-owner", recipient: salesRecipient, ordinal: ordinal, taskID: task.outputID,
                           subject: "New sales qualified lead: \(summary.nameWithCompany), score \(result.score)",
                           body: Self.paragraphs("\(summary.nameWithCompany) is now sales qualified with a score of "
                                                 + "\(result.score). A follow-up task is due \(dueAt.rfc3339).", factorLines()),
                           summary: summary)
        let marketingNotification = notificationRecord(
                           role: "marketing", recipient: policy.marketingRecipient, ordinal: ordinal, taskID: task.outputID,
                           subject: "\(summary.nameWithCompany) is now sales qualified, score \(result.score)",
                           body: Self.paragraphs("\(summary.nameWithCompany) entered \(QualificationStatus.salesQualifiedLead.rawValue) "
                                                 + "and was handed to \(owner ?? policy.taskOwnerFallback) for follow-up.", factorLines()),
                           summary: summary)
        return [task, salesNotification, marketingNotification]
    }

    /// Notification fields after the common ones: `recipient_role`,
    /// `recipient`, `channel`, `subject`, `body`, `task_output_id` and
    /// `context` (score, statuses, override, top factors, profile).
    private func notificationRecord(role: String, recipient: String, ordinal: Int, taskID: String,
                                    subject: String, body: String, summary: ContactSummary) -> OutputRecord {
        record(.notification, discriminator: role, ordinal: ordinal) { writer in
            writer.key("recipient_role")
            writer.string(role)
            writer.key("recipient")
            writer.string(recipient)
            writer.key("channel")
            writer.string("email")
            writer.key("subject")
            writer.string(subject)
            writer.key("body")
            writer.string(body)
            writer.key("task_output_id")
            writer.string(taskID)
            writer.key("context")
            writer.beginObject()
            writeStatusContext(to: &writer)
            writer.key("profile")
            summary.write(to: &writer)
            writer.endObject()
        }
    }

    /// `score`, `status`, `model_status`, `override` and `top_factors`, inside an open object.
    func writeStatusContext(to writer: inout JSONWriter) {
        writer.key("score")
        writer.integer(transition.result.score)
        writer.key("status")
        writer.string(transition.status.rawValue)
        writer.key("model_status")
        writer.string(transition.result.status.rawValue)
        writer.key("override")
        writeOverride(to: &writer)
        writer.key("top_factors")
        writeFactors(transition.result.topFactors, to: &writer)
    }

    /// The contact's newest touches, newest first: `{"type", "occurred_at", "detail"}`.
    private func writeTouches(to writer: inout JSONWriter) {
        writer.beginArray()
        for touch in transition.input.state.touches.touches {
            writer.beginObject()
            writer.key("type")
            writer.string(touch.type.rawValue)
            writer.key("occurred_at")
            writer.string(touch.occurredAt.rfc3339)
            writer.key("detail")
            writer.string(touch.detail)
            writer.endObject()
        }
        writer.endArray()
    }

    /// `Top factors:` and one `- Component: detail (+points)` line per top factor, or an empty string.
    func factorLines() -> String {
        let result = transition.result
        guard !result.topFactors.isEmpty else { return "" }
        return "Top factors:\n" + result.topFactors.map { factor in
            "- \(CRMProperties.componentLabel(factor.component)): \(result.detail(of: factor)) (\(CRMProperties.pointsText(factor.points)))"
        }.joined(separator: "\n")
    }

    /// Joins the non-empty parts with line breaks.
    static func paragraphs(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The override in one sentence, or nil when none is in force.
    func overrideSentence() -> String? {
        guard let override = transition.override else { return nil }
        let until = override.value.expiresAt.map { " until \($0.rfc3339)" } ?? " until cleared"
        return "Status pinned to \(override.value.status.rawValue) by \(override.value.setBy)\(until): \(override.value.reason)"
    }

    private func taskBody(_ summary: ContactSummary, dueAt: EventTime) -> String {
        let result = transition.result
        var role = [summary.jobTitle, summary.company].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        role = role.isEmpty ? "" : " (\(role))"
        var lines = ["\(summary.displayName)\(role) entered \(QualificationStatus.salesQualifiedLead.rawValue) "
            + "with a score of \(result.score) on \(CRMProperties.dateText(transition.asOf)). Due \(dueAt.rfc3339)."]
        if let sentence = overrideSentence() {
            lines.append(sentence + ".")
        }
        let factors = factorLines()
        if !factors.isEmpty {
            lines.append(factors)
        }
        let touches = transition.input.state.touches.touches
        if !touches.isEmpty {
            lines.append("Recent touches:\n" + touches.map { "- \($0.occurredAt.rfc3339) \($0.type.rawValue)" + ($0.detail.isEmpty ? "" : " \($0.detail)") }
                .joined(separator: "\n"))
        }
        if !result.nextBestActions.isEmpty {
            lines.append("Next best actions:\n" + result.nextBestActions.map { "- \($0)" }.joined(separator: "\n"))
        }
        if let email = summary.email, !email.isEmpty {
            lines.append("Email: \(email)")
        }
        return lines.joined(separator: "\n")
    }
}
