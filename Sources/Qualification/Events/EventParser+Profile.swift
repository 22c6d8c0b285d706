private let profileFields: [StaticString] = [
    "email", "firstname", "lastname", "company", "industry", "employees", "company_size",
    "annual_revenue", "job_title", "job_function", "decision_maker", "owner_id", "owner_email",
]

extension EventParser {
    /// Reads a `contact.profile_updated` object, which must set at least one known field.
    mutating func decodeProfileUpdate() throws(EventDecodingError) -> ProfileUpdate {
        var cursor = FieldCursor(profileFields, prefix: "data.")
        var update = ProfileUpdate()
        while let index = try nextField(&cursor) {
            switch index {
            case 0: update.email = try readString("data.email", maxLength: FieldLimits.email)
            case 1: update.firstName = try readString("data.firstname", maxLength: FieldLimits.name)
            case 2: update.lastName = try readString("data.lastname", maxLength: FieldLimits.name)
            case 3: update.company = try readString("data.company", maxLength: FieldLimits.name)
            case 4: update.industry = try readString("data.industry", maxLength: FieldLimits.name)
            case 5: update.employees = try readInteger("data.employees", in: 1...10_000_000)
            case 6: update.companySize = try readChoice("data.company_size", allowed: EventVocabulary.companySizeBands)
            case 7: update.annualRevenue = try readNumber("data.annual_revenue", in: 0...1e15)
            case 8: update.jobTitle = try readString("data.job_title", maxLength: FieldLimits.name)
            case 9: update.jobFunction = try readString("data.job_function", maxLength: FieldLimits.name)
            case 10: update.decisionMaker = try readBool("data.decision_maker")
            case 11: update.ownerID = try readString("data.owner_id", maxLength: FieldLimits.identifier)
            default: update.ownerEmail = try readString("data.owner_email", maxLength: FieldLimits.email)
            }
        }
        guard cursor.seen != 0 else {
            throw EventDecodingError(.missingField, field: "data",
                                     reason: "missing, expected at least one of \(profileFields.map(\.description).joined(separator: ", "))")
        }
        return update
    }
}
