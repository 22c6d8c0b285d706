import Qualification

extension BenchFoldCommand {
    /// A contact state filled to every bound: the most campaigns, deals, event
    /// ids and touches the state keeps, each with the longest identifiers the
    /// decoder accepts, every profile field at its maximum length and set by
    /// its own event, and an emitted qualification.
    static func worstCaseState() -> ContactState {
        let contactID = String(repeating: "c", count: 128)
        var state = ContactState(contactID: contactID)
        let start = EventTime(rfc3339: "2026-01-01T00:00:00Z")!
        var sequence = 0

        func fold(_ payload: EventPayload, day: Int) {
            sequence += 1
            let eventID = String(sequence).padding(toLength: 128, withPad: "e", startingAt: 0)
            state.fold(Event(eventID: eventID, contactID: contactID, occurredAt: start.adding(days: day), payload: payload))
        }
        func long(_ prefix: String, _ length: Int) -> String {
            prefix.padding(toLength: length, withPad: "x", startingAt: 0)
        }

        for index in 0..<EmailCampaignWindow.campaignLimit {
            fold(.emailClicked(campaignID: long("campaign-\(index)-", 128)), day: 60 + index % 30)
        }
        for index in 0..<DealBook.dealLimit {
            fold(.dealCreated(DealChange(dealID: long("deal-\(index)-", 128), stage: .contractSent, amount: 1e6)), day: 89)
        }
        let profileFields: [(inout ProfileUpdate) -> Void] = [
            { $0.email = long("a@", 254) }, { $0.firstName = long("f", 256) }, { $0.lastName = long("l", 256) },
            { $0.company = long("c", 256) }, { $0.industry = long("i", 256) }, { $0.employees = 10_000_000 },
            { $0.companySize = "Enterprise (1000+ employees)" }, { $0.annualRevenue = 1e15 },
            { $0.jobTitle = long("t", 256) }, { $0.jobFunction = long("j", 256) }, { $0.decisionMaker = true },
            { $0.ownerID = long("o", 128) }, { $0.ownerEmail = long("o@", 254) },
        ]
        for setField in profileFields {
            var update = ProfileUpdate()
            setField(&update)
            fold(.profileUpdated(update), day: 89)
        }
        fold(.leadScoreChanged(leadScore: 100), day: 89)
        fold(.mqlChanged(mql: true), day: 89)
        fold(.npsSubmitted(score: 10), day: 89)
        fold(.productUsageReported(usageScore: 99.9), day: 89)
        fold(.customerStatusChanged(customer: true, since: start), day: 89)
        fold(.meetingBooked(meetingID: long("m", 128), startsAt: start.adding(days: 95)), day: 89)
        fold(.leadRejected(reason: long("r", 1000)), day: 89)
        fold(.overrideSet(OverrideRequest(status: .salesQualifiedLead, reason: long("r", 1000), setBy: long("s", 256),
                                          expiresAt: start.adding(days: 120))), day: 89)
        for index in 0..<56 {
            fold(.pageViewed(url: long("https://www.example.com/\(index)/", 2048), highValue: true), day: 34 + index)
        }
        for topic in ["marketing.events", "sales.events", "service.events"] {
            state.fold(Event(eventID: long("offset-\(topic)", 128), contactID: contactID, occurredAt: start.adding(days: 89),
                             payload: .salesEmailReplied),
                       from: EventSource(topic: topic, partition: Int32.max, offset: Int64.max))
        }
        state.emitted = EmittedQualification(
            score: 100, status: "SALES_QUALIFIED_LEAD", nurtureTrack: "Sales Ready",
            components: .init(marketing: 100, sales: 100, service: 100, demographic: 100, behavioral: 100),
            lifecycleStage: "salesqualifiedlead", sqlEnteredAt: start, modelVersion: long("model@", 64),
            causingEventID: long("e", 128))
        return state
    }
}
