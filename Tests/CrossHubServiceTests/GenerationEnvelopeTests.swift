import Foundation
import Testing
@testable import CrossHubService

@Suite struct GenerationEnvelopeTests {
    @Test func everyEventCarriesValidEnvelope() throws {
        let options = generationOptions(contacts: 500, duplicateRate: 0.05)
        let batch = try JourneyGenerator(options: options).generate()
        let window = options.start...options.end
        #expect(batch.count > 5_000)

        for event in batch.events {
            let object = try #require(jsonObject(event), "line is not a JSON object: \(String(decoding: event.value, as: UTF8.self))")
            #expect(Set(object.keys) == ["event_id", "contact_id", "type", "occurred_at", "data"])

            let eventID = try #require(object["event_id"] as? String)
            #expect((1...128).contains(eventID.utf8.count))
            let contactID = try #require(object["contact_id"] as? String)
            #expect((1...128).contains(contactID.utf8.count))
            #expect(contactID == event.key)

            let type = try #require(object["type"] as? String)
            #expect(catalogTypes[type] != nil, "unknown type \(type)")
            #expect(type == event.eventType)

            let occurredAt = try #require(object["occurred_at"] as? String)
            let seconds = try #require(RFC3339Time.parse(occurredAt), "invalid timestamp \(occurredAt)")
            #expect(window.contains(seconds), "\(occurredAt) is outside the window")
            #expect(seconds == event.occurredAt)

            #expect(object["data"] is [String: Any])
            #expect(!event.value.contains(UInt8(ascii: "\n")))
            #expect(!event.value.contains(UInt8(ascii: "\t")))
        }
    }

    @Test func linesAreOrderedByTimeThenEventID() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 300, duplicateRate: 0.1)).generate()
        let events = batch.events

        for (previous, next) in zip(events, events.dropFirst()) {
            #expect(previous.occurredAt <= next.occurredAt)
            if previous.occurredAt == next.occurredAt, let left = jsonObject(previous)?["event_id"] as? String,
               let right = jsonObject(next)?["event_id"] as? String {
                #expect(Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)) || left == right)
            }
        }
    }

    @Test func shuffleKeepsLinesAndChangesOrder() throws {
        var options = generationOptions(contacts: 200, duplicateRate: 0.05, invalidRate: 0.02)
        let ordered = try JourneyGenerator(options: options).generate().events.map(\.value)
        options.shuffle = true
        let shuffled = try JourneyGenerator(options: options).generate().events.map(\.value)

        #expect(shuffled != ordered)
        #expect(shuffled.sorted { $0.lexicographicallyPrecedes($1) } == ordered.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func eventIDsAreUniqueExceptDuplicates() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 500, duplicateRate: 0.1,
                                                                    invalidRate: 0.05)).generate()
        var journeyIDs = Set<String>()
        var duplicateIDs: [String] = []

        for event in batch.events {
            switch event.origin {
            case .journey:
                let id = try #require(jsonObject(event)?["event_id"] as? String)
                #expect(journeyIDs.insert(id).inserted, "event id \(id) appears twice")
            case .duplicate:
                duplicateIDs.append(try #require(jsonObject(event)?["event_id"] as? String))
            case .invalid:
                if let id = jsonObject(event)?["event_id"] as? String {
                    #expect(!journeyIDs.contains(id), "invalid line reuses journey event id \(id)")
                }
            }
        }
        #expect(!duplicateIDs.isEmpty)
        for id in duplicateIDs {
            #expect(journeyIDs.contains(id), "duplicate \(id) has no original")
        }
    }

    @Test func localTimesKeepInstants() throws {
        var options = generationOptions(contacts: 200)
        let utc = try JourneyGenerator(options: options).generate().events
        options.localTimes = true
        let local = try JourneyGenerator(options: options).generate().events
        #expect(utc.count == local.count)

        var offsets = Set<String>()
        for (utcEvent, localEvent) in zip(utc, local) {
            let utcText = try #require(jsonObject(utcEvent)?["occurred_at"] as? String)
            let localText = try #require(jsonObject(localEvent)?["occurred_at"] as? String)
            #expect(RFC3339Time.parse(localText) == RFC3339Time.parse(utcText), "\(localText) is not \(utcText)")
            #expect(localEvent.occurredAt == utcEvent.occurredAt)
            offsets.insert(String(localText.dropFirst(19)))
        }
        #expect(offsets.contains("Z"))
        #expect(offsets.contains("-05:00"))
        #expect(offsets.contains("+09:00"))
    }

    @Test func eventsEndAtGivenEnd() throws {
        var options = generationOptions(contacts: 100)
        options.end = try #require(RFC3339Time.parse("2024-07-01T12:00:00+02:00"))
        options.days = 30
        let events = try JourneyGenerator(options: options).generate().events

        let first = try #require(events.first)
        let last = try #require(events.last)
        #expect(first.occurredAt >= options.end - 30 * 86_400)
        #expect(last.occurredAt <= options.end)
        #expect(RFC3339Time.format(options.end) == "2024-07-01T10:00:00Z")
    }

    @Test func timestampsRoundTrip() throws {
        let cases: [(String, Int64)] = [
            ("1970-01-01T00:00:00Z", 0),
            ("2000-02-29T23:59:59Z", 951_868_799),
            ("2026-03-01T00:00:00Z", 1_772_323_200),
            ("2024-12-31T12:30:45Z", 1_735_648_245),
        ]
        for (text, seconds) in cases {
            #expect(RFC3339Time.parse(text) == seconds)
            #expect(RFC3339Time.format(seconds) == text)
        }
        #expect(RFC3339Time.parse("2026-03-01T01:30:00.250+01:30") == 1_772_323_200)
        #expect(RFC3339Time.parse("2026-02-28T19:00:00-05:00") == 1_772_323_200)
    }

    @Test func invalidTimestampsAreRejected() {
        let invalid = [
            "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-01-15 10:00:00Z", "2026-01-15T10:00:00",
            "2026-01-15T24:00:00Z", "2026-01-15T10:00:60Z", "2026-01-15T10:00:00+1:00", "yesterday", "",
            "2026-01-15T10:00:00.Z", "2026-01-15T10:00:00Zjunk",
        ]
        for text in invalid {
            #expect(RFC3339Time.parse(text) == nil, "accepted \(text)")
        }
    }

    @Test func invalidOptionsAreRejected() {
        var options = generationOptions(contacts: 0)
        #expect(throws: JourneyGeneratorOptionsError.self) { try options.validate() }

        options = generationOptions(contacts: 10, invalidRate: 0.6)
        #expect(throws: JourneyGeneratorOptionsError(option: "--invalid-rate", value: "0.6",
                                                     expected: "a share from 0 to 0.5")) {
            try options.validate()
        }

        options = generationOptions(contacts: 10, duplicateRate: -0.1)
        #expect(throws: JourneyGeneratorOptionsError.self) { try options.validate() }

        options = generationOptions(contacts: 10)
        options.contactIDPrefix = "bad prefix"
        #expect(throws: JourneyGeneratorOptionsError.self) { try options.validate() }

        options = generationOptions(contacts: 10)
        options.end = 0
        #expect(throws: JourneyGeneratorOptionsError.self) { try options.validate() }
    }
}
