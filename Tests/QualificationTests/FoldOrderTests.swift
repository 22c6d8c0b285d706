import Testing
@testable import Qualification

private func allJourneys() -> [[Event]] {
    [SampleStates.richEvents(), Journeys.emailSubscriber(), Journeys.meetingProspect(), Journeys.ticketingCustomer()]
}

@Test func shuffledEventsGiveIdenticalFeatures() {
    var generator = SplitMix64(seed: 42)
    for events in allJourneys() {
        let expected = Journeys.fold(events).features()
        for _ in 0..<50 {
            #expect(Journeys.fold(events.shuffled(using: &generator)).features() == expected)
        }
    }
}

@Test func duplicatedEventsGiveIdenticalFeatures() {
    var generator = SplitMix64(seed: 7)
    for events in allJourneys() {
        let expected = Journeys.fold(events)
        for _ in 0..<20 {
            let duplicates = events.filter { _ in Bool.random(using: &generator) }
            var state = ContactState(contactID: events[0].contactID)
            var outcomes: [FoldOutcome] = []
            for event in (events + duplicates).shuffled(using: &generator) {
                outcomes.append(state.fold(event))
            }
            #expect(state.features() == expected.features())
            #expect(outcomes.filter { $0 == .duplicateEventID }.count == duplicates.count)
            #expect(state.foldedEventCount == events.count)
        }
    }
}

@Test func sameInstantTieGoesToHigherEventID() {
    let low = makeEvent("e-100", .leadScoreChanged(leadScore: 10), at: "2026-01-01T00:00:00Z")
    let high = makeEvent("e-200", .leadScoreChanged(leadScore: 90), at: "2026-01-01T00:00:00Z")
    #expect(Journeys.fold([low, high]).features().leadScore == 90)
    #expect(Journeys.fold([high, low]).features().leadScore == 90)
}

@Test func profileFieldsTakeNewestValueEach() {
    var first = ProfileUpdate()
    first.jobTitle = "Manager"
    first.industry = "Retail"
    var second = ProfileUpdate()
    second.jobTitle = "Director"
    let older = makeEvent("e-1", .profileUpdated(first), at: "2026-01-01T00:00:00Z")
    let newer = makeEvent("e-2", .profileUpdated(second), at: "2026-02-01T00:00:00Z")
    for order in [[older, newer], [newer, older]] {
        let features = Journeys.fold(order).features()
        #expect(features.jobTitle == "Director")
        #expect(features.industry == "Retail")
    }
}

@Test func companySizeTakesNewerOfBandAndCount() {
    var band = ProfileUpdate()
    band.companySize = "Startup (1-10 employees)"
    var count = ProfileUpdate()
    count.employees = 1200
    let bandFirst = [makeEvent("e-1", .profileUpdated(band), at: "2026-01-01T00:00:00Z"),
                     makeEvent("e-2", .profileUpdated(count), at: "2026-02-01T00:00:00Z")]
    #expect(Journeys.fold(bandFirst).features().companySize == .employees(1200))
    #expect(Journeys.fold(bandFirst.reversed()).features().companySize == .employees(1200))
}

@Test func appliedOffsetsSkipReplayedRecords() {
    var state = ContactState(contactID: "c-1")
    let first = makeEvent("e-1", .formSubmitted(formID: "f"), at: "2026-01-01T00:00:00Z")
    let second = makeEvent("e-2", .formSubmitted(formID: "g"), at: "2026-01-02T00:00:00Z")
    #expect(state.fold(first, from: EventSource(topic: "marketing.events", partition: 0, offset: 10)) == .folded)
    #expect(state.fold(second, from: EventSource(topic: "marketing.events", partition: 0, offset: 11)) == .folded)
    // A replay of offset 10 with a new event id is still skipped by offset.
    let replay = makeEvent("e-other", .formSubmitted(formID: "f"), at: "2026-01-01T00:00:00Z")
    #expect(state.fold(replay, from: EventSource(topic: "marketing.events", partition: 0, offset: 10)) == .alreadyApplied(lastAppliedOffset: 11))
    // Another topic's offsets are independent.
    #expect(state.fold(replay, from: EventSource(topic: "sales.events", partition: 0, offset: 3)) == .folded)
    #expect(state.appliedOffsets.offset(topic: "marketing.events", partition: 0) == 11)
    #expect(state.marketing.formSubmissions == 3)
}

@Test func overrideNewestDecisionWins() {
    let set = makeEvent("o-1", .overrideSet(OverrideRequest(status: .lead, reason: "r", setBy: "u", expiresAt: nil)), at: "2026-01-01T00:00:00Z")
    let cleared = makeEvent("o-2", .overrideCleared, at: "2026-01-02T00:00:00Z")
    let now = EventTime(rfc3339: "2026-01-03T00:00:00Z")!
    #expect(Journeys.fold([set, cleared]).activeOverride(at: now) == nil)
    #expect(Journeys.fold([cleared, set]).activeOverride(at: now) == nil)
    let active = Journeys.fold([set]).activeOverride(at: now)
    #expect(active?.value.status == .lead)
    #expect(active?.eventID == "o-1")
    #expect(active?.occurredAt == EventTime(rfc3339: "2026-01-01T00:00:00Z"))
}

@Test func overrideExpires() {
    let expiry = EventTime(rfc3339: "2026-02-01T00:00:00Z")!
    let set = makeEvent("o-1", .overrideSet(OverrideRequest(status: .salesQualifiedLead, reason: "r", setBy: "u", expiresAt: expiry)),
                        at: "2026-01-01T00:00:00Z")
    let state = Journeys.fold([set])
    #expect(state.activeOverride(at: EventTime(rfc3339: "2026-01-31T23:59:59Z")!) != nil)
    #expect(state.activeOverride(at: expiry) == nil)
}

@Test func stateStaysBoundedOverLongHistories() {
    var state = ContactState(contactID: "c-busy")
    var generator = SplitMix64(seed: 3)
    let start = EventTime(rfc3339: "2024-01-01T00:00:00Z")!
    for index in 0..<20_000 {
        let time = start.adding(days: index / 20)
        let payload: EventPayload = switch index % 5 {
        case 0: .emailDelivered(campaignID: "campaign-\(index / 5)")
        case 1: .emailOpened(campaignID: "campaign-\(index / 5)")
        case 2: .pageViewed(url: "/page/\(UInt8.random(in: 0...255, using: &generator))", highValue: nil)
        case 3: .dealStageChanged(DealChange(dealID: "d-\(index)", stage: .qualifiedToBuy))
        default: .csatSubmitted(score: 8)
        }
        state.fold(Event(eventID: "e-\(index)", contactID: "c-busy", occurredAt: time, payload: payload))
    }
    #expect(state.marketing.email.campaigns.count <= EmailCampaignWindow.campaignLimit)
    #expect(state.sales.deals.deals.count == DealBook.dealLimit)
    #expect(state.recentEventIDs.hashes.count == RecentEventIDs.capacity)
    #expect(state.touches.touches.count == RecentTouches.capacity)
    #expect(state.snapshotBytes().count < 16_384)
    #expect(state.features().averageCSAT == 8)
}

@Test func engagementOutsideWindowsOnlyMovesRecency() {
    let recent = makeEvent("e-1", .formSubmitted(formID: "f"), at: "2026-03-01T00:00:00Z")
    let ancient = makeEvent("e-2", .formSubmitted(formID: "g"), at: "2025-01-01T00:00:00Z")
    let features = Journeys.fold([recent, ancient]).features()
    #expect(features.numFormSubmissions == 2)
    #expect(features.engagementFrequency == 0.125)
    #expect(features.engagementVelocity == 1)
    #expect(features == Journeys.fold([ancient, recent]).features())
}

@Test func duplicateOlderThanBoundFoldsAgain() {
    var state = ContactState(contactID: "c-1")
    let first = makeEvent("e-first", .formSubmitted(formID: "f"), at: "2026-01-01T00:00:00Z")
    #expect(state.fold(first) == .folded)
    for index in 0..<(RecentEventIDs.capacity - 1) {
        state.fold(makeEvent("e-\(index)", .pageViewed(url: "/\(index)", highValue: nil), at: "2026-01-02T00:00:00Z"))
    }
    // 64 ids are remembered: the first is still among them.
    #expect(state.fold(first) == .duplicateEventID)
    state.fold(makeEvent("e-one-more", .pageViewed(url: "/x", highValue: nil), at: "2026-01-02T00:00:00Z"))
    // Now it has been dropped, so a late duplicate counts again.
    #expect(state.fold(first) == .folded)
    #expect(state.marketing.formSubmissions == 2)
}

@Test func recentEventIDsKeepArrivalOrder() {
    var ids = RecentEventIDs()
    for index in 0..<70 {
        ids.insert("e-\(index)")
    }
    #expect(ids.hashes == (6..<70).map { RecentEventIDs.hash("e-\($0)") })
    #expect(ids.contains("e-69"))
    #expect(ids.contains("e-6"))
    #expect(!ids.contains("e-5"))
    #expect(RecentEventIDs(hashes: ids.hashes) == ids)
}

@Test func stateCopiesDoNotShareProfile() {
    var original = Journeys.fold(Journeys.meetingProspect())
    let copy = original
    var update = ProfileUpdate()
    update.jobTitle = "CEO"
    original.fold(makeEvent("p-99", .profileUpdated(update), at: "2026-03-13T00:00:00Z", contact: "c-prospect"))
    #expect(original.profile.jobTitle?.value == "CEO")
    #expect(copy.profile.jobTitle?.value == "Director of Sales")
}
