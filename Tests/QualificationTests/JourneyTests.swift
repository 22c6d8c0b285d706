import Testing
@testable import Qualification

@Test func emailSubscriberFeatures() {
    let features = Journeys.fold(Journeys.emailSubscriber()).features()
    #expect(features.asOf == "2026-02-16T09:00:00Z")
    #expect(features.emailOpenRate == 0.5)
    #expect(features.emailClickRate == 0)
    #expect(features.numPageViews == 0)
    #expect(features.numFormSubmissions == 0)
    #expect(features.numSalesActivities == 0)
    #expect(features.meetingShowed == false)
    #expect(features.dealCreated == false)
    #expect(features.dealStage == nil)
    #expect(features.previousCustomer == false)
    #expect(features.leadScore == nil)
    // Opens on Jan 5 and Feb 3; as of Feb 16.
    #expect(features.engagementRecency == 13)
    #expect(features.engagementFrequency == 0.25)
    #expect(features.engagementVelocity == 1)
}

@Test func meetingProspectFeatures() {
    let features = Journeys.fold(Journeys.meetingProspect()).features()
    #expect(features.asOf == "2026-03-12T09:00:00Z")
    #expect(features.leadScore == 75)
    #expect(features.marketingQualifiedLead == true)
    #expect(features.numPageViews == 3)
    #expect(features.highValuePageVisits == 2)
    #expect(features.numFormSubmissions == 1)
    #expect(features.emailOpenRate == nil)
    // One logged activity, two logged calls and one booked meeting.
    #expect(features.numSalesActivities == 4)
    #expect(features.meetingShowed == true)
    #expect(features.dealCreated == true)
    #expect(features.dealStage == "Presentation Scheduled")
    #expect(features.salesEmailReplies == 1)
    #expect(features.salesCallDuration == 25)
    #expect(features.objectionsRaised == 0)
    #expect(features.industry == "Technology")
    #expect(features.companySize == .band("Mid-Market (101-999 employees)"))
    #expect(features.annualRevenue == 50_000_000)
    #expect(features.jobTitle == "Director of Sales")
    #expect(features.decisionMaker == true)
    #expect(features.engagementRecency == 1)
    #expect(features.engagementFrequency == 0.25)
    #expect(features.engagementVelocity == 1)
}

@Test func ticketingCustomerFeatures() {
    let features = Journeys.fold(Journeys.ticketingCustomer()).features()
    #expect(features.asOf == "2026-02-28T09:00:00Z")
    #expect(features.previousCustomer == true)
    // 2024-01-10 to 2026-02-28: 366 + 365 + 49 days.
    #expect(features.daysAsCustomer == 780)
    #expect(features.supportTicketCount == 3)
    #expect(features.averageCSAT == 7.5)
    #expect(features.npsScore == 10)
    #expect(features.productUsageScore == 88)
    #expect(features.expansionRevenue == 2000)
    #expect(features.engagementRecency == 3)
    #expect(features.engagementFrequency == 0.5)
    // Three engagements in the last 14 days, four in the 14 before.
    #expect(features.engagementVelocity == -1.0 / 7.0)
}

@Test func prospectOwnerAndTouchesAreKept() {
    let state = Journeys.fold(Journeys.meetingProspect())
    #expect(state.profile.ownerID?.value == "u-7")
    #expect(state.profile.ownerEmail?.value == "owner@example.com")
    #expect(state.touches.touches.map(\.type) == [.salesEmailReplied, .callLogged, .callLogged, .meetingAttended, .formSubmitted])
    #expect(state.touches.touches.map(\.detail) == ["", "8 min", "25 min", "m-1", "demo-request"])
    #expect(state.sales.latestBooking?.value.meetingID == "m-1")
}

@Test func churnedCustomerCountsDaysUntilChurn() {
    var events = Journeys.ticketingCustomer()
    events.append(makeEvent("k-13", .customerStatusChanged(customer: false, since: nil), at: "2025-01-10T00:00:00Z",
                            contact: "c-customer"))
    let features = Journeys.fold(events).features()
    #expect(features.previousCustomer == true)
    #expect(features.daysAsCustomer == 366)
}

@Test func laterAsOfMovesWindowsOnly() {
    let state = Journeys.fold(Journeys.emailSubscriber())
    let features = state.features(asOf: EventTime(rfc3339: "2026-06-01T00:00:00Z"))
    #expect(features.asOf == "2026-06-01T00:00:00Z")
    // Every campaign is more than 90 days old by June.
    #expect(features.emailOpenRate == nil)
    #expect(features.engagementRecency == 118)
    #expect(features.engagementFrequency == 0)
    #expect(features.engagementVelocity == 0)
    #expect(state.features(asOf: EventTime(rfc3339: "2020-01-01T00:00:00Z")) == state.features())
}
