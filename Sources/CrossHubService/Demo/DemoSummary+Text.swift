import Foundation
import Qualification

extension DemoSummary {
    /// Renders the summary for people: input accounting, contacts by status,
    /// outputs, dead letters, throughput and the top SQLs, one section each.
    /// The layout may change between releases, so scripts should read `--json`.
    public func text(topics: ServiceTopics = .defaults) -> String {
        var lines: [String] = []
        let days = days == 1 ? "1 day" : "\(days) days"
        lines.append("crosshub demo: \(Self.grouped(contacts)) contacts over \(days), seed \(seed), "
            + "\(guarantee), \(partitions) partitions per topic")

        lines.append("")
        lines.append("Input records")
        lines.append(row("published", published, "to \(topics.inputs.all.joined(separator: ", "))"))
        lines.append(row("folded", folded, "into contact state"))
        lines.append(row("duplicates", duplicates, "skipped by event id (\(Self.grouped(injectedDuplicates)) injected)"))
        lines.append(row("dead-lettered", deadLettered,
                         "to \(topics.deadLetters) (\(Self.grouped(injectedInvalid)) invalid lines injected)"))
        let accounted = folded + duplicates + deadLettered
        let check = accounted == published ? "every published record is accounted for" : "MISMATCH with published"
        lines.append("  folded + duplicates + dead-lettered = \(Self.grouped(accounted)): \(check)")

        if !deadLettersByReason.isEmpty {
            lines.append("")
            lines.append("Dead letters by reason (crosshub.error.code header)")
            lines += deadLettersByReason.map { row($0.name, $0.count) }
        }

        lines.append("")
        lines.append("Contacts by status")
        lines += contactsByStatus.map { row($0.name, $0.count, percent($0.count, of: contacts), width: 26) }
        if contactsWithoutStatus > 0 {
            lines.append(row("no valid event", contactsWithoutStatus, percent(contactsWithoutStatus, of: contacts), width: 26))
        }

        lines.append("")
        lines.append("Outputs")
        for kind in OutputKind.allCases {
            lines.append(row(Self.label(of: kind), outputs(kind), "to \(topics.topic(for: kind))", width: 22))
        }
        lines.append(row("changelog snapshots", changelogRecords, "to \(topics.changelog)", width: 22))

        lines.append("")
        lines.append("Throughput")
        lines.append("  \(Self.grouped(published)) records in \(String(format: "%.1f", seconds)) s from the first "
            + "publish to the last commit: \(Self.grouped(Int(eventsPerSecond.rounded()))) events/s")
        let batchKind = guarantee == DeliveryGuarantee.exactlyOnce.rawValue ? "transactions" : "offset commits"
        lines.append("  \(Self.grouped(batchesCommitted)) batches committed (\(batchKind)), "
            + "\(Self.grouped(batchesRetried)) undone and read again")

        lines.append("")
        lines += leadLines()
        return lines.joined(separator: "\n") + "\n"
    }

    private func leadLines() -> [String] {
        guard !topSQLs.isEmpty else {
            return ["Top sales qualified leads: none"]
        }
        var lines = ["Top \(topSQLs.count) sales qualified leads (points within each component, before its weight)"]
        for (index, lead) in topSQLs.enumerated() {
            let profileText = [lead.jobTitle, lead.company.map { company in
                lead.industry.map { "\(company) (\($0))" } ?? company
            }].compactMap { $0 }.joined(separator: ", ")
            lines.append("  \(index + 1). \(lead.contactID)  score \(lead.score)\(profileText.isEmpty ? "" : "  \(profileText)")")
            for factor in lead.factors {
                let component = factor.component.padding(toLength: 12, withPad: " ", startingAt: 0)
                let points = Self.signedPoints(factor.points)
                lines.append("       \(component)\(String(repeating: " ", count: max(0, 6 - points.count)))\(points)  \(factor.detail)")
            }
        }
        return lines
    }

    /// Formats a row: a label, a count aligned right and an optional note.
    private func row(_ label: String, _ count: Int, _ note: String = "", width: Int = 16) -> String {
        let number = Self.grouped(count)
        let padding = String(repeating: " ", count: max(1, width - label.count + 9 - number.count))
        return "  \(label)\(padding)\(number)\(note.isEmpty ? "" : "  \(note)")"
    }

    private func percent(_ count: Int, of total: Int) -> String {
        let share = total > 0 ? 100 * Double(count) / Double(total) : 0
        return String(format: "%5.1f %%", share)
    }

    private static func label(of kind: OutputKind) -> String {
        switch kind {
        case .qualification: "qualification results"
        case .propertyUpdate: "property updates"
        case .task: "sales tasks"
        case .note: "notes"
        case .notification: "notifications"
        case .enrollment: "nurture enrollments"
        }
    }

    /// Formats `value` with a comma between groups of three digits, whatever the locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Formats points with a sign, without a fraction when they are whole: `+40`, `-10`, `+42.5`.
    static func signedPoints(_ points: Double) -> String {
        let sign = points < 0 ? "-" : "+"
        let magnitude = abs(points)
        let text = magnitude == magnitude.rounded() ? String(Int(magnitude)) : String(format: "%.1f", magnitude)
        return sign + text
    }
}
