/// The profile fields a sales rep needs to recognize a contact, and the owner.
struct ContactSummary {
    let contactID: String
    let firstName: String?
    let lastName: String?
    let company: String?
    let jobTitle: String?
    let email: String?
    /// The CRM owner id from the profile (`hubspot_owner_id` in HubSpot).
    let ownerID: String?
    let ownerEmail: String?

    init(_ state: ContactState) {
        let profile = state.profile
        contactID = state.contactID
        firstName = profile.firstName?.value
        lastName = profile.lastName?.value
        company = profile.company?.value
        jobTitle = profile.jobTitle?.value
        email = profile.email?.value
        ownerID = profile.ownerID?.value
        ownerEmail = profile.ownerEmail?.value
    }

    /// `Ana Ruiz`, else the email address, else the contact id.
    var displayName: String {
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !name.isEmpty { return name }
        if let email, !email.isEmpty { return email }
        return contactID
    }

    /// `Ana Ruiz (Acme)`, or only the name without a company.
    var nameWithCompany: String {
        guard let company, !company.isEmpty else { return displayName }
        return "\(displayName) (\(company))"
    }

    /// `{"first_name", "last_name", "company", "job_title", "email"}`, each a string or null.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        RecordBuilder.writeNullable("first_name", firstName, to: &writer)
        RecordBuilder.writeNullable("last_name", lastName, to: &writer)
        RecordBuilder.writeNullable("company", company, to: &writer)
        RecordBuilder.writeNullable("job_title", jobTitle, to: &writer)
        RecordBuilder.writeNullable("email", email, to: &writer)
        writer.endObject()
    }
}
