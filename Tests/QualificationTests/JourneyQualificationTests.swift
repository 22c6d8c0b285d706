import Foundation
import Testing
@testable import Qualification

/// Journeys through the default model, with every component computed by hand from the reference rules.
/// Weights: marketing 0.25, sales 0.25, service 0.15, demographic 0.15, behavioral 0.20.

@Test func emailSubscriberStaysSubscriber() {
    let result = Scorer.default.score(Journeys.fold(Journeys.emailSubscriber()).features())
    // Open rate 0.5 > 0.2: 5 points. Recency 13 days: 20, frequency 0.25: 10, velocity 1: 40.
    #expect(result.components == ComponentScores(marketing: 5, sales: 0, service: 50, demographic: 0, behavioral: 70))
    // 1.25 + 0 + 7.5 + 0 + 14 = 22.75
    #expect(result.score == 23)
    #expect(result.status == .subscriber)
    #expect(result.contactID == "c-subscriber")
}

@Test func meetingProspectBecomesSalesQualified() {
    let result = Scorer.default.score(Journeys.fold(Journeys.meetingProspect()).features())
    // Marketing: 75 × 0.5 + 20 (MQL) + 5 (one form) + 6 (two high-value pages) = 68.5.
    // Sales: 20 (4 activities) + 25 (meeting) + 20 (deal) + 20 (Presentation Scheduled) + 5 (reply) + 15 (25-minute call), capped at 100.
    // Demographic: 25 (Technology) + 25 (Mid-Market) + 20 (50M revenue) + 20 (Director) + 25 (decision maker), capped at 100.
    // Behavioral: 30 (recency 1) + 10 (frequency 0.25) + 40 (velocity 1).
    #expect(result.components == ComponentScores(marketing: 68.5, sales: 100, service: 50, demographic: 100, behavioral: 80))
    // 17.125 + 25 + 7.5 + 15 + 16 = 80.625
    #expect(result.score == 81)
    #expect(result.status == .salesQualifiedLead)
}

@Test func ticketingCustomerScoresOnService() {
    let result = Scorer.default.score(Journeys.fold(Journeys.ticketingCustomer()).features())
    // Service: 50 + 20 (780 days) + 5 (CSAT 7.5) + 20 (NPS 10) + 0 (3 tickets) + 20 (usage 88) + 15 (expansion), capped at 100.
    // Behavioral: 25 (recency 3) + 15 (frequency 0.5) + 0 (velocity -1/7).
    #expect(result.components == ComponentScores(marketing: 0, sales: 0, service: 100, demographic: 0, behavioral: 40))
    // 0 + 0 + 15 + 0 + 8 = 23
    #expect(result.score == 23)
    #expect(result.status == .subscriber)
}

@Test func foldedFeaturesPassStrictDecoding() throws {
    for events in [Journeys.emailSubscriber(), Journeys.meetingProspect(), Journeys.ticketingCustomer(), SampleStates.richEvents()] {
        let features = Journeys.fold(events).features()
        let decoded = try LeadFeatures(strictJSONData: Data(features.jsonText.utf8))
        #expect(decoded == features)
    }
}
