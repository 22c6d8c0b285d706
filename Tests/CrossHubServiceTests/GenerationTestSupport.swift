import Foundation
@testable import CrossHubService

/// Generator options for tests: a small population with the default window.
func generationOptions(contacts: Int, seed: UInt64 = 7, duplicateRate: Double = 0,
                       invalidRate: Double = 0) -> JourneyGeneratorOptions {
    var options = JourneyGeneratorOptions()
    options.contacts = contacts
    options.seed = seed
    options.duplicateRate = duplicateRate
    options.invalidRate = invalidRate
    return options
}

/// Returns the batch written in `format`, as the CLI would write it.
func outputBytes(_ batch: GeneratedEventBatch, format: GeneratedEventFormat = .jsonl) -> [UInt8] {
    var bytes: [UInt8] = []
    batch.write(format: format) { chunk in bytes.append(contentsOf: chunk) }
    return bytes
}

/// Parses a line's value as a JSON object; nil for anything else.
func jsonObject(_ event: GeneratedEvent) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(event.value))) as? [String: Any]
}

/// Every event type of the input catalog, with the topic family it is routed to.
let catalogTypes: [String: InputTopicFamily] = [
    "marketing.page_viewed": .marketing, "marketing.form_submitted": .marketing,
    "marketing.content_downloaded": .marketing, "marketing.email_delivered": .marketing,
    "marketing.email_opened": .marketing, "marketing.email_clicked": .marketing,
    "marketing.lead_score_changed": .marketing, "marketing.mql_changed": .marketing,
    "contact.profile_updated": .marketing,
    "sales.activity_logged": .sales, "sales.meeting_booked": .sales, "sales.meeting_attended": .sales,
    "sales.meeting_no_show": .sales, "sales.call_logged": .sales, "sales.email_replied": .sales,
    "sales.deal_created": .sales, "sales.deal_stage_changed": .sales, "sales.objection_raised": .sales,
    "sales.lead_accepted": .sales, "sales.lead_rejected": .sales,
    "qualification.override_set": .sales, "qualification.override_cleared": .sales,
    "service.customer_status_changed": .service, "service.ticket_opened": .service,
    "service.ticket_closed": .service, "service.csat_submitted": .service, "service.nps_submitted": .service,
    "service.product_usage_reported": .service, "service.expansion_recorded": .service,
]

/// Returns each contact's journey events, without duplicates or invalid
/// lines, as parsed JSON objects in output order.
func journeysByContact(_ batch: GeneratedEventBatch) -> [String: [[String: Any]]] {
    var journeys: [String: [[String: Any]]] = [:]
    for index in 0..<batch.count {
        let event = batch.event(at: index)
        guard event.origin == .journey, let object = jsonObject(event) else { continue }
        journeys[event.key, default: []].append(object)
    }
    return journeys
}

/// Returns a journey event's `type`.
func eventType(_ object: [String: Any]) -> String {
    object["type"] as? String ?? ""
}

/// Returns a journey event's `data` object.
func eventData(_ object: [String: Any]) -> [String: Any] {
    object["data"] as? [String: Any] ?? [:]
}
