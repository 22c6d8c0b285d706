extension DecisionPolicy {
    /// Parses a duration written as a whole number and a unit: `30d`, `4h`,
    /// `90m` or `45s`. A bare `0` is zero.
    ///
    /// - Throws: `DecisionPolicyError` for `field`, naming the accepted forms.
    public static func parseDuration(_ text: String, field: DecisionPolicyError.Field) throws(DecisionPolicyError) -> Duration {
        guard let duration = Duration(unitText: text) else {
            throw DecisionPolicyError(field: field, value: text,
                                      reason: "expected a whole number with a unit d, h, m or s, such as 30d or 4h")
        }
        return duration
    }

    /// Sets the workflow of one nurture track from `TRACK=WORKFLOW_ID`, such
    /// as `STANDARD=crosshub-nurture-standard`. `TRACK=` with nothing after it
    /// removes the track's workflow, so that the track enrolls in none.
    ///
    /// - Throws: `DecisionPolicyError` for `nurtureWorkflows` when the track is unknown.
    public mutating func setNurtureWorkflow(parsing text: String) throws(DecisionPolicyError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw DecisionPolicyError(field: .nurtureWorkflows, value: text,
                                      reason: "expected TRACK=WORKFLOW_ID, such as STANDARD=crosshub-nurture-standard")
        }
        let name = String(text[..<equals])
        guard let track = NurtureTrack(rawValue: name) else {
            let names = NurtureTrack.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecisionPolicyError(field: .nurtureWorkflows, value: text,
                                      reason: "unknown nurture track '\(name)'; use one of \(names)")
        }
        let workflow = String(text[text.index(after: equals)...])
        nurtureWorkflows[track] = workflow.isEmpty ? nil : workflow
    }

    /// Formats the duration in the largest unit that divides it, such as
    /// `30d` or `90m`, or in seconds with a fraction when it has one.
    public static func durationText(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds == 0 else { return "\(Double(seconds) + Double(attoseconds) / 1e18)s" }
        if seconds == 0 { return "0" }
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
