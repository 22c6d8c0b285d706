extension RecordBuilder {
    /// Builds the qualification record. Its fields after the common ones are
    /// `score`, `status` (effective), `model_status`, `nurture_track`
    /// (effective), `model_nurture_track`, `override`, `lifecycle_stage`,
    /// `components`, `previous`, `changed`, `factors`, `top_factors`,
    /// `next_best_actions`, `recommended_owner`, `recommended_content` and
    /// `personalization`. `previous` is null on the first publication, else
    /// the last published `score`, `status`, `nurture_track`, `components`
    /// and `model_version`.
    func qualificationRecord() -> OutputRecord {
        let result = transition.result
        return record(.qualification, discriminator: qualificationDiscriminator(),
               ordinal: transition.counts.qualifications) { writer in
            writer.key("score")
            writer.integer(result.score)
            writer.key("status")
            writer.string(transition.status.rawValue)
            writer.key("model_status")
            writer.string(result.status.rawValue)
            writer.key("nurture_track")
            writer.string(transition.track.rawValue)
            writer.key("model_nurture_track")
            writer.string(result.nurtureTrack.rawValue)
            writer.key("override")
            writeOverride(to: &writer)
            writer.key("lifecycle_stage")
            writer.string(transition.properties.lifecycleStage.rawValue)
            writer.key("components")
            Self.writeComponents(transition.components, to: &writer)

            writer.key("previous")
            if let previous = transition.previous {
                writer.beginObject()
                writer.key("score")
                writer.integer(previous.score)
                writer.key("status")
                writer.string(previous.status)
                writer.key("nurture_track")
                writer.string(previous.nurtureTrack)
                writer.key("components")
                Self.writeComponents(previous.components, to: &writer)
                writer.key("model_version")
                writer.string(previous.modelVersion)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("changed")
            Self.writeStrings(transition.changedFields, to: &writer)

            writer.key("factors")
            writeAllFactors(to: &writer)
            writer.key("top_factors")
            writeTopFactors(to: &writer)
            writer.key("next_best_actions")
            Self.writeStrings(result.nextBestActions, to: &writer)
            writer.key("recommended_owner")
            writer.string(result.recommendedOwner)
            writer.key("recommended_content")
            Self.writeStrings(result.recommendedContent, to: &writer)
            writer.key("personalization")
            writePersonalization(result.personalization, to: &writer)
        }
    }

    /// Builds the property update: `properties`, an object of the changed
    /// CRM properties with string values (see `CRMProperties`).
    func propertyUpdateRecord() -> OutputRecord {
        let properties = transition.properties
        var patch = JSONWriter(reservingCapacity: 512)
        properties.writePatch(to: &patch)
        return record(.propertyUpdate, discriminator: patch.bytes, ordinal: transition.counts.propertyUpdates) { writer in
            writer.key("properties")
            writer.rawValue(patch.bytes)
        }
    }

    /// Returns the decided values as UTF-8 text, so that an nth record with
    /// other values gets another id: `score=87;status=...;model=...`.
    private func qualificationDiscriminator() -> [UInt8] {
        let result = transition.result
        let components = transition.components
        var text: [UInt8] = []
        text.reserveCapacity(256)
        text.appendASCII("score=")
        text.appendJSONInteger(Int64(result.score))
        text.appendASCII(";status=")
        text.append(contentsOf: transition.status.rawValue.utf8)
        text.appendASCII(";model_status=")
        text.append(contentsOf: result.status.rawValue.utf8)
        text.appendASCII(";track=")
        text.append(contentsOf: transition.track.rawValue.utf8)
        text.appendASCII(";model_track=")
        text.append(contentsOf: result.nurtureTrack.rawValue.utf8)
        text.appendASCII(";components=")
        for (index, value) in [components.marketing, components.sales, components.service, components.demographic,
                               components.behavioral].enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text.appendJSONNumber(value)
        }
        text.appendASCII(";override=")
        text.append(contentsOf: (transition.override?.eventID ?? "").utf8)
        text.appendASCII(";model=")
        text.append(contentsOf: result.modelVersion.utf8)
        return text
    }

    private func writePersonalization(_ personalization: Personalization, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("content_focus")
        Self.writeStrings(personalization.contentFocus, to: &writer)
        writer.key("message_tone")
        writer.string(personalization.messageTone)
        writer.key("featured_case_study")
        writer.string(personalization.featuredCaseStudy)
        writer.key("call_to_action")
        writer.string(personalization.callToAction)
        writer.endObject()
    }
}
