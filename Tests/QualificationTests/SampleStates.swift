@testable import Qualification

/// Events and states shared by the fold, feature and snapshot tests.
enum SampleStates {
    /// One contact's events touching every event type and every state field.
    static func richEvents(contact: String = "c-rich") -> [Event] {
        func event(_ id: String, _ time: String, _ payload: EventPayload) -> Event {
            makeEvent(id, payload, at: time, contact: contact)
        }
        var profile = ProfileUpdate()
        profile.email = "ana@example.com"
        profile.firstName = "Ana"
        profile.lastName = "Ruiz"
        profile.company = "Acme"
        profile.industry = "Technology"
        profile.companySize = "Mid-Market (101-999 employees)"
        profile.annualRevenue = 25_000_000
        profile.jobTitle = "VP Marketing"
        profile.jobFunction = "Marketing"
        profile.decisionMaker = true
        profile.ownerID = "u-17"
        profile.ownerEmail = "rep@example.com"
        var employees = ProfileUpdate()
        employees.employees = 480

        return [
            event("e-01", "2026-01-05T10:00:00Z", .profileUpdated(profile)),
            event("e-02", "2026-01-20T10:00:00Z", .profileUpdated(employees)),
            event("e-03", "2026-02-01T09:00:00Z", .emailDelivered(campaignID: "jan-news")),
            event("e-04", "2026-02-01T09:30:00Z", .emailOpened(campaignID: "jan-news")),
            event("e-05", "2026-02-10T09:00:00Z", .emailDelivered(campaignID: "feb-webinar")),
            event("e-06", "2026-02-10T11:00:00Z", .emailClicked(campaignID: "feb-webinar")),
            event("e-07", "2026-02-20T09:00:00Z", .emailDelivered(campaignID: "feb-digest")),
            event("e-08", "2026-02-21T14:00:00Z", .pageViewed(url: "https://example.com/pricing", highValue: true)),
            event("e-09", "2026-02-21T14:05:00Z", .pageViewed(url: "https://example.com/blog", highValue: nil)),
            event("e-10", "2026-02-21T14:10:00Z", .formSubmitted(formID: "demo-request")),
            event("e-11", "2026-02-22T08:00:00Z", .contentDownloaded(assetID: "roi-guide")),
            event("e-12", "2026-02-22T08:00:00Z", .leadScoreChanged(leadScore: 64)),
            event("e-13", "2026-02-23T08:00:00Z", .mqlChanged(mql: true)),
            event("e-14", "2026-02-24T10:00:00Z", .activityLogged(kind: .email)),
            event("e-15", "2026-02-24T10:30:00Z", .meetingBooked(meetingID: "m-1", startsAt: EventTime(rfc3339: "2026-03-02T15:00:00Z")!)),
            event("e-16", "2026-03-02T16:00:00Z", .meetingAttended(meetingID: "m-1")),
            event("e-17", "2026-03-03T10:00:00Z", .callLogged(durationMinutes: 22.5)),
            event("e-18", "2026-03-03T12:00:00Z", .salesEmailReplied),
            event("e-19", "2026-03-04T09:00:00Z", .dealCreated(DealChange(dealID: "d-1", stage: .qualifiedToBuy, amount: 40_000))),
            event("e-20", "2026-03-06T09:00:00Z", .dealStageChanged(DealChange(dealID: "d-1", stage: .presentationScheduled))),
            event("e-21", "2026-03-05T09:00:00Z", .dealCreated(DealChange(dealID: "d-2", stage: .closedLost))),
            event("e-22", "2026-03-06T10:00:00Z", .objectionRaised(topic: "price")),
            event("e-23", "2026-03-06T11:00:00Z", .leadAccepted),
            event("e-24", "2025-06-01T00:00:00Z", .customerStatusChanged(customer: true, since: EventTime(rfc3339: "2025-06-01T00:00:00Z"))),
            event("e-25", "2026-01-10T00:00:00Z", .ticketOpened(ticketID: "t-1")),
            event("e-26", "2026-01-12T00:00:00Z", .ticketClosed(ticketID: "t-1")),
            event("e-27", "2026-01-12T01:00:00Z", .csatSubmitted(score: 9)),
            event("e-28", "2026-02-12T01:00:00Z", .csatSubmitted(score: 7.5)),
            event("e-29", "2026-02-12T02:00:00Z", .npsSubmitted(score: 9)),
            event("e-30", "2026-02-13T00:00:00Z", .productUsageReported(usageScore: 82.7)),
            event("e-31", "2026-02-14T00:00:00Z", .expansionRecorded(amount: 1_250.5)),
            event("e-32", "2026-03-07T08:00:00Z", .overrideSet(OverrideRequest(status: .salesQualifiedLead, reason: "met at the fair",
                                                                                 setBy: "lead@example.com",
                                                                                 expiresAt: EventTime(rfc3339: "2026-04-01T00:00:00Z")))),
            event("e-33", "2026-03-08T12:00:00Z", .meetingNoShow(meetingID: "m-2")),
        ]
    }

    /// A state folded from `richEvents()` with offsets and an emitted qualification, as the service leaves it.
    static func richState() -> ContactState {
        var state = ContactState(contactID: "c-rich")
        for (index, event) in richEvents().enumerated() {
            let topic = event.type.rawValue.hasPrefix("service.") ? "service.events" : "sales.events"
            state.fold(event, from: EventSource(topic: topic, partition: 3, offset: Int64(100 + index)))
        }
        state.emitted = EmittedQualification(
            score: 71, status: "MARKETING_QUALIFIED_LEAD", nurtureTrack: "High-Potential",
            components: .init(marketing: 82.5, sales: 60, service: 100, demographic: 95, behavioral: 55),
            lifecycleStage: "marketingqualifiedlead", sqlEnteredAt: EventTime(rfc3339: "2026-02-01T00:00:00Z"),
            modelVersion: "cross-hub@3f9a1c2d", causingEventID: "e-22")
        return state
    }

    /// `emitted` as a version 1 or 2 snapshot decodes it: every count 1 and
    /// SQL entries 1 when `sqlEnteredAt` is set, the fields added in version 3 empty.
    static func emittedAsOlderVersionsDecode(_ emitted: EmittedQualification?) -> EmittedQualification? {
        guard var emitted else { return nil }
        emitted.overrideEventID = nil
        emitted.factorsFingerprint = 0
        emitted.qualifiedAt = nil
        emitted.counts = .init(qualifications: 1, propertyUpdates: 1, statusChanges: 1, trackChanges: 1,
                               sqlEntries: emitted.sqlEnteredAt == nil ? 0 : 1)
        return emitted
    }
}
