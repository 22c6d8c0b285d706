/// Encodes journey events as JSON objects in the input event contract:
/// `event_id`, `contact_id`, `type`, `occurred_at` (RFC 3339, UTC) and
/// `data`, in that key order.
struct JourneyEventEncoder {
    let campaignIDs: [String]

    /// Returns the event id of a contact's event number `sequence`, such as
    /// `c-42-00017`. The sequence is zero-padded to five digits so that a
    /// contact's ids sort in journey order up to 99,999 events.
    static func eventID(contactID: String, sequence: Int) -> String {
        var text = contactID
        text.append("-")
        let digits = String(sequence)
        if digits.count < 5 {
            text.append(String(repeating: "0", count: 5 - digits.count))
        }
        text.append(digits)
        return text
    }

    /// Appends the encoded event to `builder`, which must be empty or reset.
    /// `occurred_at` is written with `utcOffsetSeconds`; other times in
    /// `data` are always UTC.
    func encode(_ event: JourneyEvent, eventID: String, contactID: String, contactNumber: Int,
                utcOffsetSeconds: Int = 0, into builder: inout JSONLineBuilder) {
        builder.beginObject()
        builder.string("event_id", eventID)
        builder.string("contact_id", contactID)
        builder.string("type", event.payload.typeName)
        builder.timestamp("occurred_at", event.time, offsetSeconds: utcOffsetSeconds)
        builder.key("data")
        builder.beginObject()
        encodeData(event.payload, contactNumber: contactNumber, into: &builder)
        builder.endObject()
        builder.endObject()
    }

    /// Appends the fields of `payload`; the caller has opened the `data` object.
    func encodeData(_ payload: EventPayload, contactNumber: Int, into builder: inout JSONLineBuilder) {
        switch payload {
        case .pageViewed(let page, let highValue):
            builder.string("url", Vocabulary.siteOrigin + Vocabulary.pages[page].path)
            if let highValue { builder.boolean("high_value", highValue) }
        case .formSubmitted(let formID):
            builder.string("form_id", formID)
        case .contentDownloaded(let assetID):
            builder.string("asset_id", assetID)
        case .emailDelivered(let campaign), .emailOpened(let campaign), .emailClicked(let campaign):
            builder.string("campaign_id", campaignIDs[campaign])
        case .leadScoreChanged(let score):
            builder.integer("lead_score", score)
        case .mqlChanged(let mql):
            builder.boolean("mql", mql)
        case .profileUpdated(let patch):
            encodeProfile(patch, into: &builder)

        case .activityLogged(let kind):
            builder.string("kind", kind)
        case .meetingBooked(let meeting, let startsAt):
            builder.string("meeting_id", Self.identifier("mtg", contactNumber, meeting))
            builder.timestamp("starts_at", startsAt)
        case .meetingAttended(let meeting), .meetingNoShow(let meeting):
            builder.string("meeting_id", Self.identifier("mtg", contactNumber, meeting))
        case .callLogged(let tenths):
            builder.tenths("duration_minutes", tenths)
        case .emailReplied, .leadAccepted, .overrideCleared:
            break
        case .dealCreated(let update), .dealStageChanged(let update):
            builder.string("deal_id", Self.identifier("deal", contactNumber, update.deal))
            builder.string("stage", update.usesInternalID ? update.stage.internalID : update.stage.label)
            if let amount = update.amount { builder.integer("amount", amount) }
        case .objectionRaised(let topic):
            if let topic { builder.string("topic", topic) }
        case .leadRejected(let reason):
            builder.string("reason", reason)

        case .customerStatusChanged(let customer, let since):
            builder.boolean("customer", customer)
            if let since { builder.timestamp("since", since) }
        case .ticketOpened(let ticket), .ticketClosed(let ticket):
            builder.string("ticket_id", Self.identifier("tkt", contactNumber, ticket))
        case .csatSubmitted(let score), .npsSubmitted(let score):
            builder.integer("score", score)
        case .productUsageReported(let score):
            builder.integer("usage_score", score)
        case .expansionRecorded(let amount):
            builder.integer("amount", amount)

        case .overrideSet(let status, let reason, let setBy, let expiresAt):
            builder.string("status", status)
            builder.string("reason", reason)
            builder.string("set_by", setBy)
            if let expiresAt { builder.timestamp("expires_at", expiresAt) }
        }
    }

    private func encodeProfile(_ patch: ProfilePatch, into builder: inout JSONLineBuilder) {
        if let value = patch.email { builder.string("email", value) }
        if let value = patch.firstName { builder.string("firstname", value) }
        if let value = patch.lastName { builder.string("lastname", value) }
        if let value = patch.company { builder.string("company", value) }
        if let value = patch.industry { builder.string("industry", value) }
        if let value = patch.employees { builder.integer("employees", value) }
        if let value = patch.companySize { builder.string("company_size", value) }
        if let value = patch.annualRevenue { builder.integer("annual_revenue", value) }
        if let value = patch.jobTitle { builder.string("job_title", value) }
        if let value = patch.jobFunction { builder.string("job_function", value) }
        if let value = patch.decisionMaker { builder.boolean("decision_maker", value) }
        if let value = patch.ownerID { builder.string("owner_id", value) }
        if let value = patch.ownerEmail { builder.string("owner_email", value) }
    }

    /// Returns a CRM object id such as `deal-42-1` for a contact's n-th object.
    static func identifier(_ kind: String, _ contactNumber: Int, _ number: Int) -> String {
        "\(kind)-\(contactNumber)-\(number)"
    }
}
