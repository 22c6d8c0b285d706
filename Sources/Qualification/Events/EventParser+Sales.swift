private let kindFields: [StaticString] = ["kind"]
private let meetingBookedFields: [StaticString] = ["meeting_id", "starts_at"]
private let meetingIDFields: [StaticString] = ["meeting_id"]
private let callFields: [StaticString] = ["duration_minutes"]
private let dealFields: [StaticString] = ["deal_id", "stage", "amount"]
private let objectionFields: [StaticString] = ["topic"]
private let rejectionFields: [StaticString] = ["reason"]
private let noFields: [StaticString] = []

private let activityKinds = SalesActivityKind.allCases.map(\.rawValue)
private let dealStageNames = PipelineStage.allCases.map(\.label) + PipelineStage.allCases.map(\.rawValue)

extension EventParser {
    mutating func decodeSalesData(_ type: EventType) throws(EventDecodingError) -> EventPayload {
        switch type {
        case .activityLogged:
            let kind = try readOnlyField(kindFields, path: "data.kind") { (parser: inout EventParser) throws(EventDecodingError) in try parser.readChoice("data.kind", allowed: activityKinds) }
            return .activityLogged(kind: SalesActivityKind(rawValue: kind)!)

        case .meetingBooked:
            var cursor = FieldCursor(meetingBookedFields, prefix: "data.")
            var meetingID: String?
            var startsAt: EventTime?
            while let index = try nextField(&cursor) {
                if index == 0 {
                    meetingID = try readString("data.meeting_id", maxLength: FieldLimits.identifier)
                } else {
                    startsAt = try readTimestamp("data.starts_at")
                }
            }
            guard let meetingID else { throw .missing("data.meeting_id") }
            guard let startsAt else { throw .missing("data.starts_at") }
            return .meetingBooked(meetingID: meetingID, startsAt: startsAt)

        case .meetingAttended:
            return .meetingAttended(meetingID: try readOnlyIdentifier(meetingIDFields, path: "data.meeting_id"))
        case .meetingNoShow:
            return .meetingNoShow(meetingID: try readOnlyIdentifier(meetingIDFields, path: "data.meeting_id"))

        case .callLogged:
            return .callLogged(durationMinutes: try readOnlyField(callFields, path: "data.duration_minutes") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readNumber("data.duration_minutes", in: 0...1440)
            })

        case .salesEmailReplied:
            try skipRemainingFields(noFieldsCursor())
            return .salesEmailReplied
        case .leadAccepted:
            try skipRemainingFields(noFieldsCursor())
            return .leadAccepted

        case .dealCreated:
            return .dealCreated(try decodeDealChange())
        case .dealStageChanged:
            return .dealStageChanged(try decodeDealChange())

        case .objectionRaised:
            var cursor = FieldCursor(objectionFields, prefix: "data.")
            var topic: String?
            while try nextField(&cursor) != nil {
                topic = try readString("data.topic", maxLength: FieldLimits.name)
            }
            return .objectionRaised(topic: topic)

        case .leadRejected:
            return .leadRejected(reason: try readOnlyField(rejectionFields, path: "data.reason") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readString("data.reason", maxLength: FieldLimits.text)
            })

        default:
            preconditionFailure("\(type.rawValue) is not a sales event type")
        }
    }

    private mutating func decodeDealChange() throws(EventDecodingError) -> DealChange {
        var cursor = FieldCursor(dealFields, prefix: "data.")
        var dealID: String?
        var stage: PipelineStage?
        var amount: Double?
        while let index = try nextField(&cursor) {
            switch index {
            case 0: dealID = try readString("data.deal_id", maxLength: FieldLimits.identifier)
            case 1: stage = PipelineStage(labelOrID: try readChoice("data.stage", allowed: dealStageNames))
            default: amount = try readNumber("data.amount", in: 0...1e12)
            }
        }
        guard let dealID else { throw .missing("data.deal_id") }
        guard let stage else { throw .missing("data.stage") }
        return DealChange(dealID: dealID, stage: stage, amount: amount)
    }

    func noFieldsCursor() -> FieldCursor {
        FieldCursor(noFields, prefix: "data.")
    }

    mutating func skipRemainingFields(_ cursor: FieldCursor) throws(EventDecodingError) {
        var cursor = cursor
        try skipRemainingFields(&cursor)
    }
}
