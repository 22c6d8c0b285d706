import Foundation

/// A feature document that cannot be scored: the field and the reason.
public struct FeatureDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON key, or nil for a problem with the whole document.
    public let field: String?
    public let reason: String

    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`, for example `nps_score: expected an integer, got "high"`,
    /// or the reason alone for a problem with the whole document.
    public var description: String {
        guard let field else { return reason }
        return "\(field): \(reason)"
    }
}

extension LeadFeatures {
    /// Decodes a feature document strictly: every member must be a known
    /// feature with the right JSON type, and `null` counts as absent.
    ///
    /// Integer features accept numbers with an integral value (`7` or `7.0`),
    /// and reject `7.5`: the document carries whole counts, so the reference
    /// model's `parseInt` truncation has nothing left to truncate. Rates and
    /// amounts accept any number; booleans must be JSON booleans;
    /// `company_size` is a band label or an employee count.
    ///
    /// - Throws: `FeatureDocumentError` naming the first bad field in document order.
    public init(strictJSON json: JSONValue) throws(FeatureDocumentError) {
        guard case .object(let members) = json else {
            throw FeatureDocumentError(field: nil, reason: "expected a JSON object, got \(json.excerpt)")
        }
        self.init()
        for (key, value) in members where value != .null {
            try assign(key, value)
        }
    }

    /// Parses and decodes one feature document; see `init(strictJSON:)`.
    ///
    /// - Throws: `FeatureDocumentError`, without a field when `data` is not valid JSON.
    public init(strictJSONData data: Data) throws(FeatureDocumentError) {
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            throw FeatureDocumentError(field: nil, reason: error.description)
        }
        try self.init(strictJSON: json)
    }

    private mutating func assign(_ key: String, _ value: JSONValue) throws(FeatureDocumentError) {
        guard let codingKey = CodingKeys(rawValue: key) else {
            throw FeatureDocumentError(
                field: key, reason: "unknown field; schemas/features.schema.json lists the feature names")
        }
        switch codingKey {
        case .contactID: contactID = try Self.string(key, value)
        case .asOf: asOf = try Self.string(key, value)
        case .leadScore: leadScore = try Self.integer(key, value)
        case .marketingQualifiedLead: marketingQualifiedLead = try Self.bool(key, value)
        case .numPageViews: numPageViews = try Self.integer(key, value)
        case .numFormSubmissions: numFormSubmissions = try Self.integer(key, value)
        case .emailOpenRate: emailOpenRate = try Self.number(key, value)
        case .emailClickRate: emailClickRate = try Self.number(key, value)
        case .contentDownloads: contentDownloads = try Self.integer(key, value)
        case .highValuePageVisits: highValuePageVisits = try Self.integer(key, value)
        case .numSalesActivities: numSalesActivities = try Self.integer(key, value)
        case .meetingShowed: meetingShowed = try Self.bool(key, value)
        case .dealCreated: dealCreated = try Self.bool(key, value)
        case .dealStage: dealStage = try Self.string(key, value)
        case .objectionsRaised: objectionsRaised = try Self.integer(key, value)
        case .salesEmailReplies: salesEmailReplies = try Self.integer(key, value)
        case .salesCallDuration: salesCallDuration = try Self.integer(key, value)
        case .previousCustomer: previousCustomer = try Self.bool(key, value)
        case .daysAsCustomer: daysAsCustomer = try Self.integer(key, value)
        case .supportTicketCount: supportTicketCount = try Self.integer(key, value)
        case .averageCSAT: averageCSAT = try Self.number(key, value)
        case .npsScore: npsScore = try Self.integer(key, value)
        case .productUsageScore: productUsageScore = try Self.integer(key, value)
        case .expansionRevenue: expansionRevenue = try Self.number(key, value)
        case .industry: industry = try Self.string(key, value)
        case .companySize:
            if case .string(let label) = value {
                companySize = .band(label)
            } else if let count = value.integerValue {
                companySize = .employees(count)
            } else {
                throw FeatureDocumentError(
                    field: key, reason: "expected a band label or an employee count, got \(value.excerpt)")
            }
        case .annualRevenue: annualRevenue = try Self.number(key, value)
        case .jobTitle: jobTitle = try Self.string(key, value)
        case .jobFunction: jobFunction = try Self.string(key, value)
        case .decisionMaker: decisionMaker = try Self.bool(key, value)
        case .engagementRecency: engagementRecency = try Self.integer(key, value)
        case .engagementFrequency: engagementFrequency = try Self.number(key, value)
        case .engagementVelocity: engagementVelocity = try Self.number(key, value)
        }
    }

    private static func integer(_ key: String, _ value: JSONValue) throws(FeatureDocumentError) -> Int {
        guard let number = value.integerValue else {
            throw FeatureDocumentError(field: key, reason: "expected an integer, got \(value.excerpt)")
        }
        return number
    }

    private static func number(_ key: String, _ value: JSONValue) throws(FeatureDocumentError) -> Double {
        guard let number = value.doubleValue else {
            throw FeatureDocumentError(field: key, reason: "expected a number, got \(value.excerpt)")
        }
        return number
    }

    private static func bool(_ key: String, _ value: JSONValue) throws(FeatureDocumentError) -> Bool {
        guard case .bool(let flag) = value else {
            throw FeatureDocumentError(field: key, reason: "expected true or false, got \(value.excerpt)")
        }
        return flag
    }

    private static func string(_ key: String, _ value: JSONValue) throws(FeatureDocumentError) -> String {
        guard case .string(let text) = value else {
            throw FeatureDocumentError(field: key, reason: "expected a string, got \(value.excerpt)")
        }
        return text
    }
}
