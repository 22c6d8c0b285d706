import Foundation

/// Event lines for crafted histories, in the input event contract.
enum CraftedJourney {
    static func event(_ id: String, _ contact: String, _ type: String, _ time: String, _ data: String = "{}") -> String {
        #"{"event_id":"\#(id)","contact_id":"\#(contact)","type":"\#(type)","occurred_at":"\#(time)","data":\#(data)}"#
    }

    /// Returns the 12 events of a contact that scores SQL (81 with the default model): a CEO and
    /// decision maker at a large target-industry company who engages with marketing and sales on one day.
    static func sql(_ contact: String, day: Int) -> [String] {
        let time = { (hour: Int, minute: Int) in String(format: "2026-01-%02dT%02d:%02d:00Z", day, hour, minute) }
        let steps: [(type: String, data: String)] = [
            ("contact.profile_updated", #"{"job_title":"CEO","decision_maker":true,"job_function":"Sales","industry":"Technology","company_size":"Enterprise (1000+ employees)"}"#),
            ("marketing.lead_score_changed", #"{"lead_score":95}"#),
            ("sales.meeting_attended", #"{"meeting_id":"m-1"}"#),
            ("sales.deal_created", #"{"deal_id":"d-\#(contact)","stage":"Contract Sent","amount":50000}"#),
            ("sales.email_replied", "{}"),
            ("marketing.form_submitted", #"{"form_id":"demo"}"#),
            ("marketing.content_downloaded", #"{"asset_id":"guide"}"#),
            ("marketing.form_submitted", #"{"form_id":"pricing"}"#),
            ("marketing.email_delivered", #"{"campaign_id":"c1"}"#),
            ("marketing.email_opened", #"{"campaign_id":"c1"}"#),
            ("marketing.email_clicked", #"{"campaign_id":"c1"}"#),
            ("sales.call_logged", #"{"duration_minutes":30}"#),
        ]
        return steps.enumerated().map { index, step in
            event("\(contact)-\(index + 1)", contact, step.type, time(8 + index, 0), step.data)
        }
    }
}
