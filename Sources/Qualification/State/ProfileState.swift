/// The contact's CRM profile, each field set by the newest update that carried it.
///
/// Fields are independent: an update that sets only `job_title` leaves every
/// other field as the newest update carrying that field left it.
public struct ProfileState: Sendable, Equatable {
    public var email: LatestValue<String>?
    public var firstName: LatestValue<String>?
    public var lastName: LatestValue<String>?
    public var company: LatestValue<String>?
    public var industry: LatestValue<String>?
    public var employees: LatestValue<Int>?
    /// A band label from `EventVocabulary.companySizeBands`.
    public var companySize: LatestValue<String>?
    public var annualRevenue: LatestValue<Double>?
    public var jobTitle: LatestValue<String>?
    public var jobFunction: LatestValue<String>?
    public var decisionMaker: LatestValue<Bool>?
    public var ownerID: LatestValue<String>?
    public var ownerEmail: LatestValue<String>?

    public init() {}

    public mutating func apply(_ update: ProfileUpdate, at time: EventTime, eventID: String) {
        if let value = update.email { email.offer(value, at: time, eventID: eventID) }
        if let value = update.firstName { firstName.offer(value, at: time, eventID: eventID) }
        if let value = update.lastName { lastName.offer(value, at: time, eventID: eventID) }
        if let value = update.company { company.offer(value, at: time, eventID: eventID) }
        if let value = update.industry { industry.offer(value, at: time, eventID: eventID) }
        if let value = update.employees { employees.offer(value, at: time, eventID: eventID) }
        if let value = update.companySize { companySize.offer(value, at: time, eventID: eventID) }
        if let value = update.annualRevenue { annualRevenue.offer(value, at: time, eventID: eventID) }
        if let value = update.jobTitle { jobTitle.offer(value, at: time, eventID: eventID) }
        if let value = update.jobFunction { jobFunction.offer(value, at: time, eventID: eventID) }
        if let value = update.decisionMaker { decisionMaker.offer(value, at: time, eventID: eventID) }
        if let value = update.ownerID { ownerID.offer(value, at: time, eventID: eventID) }
        if let value = update.ownerEmail { ownerEmail.offer(value, at: time, eventID: eventID) }
    }
}
