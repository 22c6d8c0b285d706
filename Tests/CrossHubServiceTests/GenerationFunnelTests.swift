import Foundation
import Testing
@testable import CrossHubService

/// Checks the shape of a generated population from its events alone, as a
/// consumer would, without the generator's internal segments.
@Suite struct GenerationFunnelTests {
    // `nonisolated(unsafe)` is safe: the constant is built once, lazily and
    // thread-safely, and never mutated; only `Any` keeps it from being Sendable.
    nonisolated(unsafe) static let journeys: [String: [[String: Any]]] = {
        let batch = try? JourneyGenerator(options: generationOptions(contacts: 3_000, seed: 3)).generate()
        return batch.map(journeysByContact) ?? [:]
    }()

    private func share(_ predicate: ([[String: Any]]) -> Bool) -> Double {
        let journeys = Self.journeys
        return Double(journeys.values.filter(predicate).count) / Double(max(1, journeys.count))
    }

    private func has(_ type: String) -> ([[String: Any]]) -> Bool {
        { events in events.contains { eventType($0) == type } }
    }

    private func hasSalesTouch(_ events: [[String: Any]]) -> Bool {
        events.contains {
            let type = eventType($0)
            return type.hasPrefix("sales.") && type != "sales.deal_created" && type != "sales.deal_stage_changed"
        }
    }

    @Test func everyContactHasEvents() {
        #expect(Self.journeys.count == 3_000)
    }

    @Test func fewerContactsGoDeeperIntoFunnel() {
        let delivered = share(has("marketing.email_delivered"))
        let opened = share(has("marketing.email_opened"))
        let visited = share(has("marketing.page_viewed"))
        let submitted = share(has("marketing.form_submitted"))
        let met = share(has("sales.meeting_booked"))
        let deals = share(has("sales.deal_created"))

        #expect(delivered > 0.95)
        #expect(opened > 0.5)
        #expect(visited < opened)
        #expect(submitted < visited)
        #expect(met < submitted)
        #expect(deals < met)
        #expect(deals > 0.02)
    }

    @Test func mostContactsOnlyGetEmail() {
        let emailOnly = share { events in
            events.allSatisfy { ["marketing.email_delivered", "marketing.email_opened", "marketing.email_clicked",
                                 "contact.profile_updated", "marketing.lead_score_changed"].contains(eventType($0))
                || eventType($0).hasPrefix("service.") }
        }
        #expect(emailOnly > 0.3)
        #expect(emailOnly < 0.6)
    }

    @Test func dealsOnlyForContactsWithSalesTouches() {
        for (contact, events) in Self.journeys where has("sales.deal_created")(events) {
            #expect(hasSalesTouch(events), "contact \(contact) has a deal without any sales touch")
            #expect(has("sales.meeting_attended")(events), "contact \(contact) has a deal but attended no meeting")
        }
    }

    @Test func ticketsOnlyForCustomers() {
        let serviceTypes: Set = ["service.ticket_opened", "service.ticket_closed", "service.csat_submitted",
                                 "service.nps_submitted", "service.product_usage_reported",
                                 "service.expansion_recorded"]
        var customersWithTickets = 0
        for (contact, events) in Self.journeys {
            guard let firstService = events.firstIndex(where: { serviceTypes.contains(eventType($0)) }) else { continue }
            let becameCustomer = events[...firstService].contains {
                eventType($0) == "service.customer_status_changed" && eventData($0)["customer"] as? Bool == true
            }
            #expect(becameCustomer, "contact \(contact) has service events before becoming a customer")
            if has("service.ticket_opened")(events) { customersWithTickets += 1 }
        }
        #expect(customersWithTickets > 50)
    }

    @Test func wonDealsCarryAmount() {
        var wonDeals = 0
        for events in Self.journeys.values {
            for event in events where eventType(event) == "sales.deal_stage_changed" {
                let stage = eventData(event)["stage"] as? String
                guard stage == "Closed Won" || stage == "closedwon" else { continue }
                wonDeals += 1
                #expect((eventData(event)["amount"] as? Int ?? 0) > 0)
            }
        }
        #expect(wonDeals > 5)
    }

    @Test func dealStagesUseLabelsAndInternalIDs() {
        var stages = Set<String>()
        for events in Self.journeys.values {
            for event in events where eventType(event).hasPrefix("sales.deal_") {
                stages.insert(eventData(event)["stage"] as? String ?? "")
            }
        }
        #expect(stages.contains("Closed Won"))
        #expect(stages.contains("Contract Sent"))
        #expect(stages.contains("Closed Lost"))
        #expect(stages.contains("contractsent") || stages.contains("closedwon") || stages.contains("qualifiedtobuy"))
    }

    @Test func hotSegmentHasStrongLateSignals() {
        // Contacts with a late-stage deal, a decision maker and engagement in
        // the last two weeks of their journey: the population SQLs come from.
        let lateStages: Set = ["Decision Maker Bought-In", "decisionmakerboughtin", "Contract Sent", "contractsent",
                               "Closed Won", "closedwon"]
        let hot = share { events in
            let lateDeal = events.contains { eventType($0).hasPrefix("sales.deal_")
                && lateStages.contains(eventData($0)["stage"] as? String ?? "") }
            let decisionMaker = events.contains { eventData($0)["decision_maker"] as? Bool == true }
            return lateDeal && decisionMaker
        }
        #expect(hot > 0.005)
        #expect(hot < 0.08)
    }

    @Test func feedbackAndOverridesAppear() {
        #expect(share(has("sales.lead_accepted")) > 0.05)
        #expect(share(has("sales.lead_rejected")) > 0.005)
        #expect(share(has("qualification.override_set")) > 0)
        #expect(share(has("qualification.override_set")) < 0.02)
        #expect(share(has("marketing.mql_changed")) > 0.05)
    }

    @Test func profilesVaryInDepth() {
        var fields: [String: Int] = [:]
        var sizeAsCount = 0
        var sizeAsBand = 0
        for events in Self.journeys.values {
            for event in events where eventType(event) == "contact.profile_updated" {
                let data = eventData(event)
                #expect(!data.isEmpty)
                for key in data.keys { fields[key, default: 0] += 1 }
                if data["employees"] != nil { sizeAsCount += 1 }
                if data["company_size"] != nil { sizeAsBand += 1 }
            }
        }
        let expected = ["email", "firstname", "lastname", "company", "industry", "employees", "company_size",
                        "annual_revenue", "job_title", "job_function", "decision_maker", "owner_id", "owner_email"]
        for key in expected {
            #expect((fields[key] ?? 0) > 0, "no profile update sets \(key)")
        }
        #expect(sizeAsCount > 0)
        #expect(sizeAsBand > sizeAsCount)
        #expect((fields["email"] ?? 0) == Self.journeys.count)
    }

    @Test func engagementFrequencyVaries() {
        // Share of the eight weeks before each contact's newest event with a
        // page view, form, download, open or click.
        let engagementTypes: Set = ["marketing.page_viewed", "marketing.form_submitted",
                                    "marketing.content_downloaded", "marketing.email_opened",
                                    "marketing.email_clicked"]
        var buckets = [0, 0, 0]
        for events in Self.journeys.values {
            let times = events.compactMap { RFC3339Time.parse($0["occurred_at"] as? String ?? "") }
            guard let asOf = times.max() else { continue }
            let engaged = events.filter { engagementTypes.contains(eventType($0)) }
                .compactMap { RFC3339Time.parse($0["occurred_at"] as? String ?? "") }
            let weeks = Set(engaged.filter { asOf - $0 < 56 * 86_400 }.map { (asOf - $0) / (7 * 86_400) })
            let frequency = Double(weeks.count) / 8
            buckets[frequency < 0.2 ? 0 : (frequency < 0.6 ? 1 : 2)] += 1
        }
        for count in buckets {
            #expect(count > Self.journeys.count / 20, "engagement frequency buckets \(buckets)")
        }
    }
}
