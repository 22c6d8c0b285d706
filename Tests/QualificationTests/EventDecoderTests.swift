import Foundation
import Testing
@testable import Qualification

@Test func fixturesDecodeOrFailAsExpected() throws {
    let fixtures = try EventFixture.load()
    #expect(fixtures.count > 100)
    for fixture in fixtures {
        do {
            _ = try decodeEvent(fixture.json)
            #expect(fixture.expectation == "valid", "decoded, expected \(fixture.expectation): \(fixture)")
        } catch let error as EventDecodingError {
            #expect(error.code.rawValue == fixture.expectation, "\(fixture)")
            #expect(error.description == fixture.message, "\(fixture)")
        }
    }
}

@Test func everyEventTypeHasAValidFixture() throws {
    let decodedTypes = Set(try EventFixture.load().filter { $0.expectation == "valid" }.map { try decodeEvent($0.json).type })
    for type in EventType.allCases {
        #expect(decodedTypes.contains(type), "no valid fixture for \(type.rawValue)")
    }
}

@Test func pageViewDecodesEveryField() throws {
    let event = try decodeEvent(#"""
    {"event_id":"e-1","contact_id":"c-9","type":"marketing.page_viewed",
     "occurred_at":"2026-03-04T15:20:00.250+01:00","data":{"url":"https://example.com/pricing","high_value":true}}
    """#)
    #expect(event.eventID == "e-1")
    #expect(event.contactID == "c-9")
    #expect(event.occurredAt == EventTime(rfc3339: "2026-03-04T14:20:00.250Z"))
    #expect(event.payload == .pageViewed(url: "https://example.com/pricing", highValue: true))
}

@Test func dataBeforeTypeDecodes() throws {
    let event = try decodeEvent(#"{"data":{"deal_id":"d-1","stage":"Contract Sent","amount":5e3},"type":"sales.deal_created","event_id":"e","contact_id":"c","occurred_at":"2026-01-01T00:00:00Z"}"#)
    #expect(event.payload == .dealCreated(DealChange(dealID: "d-1", stage: .contractSent, amount: 5000)))
}

@Test func profileUpdateDecodesEveryField() throws {
    let event = try decodeEvent(#"""
    {"event_id":"e","contact_id":"c","type":"contact.profile_updated","occurred_at":"2026-01-01T00:00:00Z",
     "data":{"email":"a@b.co","firstname":"Ana","lastname":"Ruiz","company":"Acme","industry":"Retail","employees":12,
     "company_size":"Small Business (11-100 employees)","annual_revenue":1.5e6,"job_title":"CEO","job_function":"Sales",
     "decision_maker":false,"owner_id":"u-1","owner_email":"o@b.co"}}
    """#)
    var expected = ProfileUpdate()
    expected.email = "a@b.co"
    expected.firstName = "Ana"
    expected.lastName = "Ruiz"
    expected.company = "Acme"
    expected.industry = "Retail"
    expected.employees = 12
    expected.companySize = "Small Business (11-100 employees)"
    expected.annualRevenue = 1_500_000
    expected.jobTitle = "CEO"
    expected.jobFunction = "Sales"
    expected.decisionMaker = false
    expected.ownerID = "u-1"
    expected.ownerEmail = "o@b.co"
    #expect(event.payload == .profileUpdated(expected))
}

@Test func escapedStringsDecode() throws {
    let event = try decodeEvent(#"{"event_id":"e\"1","contact_id":"c\\1","type":"marketing.page_viewed","occurred_at":"2026-01-01T00:00:00Z","data":{"url":"/\u00e9\ud83d\ude00\n"}}"#)
    #expect(event.eventID == "e\"1")
    #expect(event.contactID == "c\\1")
    #expect(event.payload == .pageViewed(url: "/é😀\n", highValue: nil))
}

@Test func escapedTypeNameDecodes() throws {
    let event = try decodeEvent(#"{"event_id":"e","contact_id":"c","type":"sales.lead\u005faccepted","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#)
    #expect(event.type == .leadAccepted)
}

@Test func oversizedPayloadIsRejectedBeforeParsing() {
    let decoder = EventDecoder(maxPayloadBytes: 65_536)
    let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 70_000)
    #expect(throws: EventDecodingError(.oversized, field: "payload", reason: "70000 bytes exceeds the 65536-byte limit")) {
        try decoder.decode(bytes)
    }
}

@Test func payloadLimitIsConfigurable() throws {
    let json = Array(#"{"event_id":"e","contact_id":"c","type":"sales.lead_accepted","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#.utf8)
    #expect(throws: EventDecodingError.self) { try EventDecoder(maxPayloadBytes: json.count - 1).decode(json) }
    #expect(try EventDecoder(maxPayloadBytes: json.count).decode(json).type == .leadAccepted)
}

@Test func deepNestingIsRejected() {
    let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    let json = #"{"event_id":"e","contact_id":"c","type":"sales.lead_accepted","occurred_at":"2026-01-01T00:00:00Z","data":{"x":"# + nested + "}}"
    do {
        _ = try EventDecoder(maxDepth: 32).decode(Array(json.utf8))
        Issue.record("decoded an event nested 42 levels deep")
    } catch {
        #expect(error.code == .invalidJSON)
        #expect(error.reason.hasSuffix("nesting deeper than 32 levels"))
    }
}

@Test func repeatedKnownFieldIsRejected() {
    let json = #"{"event_id":"e","event_id":"f","contact_id":"c","type":"sales.lead_accepted","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#
    #expect(throws: EventDecodingError(.invalidJSON, field: "event_id", reason: "duplicate key")) {
        try decodeEvent(json)
    }
    let inData = #"{"event_id":"e","contact_id":"c","type":"sales.call_logged","occurred_at":"2026-01-01T00:00:00Z","data":{"duration_minutes":1,"duration_minutes":2}}"#
    #expect(throws: EventDecodingError(.invalidJSON, field: "data.duration_minutes", reason: "duplicate key")) {
        try decodeEvent(inData)
    }
}

@Test func errorCodesAreStable() {
    #expect(EventDecodingError.Code.allCases.map(\.rawValue) == [
        "missing_field", "wrong_type", "out_of_range", "unknown_type", "bad_timestamp", "oversized", "invalid_json",
    ])
}

@Test func decodesFromFoundationData() throws {
    let data = Data(#"{"event_id":"e","contact_id":"c","type":"sales.email_replied","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#.utf8)
    #expect(try EventDecoder().decode(data).payload == .salesEmailReplied)
}
