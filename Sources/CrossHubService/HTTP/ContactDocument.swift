import Qualification

/// The JSON body of `GET /contacts/{id}` for a contact in this instance's state.
///
/// One object with the keys `contact_id`, `partition`, `state` (what the fold
/// keeps, see `ContactDocument+State.swift`), `features` (the `LeadFeatures`
/// document) and `qualification` (the `QualificationResult` record with its
/// factors, as published to the qualifications topic).
public enum ContactDocument {
    /// Renders the document for `state`, with the features and qualification
    /// that the service derived from it.
    ///
    /// - Parameter partition: the input partition number that owns the contact.
    public static func json(state: ContactState, partition: Int32, features: LeadFeatures,
                            qualification: QualificationResult) -> String {
        var head = JSONWriter()
        head.beginObject()
        head.field("contact_id", state.contactID)
        head.field("partition", Int(partition))
        head.endObject()

        // Each part is one complete JSON text from its own writer, so the
        // parts are joined as text rather than parsed and written again.
        var text = head.text
        text.removeLast()
        text += #","state":"# + stateJSON(state)
        text += #","features":"# + features.jsonText
        text += #","qualification":"# + qualification.jsonLine()
        return text + "}"
    }
}
