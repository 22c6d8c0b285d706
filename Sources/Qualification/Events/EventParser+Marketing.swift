/// Length limits of string fields, in Unicode scalars.
enum FieldLimits {
    static let identifier = 128
    static let url = 2048
    static let name = 256
    static let email = 254
    static let text = 1000
}

private let pageViewedFields: [StaticString] = ["url", "high_value"]
private let formIDFields: [StaticString] = ["form_id"]
private let assetIDFields: [StaticString] = ["asset_id"]
private let campaignIDFields: [StaticString] = ["campaign_id"]
private let leadScoreFields: [StaticString] = ["lead_score"]
private let mqlFields: [StaticString] = ["mql"]

extension EventParser {
    mutating func decodeMarketingData(_ type: EventType) throws(EventDecodingError) -> EventPayload {
        switch type {
        case .pageViewed:
            var cursor = FieldCursor(pageViewedFields, prefix: "data.")
            var url: String?
            var highValue: Bool?
            while let index = try nextField(&cursor) {
                if index == 0 {
                    url = try readString("data.url", maxLength: FieldLimits.url)
                } else {
                    highValue = try readBool("data.high_value")
                }
            }
            guard let url else { throw .missing("data.url") }
            return .pageViewed(url: url, highValue: highValue)

        case .formSubmitted:
            return .formSubmitted(formID: try readOnlyIdentifier(formIDFields, path: "data.form_id"))
        case .contentDownloaded:
            return .contentDownloaded(assetID: try readOnlyIdentifier(assetIDFields, path: "data.asset_id"))
        case .emailDelivered:
            return .emailDelivered(campaignID: try readOnlyIdentifier(campaignIDFields, path: "data.campaign_id"))
        case .emailOpened:
            return .emailOpened(campaignID: try readOnlyIdentifier(campaignIDFields, path: "data.campaign_id"))
        case .emailClicked:
            return .emailClicked(campaignID: try readOnlyIdentifier(campaignIDFields, path: "data.campaign_id"))

        case .leadScoreChanged:
            return .leadScoreChanged(leadScore: try readOnlyField(leadScoreFields, path: "data.lead_score") { (parser: inout EventParser) throws(EventDecodingError) in
                try parser.readInteger("data.lead_score", in: 0...100)
            })
        case .mqlChanged:
            return .mqlChanged(mql: try readOnlyField(mqlFields, path: "data.mql") { (parser: inout EventParser) throws(EventDecodingError) in try parser.readBool("data.mql") })

        default:
            preconditionFailure("\(type.rawValue) is not a marketing event type")
        }
    }

    /// Reads a `data` object whose one known field is required, reading its value with `read`.
    mutating func readOnlyField<Value>(_ fields: [StaticString], path: String,
                                       _ read: (inout EventParser) throws(EventDecodingError) -> Value) throws(EventDecodingError) -> Value {
        var cursor = FieldCursor(fields, prefix: "data.")
        var value: Value?
        while try nextField(&cursor) != nil {
            value = try read(&self)
        }
        guard let value else { throw .missing(path) }
        return value
    }

    /// Reads a `data` object whose one known field is a required identifier string.
    mutating func readOnlyIdentifier(_ fields: [StaticString], path: String) throws(EventDecodingError) -> String {
        try readOnlyField(fields, path: path) { (parser: inout EventParser) throws(EventDecodingError) in try parser.readString(path, maxLength: FieldLimits.identifier) }
    }
}
