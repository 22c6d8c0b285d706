extension RecordBuilder {
    /// Builds the note for a change of the effective status, numbered by the
    /// status change count. Fields after the common ones: `status`,
    /// `previous_status` (null on the first publication), `model_status`,
    /// `score`, `override`, `body` (the rationale) and `top_factors`.
    func noteRecord() -> OutputRecord {
        let result = transition.result
        return record(.note, discriminator: "", ordinal: transition.counts.statusChanges) { writer in
            writer.key("status")
            writer.string(transition.status.rawValue)
            Self.writeNullable("previous_status", transition.previous?.status, to: &writer)
            writer.key("model_status")
            writer.string(result.status.rawValue)
            writer.key("score")
            writer.integer(result.score)
            writer.key("override")
            writeOverride(to: &writer)
            writer.key("body")
            writer.string(noteBody())
            writer.key("top_factors")
            writeFactors(result.topFactors, to: &writer)
        }
    }

    /// Builds the enrollments for a change of the effective track, numbered
    /// by the track change count: leaving the old track's workflow, then
    /// enrolling in the new one's. A track without a workflow in the policy
    /// adds no record. Fields after the common ones: `action` (`leave` or
    /// `enroll`), `workflow_id`, `track` (the workflow's track), `from_track`
    /// (null on the first publication) and `to_track`.
    ///
    /// NOTE: a leave names the workflow the policy gives the old track now;
    /// if the policy changed since the enrollment, it names the new workflow.
    func enrollmentRecords() -> [OutputRecord] {
        var records: [OutputRecord] = []
        let ordinal = transition.counts.trackChanges
        let fromTrack = transition.previous?.nurtureTrack
        let toTrack = transition.track

        if let fromTrack, let old = NurtureTrack(rawValue: fromTrack), let workflow = policy.nurtureWorkflows[old] {
            records.append(enrollmentRecord(action: "leave", workflow: workflow, track: old, fromTrack: fromTrack,
                                            toTrack: toTrack, ordinal: ordinal))
        }
        if let workflow = policy.nurtureWorkflows[toTrack] {
            records.append(enrollmentRecord(action: "enroll", workflow: workflow, track: toTrack, fromTrack: fromTrack,
                                            toTrack: toTrack, ordinal: ordinal))
        }
        return records
    }

    private func enrollmentRecord(action: String, workflow: String, track: NurtureTrack, fromTrack: String?,
                                  toTrack: NurtureTrack, ordinal: Int) -> OutputRecord {
        record(.enrollment, discriminator: "\(action):\(track.rawValue)", ordinal: ordinal) { writer in
            writer.key("action")
            writer.string(action)
            writer.key("workflow_id")
            writer.string(workflow)
            writer.key("track")
            writer.string(track.rawValue)
            Self.writeNullable("from_track", fromTrack, to: &writer)
            writer.key("to_track")
            writer.string(toTrack.rawValue)
        }
    }

    /// The rationale: the change, the override or its end, and the top factors.
    private func noteBody() -> String {
        let result = transition.result
        let status = transition.status.rawValue
        var opening: String
        if let previous = transition.previous {
            opening = "Status changed from \(previous.status) to \(status) with a score of \(result.score)"
        } else {
            opening = "First qualification: \(status) with a score of \(result.score)"
        }
        opening += result.status == transition.status ? "." : " (the model's status is \(result.status.rawValue))."

        var overrideText = overrideSentence().map { $0 + "." } ?? ""
        if transition.override == nil, let ended = transition.previous?.overrideEventID {
            overrideText = "The override set by event \(ended) was cleared or expired, so the model's status applies."
        }
        return Self.paragraphs(opening, overrideText, factorLines())
    }
}
