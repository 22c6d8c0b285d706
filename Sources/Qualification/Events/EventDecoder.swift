/// Decodes input events from JSON bytes, strictly, without an intermediate tree.
///
/// The rules match `schemas/event.schema.json` and the per-type schemas in
/// `schemas/events/`: the envelope needs `event_id` and `contact_id` (1 to 128
/// characters), a known `type`, `occurred_at` (RFC 3339 with an offset) and a
/// `data` object whose fields the type defines. Unknown fields, in the envelope
/// and in `data`, are allowed and ignored, so producers can add fields before
/// consumers know them. Known fields are checked for type, range and length,
/// and a known field given twice is rejected.
///
/// Every rejection is an `EventDecodingError` with a stable code and a message
/// that names the field. When a payload is both malformed JSON and wrong in a
/// field, the JSON error is reported.
public struct EventDecoder: Sendable {
    /// The default payload limit: 64 KiB.
    public static let defaultMaxPayloadBytes = 65_536
    /// The default limit on nested objects and arrays, envelope included.
    public static let defaultMaxDepth = 32

    /// Payloads larger than this many bytes are rejected before parsing.
    public var maxPayloadBytes: Int
    /// Objects and arrays nested deeper than this are rejected.
    public var maxDepth: Int

    public init(maxPayloadBytes: Int = defaultMaxPayloadBytes, maxDepth: Int = defaultMaxDepth) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxDepth = maxDepth
    }

    /// Decodes one event from the bytes of a JSON object.
    ///
    /// - Throws: `EventDecodingError`; see its `Code` for the kinds of rejection.
    public func decode(_ bytes: UnsafeRawBufferPointer) throws(EventDecodingError) -> Event {
        guard bytes.count <= maxPayloadBytes else {
            throw EventDecodingError(.oversized, field: "payload",
                                     reason: "\(bytes.count) bytes exceeds the \(maxPayloadBytes)-byte limit")
        }
        do {
            var parser = EventParser(bytes, maxDepth: maxDepth)
            return try parser.decodeEnvelope()
        } catch where error.code != .invalidJSON {
            // A field error found early must not hide that the rest of the payload is not JSON at all.
            var reader = JSONReader(bytes, maxDepth: maxDepth)
            do {
                try reader.skipValue()
                try reader.finish()
            } catch let syntaxError {
                throw .syntax(syntaxError)
            }
            throw error
        }
    }

    /// Decodes one event from a byte collection such as `[UInt8]` or Foundation's `Data`.
    public func decode(_ bytes: some Collection<UInt8>) throws(EventDecodingError) -> Event {
        let result: Result<Event, EventDecodingError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(EventDecodingError) -> Event in try decode(UnsafeRawBufferPointer(buffer)) }
        }
        if let result { return try result.get() }
        return try decode(Array(bytes))
    }
}

/// The envelope's fields, in the order their `missing` errors are reported.
private let envelopeFields: [StaticString] = ["event_id", "contact_id", "type", "occurred_at", "data"]

extension EventParser {
    mutating func decodeEnvelope() throws(EventDecodingError) -> Event {
        try beginObject(field: "payload")

        var cursor = FieldCursor(envelopeFields, prefix: "")
        var eventID: String?
        var contactID: String?
        var type: EventType?
        var occurredAt: EventTime?
        var payload: EventPayload?
        var deferredDataStart: Int?

        while let index = try nextField(&cursor) {
            switch index {
            case 0: eventID = try readString("event_id", maxLength: 128)
            case 1: contactID = try readString("contact_id", maxLength: 128)
            case 2: type = try readType()
            case 3: occurredAt = try readTimestamp("occurred_at")
            default:
                if let type {
                    payload = try decodeData(type)
                } else {
                    // `data` came before `type`: check that it is an object, then come back once the type is known.
                    try expectKind(.object, field: "data")
                    deferredDataStart = reader.position
                    do { try reader.skipValue() } catch { throw .syntax(error) }
                }
            }
        }
        do { try reader.finish() } catch { throw .syntax(error) }

        guard let eventID else { throw .missing("event_id") }
        guard let contactID else { throw .missing("contact_id") }
        guard let type else { throw .missing("type") }
        guard let occurredAt else { throw .missing("occurred_at") }
        if payload == nil, let deferredDataStart {
            reader.position = deferredDataStart
            reader.depth = 1
            payload = try decodeData(type)
        }
        guard let payload else { throw .missing("data") }
        return Event(eventID: eventID, contactID: contactID, occurredAt: occurredAt, payload: payload)
    }

    private mutating func readType() throws(EventDecodingError) -> EventType {
        let span = try readStringSpan("type")
        let type = span.hasEscapes
            ? EventType(rawValue: reader.string(span))
            : EventType.named(reader.rawBytes(span))
        guard let type else {
            let name = reader.string(span)
            var reason = "unknown event type \(quoted(name))"
            if let suggestion = EventType.suggestion(for: name) {
                reason += "; did you mean \"\(suggestion.rawValue)\"?"
            }
            throw EventDecodingError(.unknownType, field: "type", reason: reason)
        }
        return type
    }

    /// Decodes `data` for the given type; the reader is at the `data` value.
    mutating func decodeData(_ type: EventType) throws(EventDecodingError) -> EventPayload {
        try beginObject(field: "data")
        switch type {
        case .pageViewed, .formSubmitted, .contentDownloaded, .emailDelivered, .emailOpened,
             .emailClicked, .leadScoreChanged, .mqlChanged:
            return try decodeMarketingData(type)
        case .profileUpdated:
            return .profileUpdated(try decodeProfileUpdate())
        case .activityLogged, .meetingBooked, .meetingAttended, .meetingNoShow, .callLogged,
             .salesEmailReplied, .dealCreated, .dealStageChanged, .objectionRaised, .leadAccepted, .leadRejected:
            return try decodeSalesData(type)
        case .customerStatusChanged, .ticketOpened, .ticketClosed, .csatSubmitted, .npsSubmitted,
             .productUsageReported, .expansionRecorded, .overrideSet, .overrideCleared:
            return try decodeServiceData(type)
        }
    }

    /// Reads the rest of an object whose known fields were all read, or that has none.
    mutating func skipRemainingFields(_ cursor: inout FieldCursor) throws(EventDecodingError) {
        while try nextField(&cursor) != nil {}
    }
}
