@testable import Qualification

/// Hand-built contact journeys whose features are computed by hand in `JourneyTests`.
enum Journeys {
    /// Receives four campaigns and opens two; nothing else.
    static func emailSubscriber() -> [Event] {
        let c = "c-subscriber"
        return [
            makeEvent("s-1", .emailDelivered(campaignID: "c1"), at: "2026-01-05T09:00:00Z", contact: c),
            makeEvent("s-2", .emailOpened(campaignID: "c1"), at: "2026-01-05T10:00:00Z", contact: c),
            makeEvent("s-3", .emailDelivered(campaignID: "c2"), at: "2026-01-19T09:00:00Z", contact: c),
            makeEvent("s-4", .emailDelivered(campaignID: "c3"), at: "2026-02-02T09:00:00Z", contact: c),
            makeEvent("s-5", .emailOpened(campaignID: "c3"), at: "2026-02-03T08:00:00Z", contact: c),
            makeEvent("s-6", .emailDelivered(campaignID: "c4"), at: "2026-02-16T09:00:00Z", contact: c),
        ]
    }

    /// A director at a target company who visits pricing, asks for a demo, meets sales and gets a deal.
    static func meetingProspect() -> [Event] {
        let c = "c-prospect"
        var profile = ProfileUpdate()
        profile.industry = "Technology"
        profile.companySize = "Mid-Market (101-999 employees)"
        profile.annualRevenue = 50_000_000
        profile.jobTitle = "Director of Sales"
        profile.jobFunction = "Sales"
        profile.decisionMaker = true
        profile.ownerID = "u-7"
        profile.ownerEmail = "owner@example.com"
        return [
            makeEvent("p-01", .profileUpdated(profile), at: "2026-03-01T08:00:00Z", contact: c),
            makeEvent("p-02", .pageViewed(url: "/pricing", highValue: true), at: "2026-03-02T10:00:00Z", contact: c),
            makeEvent("p-03", .pageViewed(url: "/product", highValue: false), at: "2026-03-02T10:05:00Z", contact: c),
            makeEvent("p-04", .pageViewed(url: "/pricing", highValue: true), at: "2026-03-03T09:00:00Z", contact: c),
            makeEvent("p-05", .formSubmitted(formID: "demo-request"), at: "2026-03-03T09:10:00Z", contact: c),
            makeEvent("p-06", .leadScoreChanged(leadScore: 60), at: "2026-03-03T09:11:00Z", contact: c),
            makeEvent("p-07", .leadScoreChanged(leadScore: 75), at: "2026-03-04T08:00:00Z", contact: c),
            makeEvent("p-08", .mqlChanged(mql: true), at: "2026-03-04T08:00:00Z", contact: c),
            makeEvent("p-09", .meetingBooked(meetingID: "m-1", startsAt: EventTime(rfc3339: "2026-03-09T15:00:00Z")!),
                      at: "2026-03-04T11:00:00Z", contact: c),
            makeEvent("p-10", .activityLogged(kind: .email), at: "2026-03-04T11:05:00Z", contact: c),
            makeEvent("p-11", .meetingAttended(meetingID: "m-1"), at: "2026-03-09T16:00:00Z", contact: c),
            makeEvent("p-12", .callLogged(durationMinutes: 25), at: "2026-03-10T14:00:00Z", contact: c),
            makeEvent("p-13", .callLogged(durationMinutes: 8), at: "2026-03-11T14:00:00Z", contact: c),
            makeEvent("p-14", .salesEmailReplied, at: "2026-03-11T18:00:00Z", contact: c),
            makeEvent("p-15", .dealCreated(DealChange(dealID: "d-1", stage: .qualifiedToBuy)), at: "2026-03-11T19:00:00Z", contact: c),
            makeEvent("p-16", .dealStageChanged(DealChange(dealID: "d-1", stage: .presentationScheduled)),
                      at: "2026-03-12T09:00:00Z", contact: c),
        ]
    }

    /// A customer since January 2024 with tickets, surveys, usage and expansions in February 2026.
    static func ticketingCustomer() -> [Event] {
        let c = "c-customer"
        return [
            makeEvent("k-01", .customerStatusChanged(customer: true, since: EventTime(rfc3339: "2024-01-10T00:00:00Z")),
                      at: "2024-01-10T00:00:00Z", contact: c),
            makeEvent("k-02", .ticketOpened(ticketID: "t-1"), at: "2026-02-01T09:00:00Z", contact: c),
            makeEvent("k-03", .ticketClosed(ticketID: "t-1"), at: "2026-02-02T09:00:00Z", contact: c),
            makeEvent("k-04", .csatSubmitted(score: 6), at: "2026-02-02T10:00:00Z", contact: c),
            makeEvent("k-05", .ticketOpened(ticketID: "t-2"), at: "2026-02-05T09:00:00Z", contact: c),
            makeEvent("k-06", .npsSubmitted(score: 4), at: "2026-02-10T09:00:00Z", contact: c),
            makeEvent("k-07", .ticketOpened(ticketID: "t-3"), at: "2026-02-20T09:00:00Z", contact: c),
            makeEvent("k-08", .csatSubmitted(score: 9), at: "2026-02-21T09:00:00Z", contact: c),
            makeEvent("k-09", .npsSubmitted(score: 10), at: "2026-02-25T09:00:00Z", contact: c),
            makeEvent("k-10", .productUsageReported(usageScore: 88.4), at: "2026-02-26T09:00:00Z", contact: c),
            makeEvent("k-11", .expansionRecorded(amount: 1_200.25), at: "2026-02-27T09:00:00Z", contact: c),
            makeEvent("k-12", .expansionRecorded(amount: 799.75), at: "2026-02-28T09:00:00Z", contact: c),
        ]
    }

    static func fold(_ events: [Event]) -> ContactState {
        var state = ContactState(contactID: events[0].contactID)
        for event in events { state.fold(event) }
        return state
    }
}
