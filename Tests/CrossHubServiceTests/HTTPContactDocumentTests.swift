import Foundation
import Qualification
import Testing
@testable import CrossHubService

/// Renders the `/contacts/{id}` document from a folded contact and checks it against the values folded in.
@Suite struct HTTPContactDocumentTests {
    static let events = [
        #"{"event_id":"e1","contact_id":"c-7","type":"contact.profile_updated","occurred_at":"2026-03-01T09:00:00Z","data":{"email":"ada@example.com","firstname":"Ada","company":"Acme","industry":"Technology","employees":250,"job_title":"VP of Engineering","decision_maker":true}}"#,
        #"{"event_id":"e2","contact_id":"c-7","type":"marketing.lead_score_changed","occurred_at":"2026-03-02T09:00:00Z","data":{"lead_score":75}}"#,
        #"{"event_id":"e3","contact_id":"c-7","type":"marketing.form_submitted","occurred_at":"2026-03-03T09:00:00Z","data":{"form_id":"demo"}}"#,
        #"{"event_id":"e4","contact_id":"c-7","type":"sales.meeting_booked","occurred_at":"2026-03-04T09:00:00Z","data":{"meeting_id":"m1","starts_at":"2026-03-10T15:00:00Z"}}"#,
        #"{"event_id":"e5","contact_id":"c-7","type":"sales.deal_created","occurred_at":"2026-03-05T09:00:00Z","data":{"deal_id":"d1","stage":"Qualified to Buy","amount":12000}}"#,
        #"{"event_id":"e6","contact_id":"c-7","type":"service.nps_submitted","occurred_at":"2026-03-06T09:00:00Z","data":{"score":9}}"#,
    ]

    static func foldedState() throws -> ContactState {
        var state = ContactState(contactID: "c-7")
        for text in events {
            _ = state.fold(try EventDecoder().decode(Array(text.utf8)))
        }
        return state
    }

    @Test func documentCarriesStateFeaturesAndQualification() throws {
        let state = try Self.foldedState()
        let features = state.features()
        let result = Scorer.default.score(features)

        let text = ContactDocument.json(state: state, partition: 5, features: features, qualification: result)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])

        #expect(document["contact_id"] as? String == "c-7")
        #expect(document["partition"] as? Int == 5)

        let stateObject = try #require(document["state"] as? [String: Any])
        #expect(stateObject["folded_events"] as? Int == 6)
        #expect(stateObject["newest_event_at"] as? String == "2026-03-06T09:00:00Z")
        let marketing = try #require(stateObject["marketing"] as? [String: Any])
        let leadScore = try #require(marketing["lead_score"] as? [String: Any])
        #expect(leadScore["value"] as? Int == 75)
        #expect(leadScore["event_id"] as? String == "e2")
        #expect(marketing["form_submissions"] as? Int == 1)
        let sales = try #require(stateObject["sales"] as? [String: Any])
        let deals = try #require(sales["deals"] as? [[String: Any]])
        #expect(deals.count == 1)
        #expect(deals.first?["deal_id"] as? String == "d1")
        #expect(deals.first?["stage"] as? String == "qualifiedtobuy")
        #expect(deals.first?["amount"] as? Int == 12000)
        #expect((sales["latest_booking"] as? [String: Any])?["value"] as? [String: String]
            == ["meeting_id": "m1", "starts_at": "2026-03-10T15:00:00Z"])
        let service = try #require(stateObject["service"] as? [String: Any])
        #expect((service["nps"] as? [String: Any])?["value"] as? Int == 9)
        let profile = try #require(stateObject["profile"] as? [String: Any])
        #expect((profile["company"] as? [String: Any])?["value"] as? String == "Acme")
        #expect((profile["employees"] as? [String: Any])?["value"] as? Int == 250)

        let featureObject = try #require(document["features"] as? [String: Any])
        #expect(featureObject["lead_score"] as? Int == 75)
        #expect(featureObject["contact_id"] as? String == "c-7")

        let qualification = try #require(document["qualification"] as? [String: Any])
        #expect(qualification["score"] as? Int == result.score)
        #expect(qualification["status"] as? String == result.status.rawValue)
        #expect((qualification["factors"] as? [Any])?.count == result.factors.count)
        #expect(!result.factors.isEmpty)
    }

    @Test func documentLeavesOutPersonalData() throws {
        let state = try Self.foldedState()
        let features = state.features()
        let text = ContactDocument.json(state: state, partition: 0, features: features,
                                        qualification: Scorer.default.score(features))
        #expect(!text.contains("ada@example.com"))
        #expect(!text.contains("\"Ada\""))
    }

    @Test func newContactHasEmptySections() throws {
        let state = ContactState(contactID: "quote\"and\\slash")
        let features = state.features()
        let text = ContactDocument.json(state: state, partition: 1, features: features,
                                        qualification: Scorer.default.score(features))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])

        #expect(document["contact_id"] as? String == "quote\"and\\slash")
        let stateObject = try #require(document["state"] as? [String: Any])
        #expect(stateObject["folded_events"] as? Int == 0)
        #expect(stateObject["newest_event_at"] == nil)
        #expect(stateObject["override"] == nil)
        #expect(stateObject["applied_offsets"] as? [Any] != nil)
    }
}
