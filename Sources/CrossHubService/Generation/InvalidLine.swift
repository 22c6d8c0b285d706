/// The ways an injected line breaks the event contract.
public enum InvalidLineKind: String, Sendable, CaseIterable {
    /// Not valid JSON: cut short or followed by extra bytes.
    case malformedJSON = "malformed_json"
    /// A field of the wrong JSON type, such as `"lead_score":"85"` or `"data":[]`.
    case wrongType = "wrong_type"
    /// A `type` outside the catalog, such as `marketing.page_view`.
    case unknownType = "unknown_type"
    /// An envelope field or a required `data` field left out.
    case missingField = "missing_field"
    /// An `occurred_at` that is not an RFC 3339 date-time with an offset.
    case badTimestamp = "bad_timestamp"
    /// A number or string outside its allowed range, such as an NPS of 11.
    case outOfRange = "out_of_range"
    /// A syntactically valid event larger than 64 KiB.
    case oversized = "oversized"

    /// Relative frequency of each kind among invalid lines, in case order.
    static let weights: [Double] = [0.25, 0.2, 0.15, 0.2, 0.1, 0.08, 0.02]
}

/// Builds invalid lines from valid journey events. Each line keeps the
/// source event's contact, so it travels with the same Kafka key, and gets
/// an event id of its own (the source id plus `-1`) that no valid event has.
struct InvalidLineBuilder {
    let encoder: JourneyEventEncoder

    /// Returns the bytes of an invalid line of `kind` derived from `event`.
    func build(_ kind: InvalidLineKind, from event: JourneyEvent, eventID sourceID: String, contactID: String,
               contactNumber: Int, using random: inout RandomSource) -> [UInt8] {
        let eventID = sourceID + "-1"
        var builder = JSONLineBuilder()

        switch kind {
        case .malformedJSON:
            encoder.encode(event, eventID: eventID, contactID: contactID, contactNumber: contactNumber, into: &builder)
            var bytes = builder.bytes
            if random.chance(0.7) {
                bytes.removeLast(1 + random.below(bytes.count - 2))
            } else {
                bytes.append(contentsOf: random.pick([Array("}".utf8), Array(",".utf8), Array(" x".utf8)]))
            }
            return bytes

        case .wrongType:
            writeEnvelope(event, eventID: eventID, contactID: contactID, type: event.payload.typeName,
                          occurredAt: nil, into: &builder)
            builder.key("data")
            if let field = wrongTypedField(event.payload), random.chance(0.7) {
                builder.beginObject()
                builder.raw(field.key, field.value)
                builder.endObject()
            } else {
                builder.appendRaw(random.pick(["[]", "\"none\"", "null", "42"]))
            }
            builder.endObject()

        case .unknownType:
            let unknownTypes = ["marketing.page_view", "sales.meeting_book", "Sales.call_logged",
                                "marketing.webinar_attended", "service.ticket_reopened", "contact.deleted", "crm.sync"]
            writeEnvelope(event, eventID: eventID, contactID: contactID, type: random.pick(unknownTypes),
                          occurredAt: nil, into: &builder)
            writeData(event, contactNumber: contactNumber, into: &builder)
            builder.endObject()

        case .missingField:
            let hasRequiredData = requiredDataField(event.payload) != nil
            let omitted = hasRequiredData && random.chance(0.5)
                ? "data-field"
                : random.pick(["event_id", "contact_id", "type", "occurred_at", "data"])
            builder.beginObject()
            if omitted != "event_id" { builder.string("event_id", eventID) }
            if omitted != "contact_id" { builder.string("contact_id", contactID) }
            if omitted != "type" { builder.string("type", event.payload.typeName) }
            if omitted != "occurred_at" { builder.timestamp("occurred_at", event.time) }
            if omitted == "data-field" {
                builder.key("data")
                builder.beginObject()
                builder.endObject()
            } else if omitted != "data" {
                writeData(event, contactNumber: contactNumber, into: &builder)
            }
            builder.endObject()

        case .badTimestamp:
            let date = RFC3339Time.civilDate(fromDays: event.time / 86_400)
            let badTimes = [
                "\(date.year)-13-01T10:00:00Z", "\(date.year)-02-30T10:00:00Z", "\(date.year)-01-15 10:00:00",
                "\(date.year)-01-15T10:00:00", "\(date.year)-01-15T25:00:00Z", "yesterday", "",
            ]
            writeEnvelope(event, eventID: eventID, contactID: contactID, type: event.payload.typeName,
                          occurredAt: random.pick(badTimes), into: &builder)
            writeData(event, contactNumber: contactNumber, into: &builder)
            builder.endObject()

        case .outOfRange:
            if let field = outOfRangeField(event.payload, using: &random) {
                writeEnvelope(event, eventID: eventID, contactID: contactID, type: event.payload.typeName,
                              occurredAt: nil, into: &builder)
                builder.key("data")
                builder.beginObject()
                builder.raw(field.key, field.value)
                builder.endObject()
            } else {
                // No numeric field: break a length limit of the envelope instead.
                let longID = random.chance(0.5)
                builder.beginObject()
                builder.string("event_id", longID ? eventID + String(repeating: "x", count: 130) : eventID)
                builder.string("contact_id", longID ? contactID : "")
                builder.string("type", event.payload.typeName)
                builder.timestamp("occurred_at", event.time)
                writeData(event, contactNumber: contactNumber, into: &builder)
            }
            builder.endObject()

        case .oversized:
            writeEnvelope(event, eventID: eventID, contactID: contactID, type: "marketing.page_viewed",
                          occurredAt: nil, into: &builder)
            builder.key("data")
            builder.beginObject()
            builder.string("url", Vocabulary.siteOrigin + "/search?q=" + String(repeating: "a", count: 70_000))
            builder.endObject()
            builder.endObject()
        }
        return builder.bytes
    }

    /// Opens the object and writes the envelope without `data`; a non-nil
    /// `occurredAt` replaces the timestamp text.
    private func writeEnvelope(_ event: JourneyEvent, eventID: String, contactID: String, type: String,
                               occurredAt: String?, into builder: inout JSONLineBuilder) {
        builder.beginObject()
        builder.string("event_id", eventID)
        builder.string("contact_id", contactID)
        builder.string("type", type)
        if let occurredAt {
            builder.string("occurred_at", occurredAt)
        } else {
            builder.timestamp("occurred_at", event.time)
        }
    }

    private func writeData(_ event: JourneyEvent, contactNumber: Int, into builder: inout JSONLineBuilder) {
        builder.key("data")
        builder.beginObject()
        encoder.encodeData(event.payload, contactNumber: contactNumber, into: &builder)
        builder.endObject()
    }

    /// Returns the first required `data` field of a type, or nil when it has none.
    private func requiredDataField(_ payload: EventPayload) -> StaticString? {
        switch payload {
        case .pageViewed: "url"
        case .formSubmitted: "form_id"
        case .contentDownloaded: "asset_id"
        case .emailDelivered, .emailOpened, .emailClicked: "campaign_id"
        case .leadScoreChanged: "lead_score"
        case .mqlChanged: "mql"
        case .profileUpdated: nil
        case .activityLogged: "kind"
        case .meetingBooked, .meetingAttended, .meetingNoShow: "meeting_id"
        case .callLogged: "duration_minutes"
        case .dealCreated, .dealStageChanged: "deal_id"
        case .leadRejected: "reason"
        case .customerStatusChanged: "customer"
        case .ticketOpened, .ticketClosed: "ticket_id"
        case .csatSubmitted, .npsSubmitted: "score"
        case .productUsageReported: "usage_score"
        case .expansionRecorded: "amount"
        case .overrideSet: "status"
        case .emailReplied, .objectionRaised, .leadAccepted, .overrideCleared: nil
        }
    }

    /// Returns a required `data` field with a value of the wrong JSON type,
    /// or nil when the type has no required field.
    private func wrongTypedField(_ payload: EventPayload) -> (key: StaticString, value: String)? {
        switch payload {
        case .pageViewed: ("url", "42")
        case .leadScoreChanged(let score): ("lead_score", "\"\(score)\"")
        case .mqlChanged: ("mql", "\"yes\"")
        case .callLogged: ("duration_minutes", "\"ten\"")
        case .customerStatusChanged: ("customer", "\"true\"")
        case .csatSubmitted(let score), .npsSubmitted(let score): ("score", "\"\(score)\"")
        case .productUsageReported: ("usage_score", "[80]")
        case .expansionRecorded(let amount): ("amount", "\"\(amount)\"")
        case .meetingBooked: ("meeting_id", "{\"id\":1}")
        default:
            requiredDataField(payload).map { ($0, "true") }
        }
    }

    /// Returns a numeric `data` field with a value outside its allowed range,
    /// or nil when the type has no numeric field.
    private func outOfRangeField(_ payload: EventPayload, using random: inout RandomSource)
        -> (key: StaticString, value: String)? {
        switch payload {
        case .leadScoreChanged: ("lead_score", random.pick(["101", "-5", "250"]))
        case .npsSubmitted: ("score", random.pick(["11", "-1", "7.5"]))
        case .csatSubmitted: ("score", random.pick(["12", "-3"]))
        case .productUsageReported: ("usage_score", random.pick(["140", "-10"]))
        case .expansionRecorded: ("amount", random.pick(["0", "-500"]))
        case .callLogged: ("duration_minutes", random.pick(["-3", "-0.5"]))
        default: nil
        }
    }
}
