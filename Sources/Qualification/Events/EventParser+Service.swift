private let customerStatusFields: [StaticString] = ["customer", "since"]
private let ticketFields: [StaticString] = ["ticket_id"]
private let scoreFields: [StaticString] = ["score"]
private let usageFields: [StaticString] = ["usage_score"]
private let expansionFields: [StaticString] = ["amount"]
private let overrideFields: [StaticString] = ["status", "reason", "set_by", "expires_at"]

extension EventParser {
    /// Decodes service events and the qualification override events.
    mutating func decodeServiceData(_ type: EventType) throws(EventDecodingError) -> EventPayload {
        switch type {
        case .customerStatusChanged:
            var cursor = FieldCursor(customerStatusFields, prefix: "data.")
            var customer: Bool?
            var since: EventTime?
            while let index = try nextField(&cursor) {
                if index == 0 {
                    customer = try readBool("data.customer")
                } else {
                    since = try readTimestamp("data.since")
                }
            }
            guard let customer else { throw .missing("data.customer") }
            return .customerStatusChanged(customer: customer, since: since)

        case .ticketOpened:
            return .ticketOpened(ticketID: try readOnlyIdentifier(ticketFields, path: "data.ticket_id"))
        case .ticketClosed:
            return .ticketClosed(ticketID: try readOnlyIdentifier(ticketFields, path: "data.ticket_id"))

        case .csatSubmitted:
            return .csatSubmitted(score: try readOnlyField(scoreFields, path: "data.score") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readNumber("data.score", in: 0...10)
            })
        case .npsSubmitted:
            return .npsSubmitted(score: try readOnlyField(scoreFields, path: "data.score") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readInteger("data.score", in: 0...10)
            })
        case .productUsageReported:
            return .productUsageReported(usageScore: try readOnlyField(usageFields, path: "data.usage_score") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readNumber("data.usage_score", in: 0...100)
            })
        case .expansionRecorded:
            return .expansionRecorded(amount: try readOnlyField(expansionFields, path: "data.amount") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readNumber("data.amount", in: 0...1e12, excludingMinimum: true)
            })

        case .overrideSet:
            return .overrideSet(try decodeOverrideRequest())
        case .overrideCleared:
            try skipRemainingFields(noFieldsCursor())
            return .overrideCleared

        default:
            preconditionFailure("\(type.rawValue) is not a service or override event type")
        }
    }

    private mutating func decodeOverrideRequest() throws(EventDecodingError) -> OverrideRequest {
        var cursor = FieldCursor(overrideFields, prefix: "data.")
        var status: QualificationStatus?
        var reason: String?
        var setBy: String?
        var expiresAt: EventTime?
        while let index = try nextField(&cursor) {
            switch index {
            case 0: status = QualificationStatus(rawValue: try readChoice("data.status", allowed: EventVocabulary.qualificationStatuses))
            case 1: reason = try readString("data.reason", maxLength: FieldLimits.text)
            case 2: setBy = try readString("data.set_by", maxLength: FieldLimits.name)
            default: expiresAt = try readTimestamp("data.expires_at")
            }
        }
        guard let status else { throw .missing("data.status") }
        guard let reason else { throw .missing("data.reason") }
        guard let setBy else { throw .missing("data.set_by") }
        return OverrideRequest(status: status, reason: reason, setBy: setBy, expiresAt: expiresAt)
    }
}
