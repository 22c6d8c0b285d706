import Foundation
import Testing
@testable import CrossHubService

@Suite struct GenerationInjectionTests {
    @Test func duplicateRateIsRoughlyAsRequested() throws {
        let summary = try JourneyGenerator(options: generationOptions(contacts: 1_500, duplicateRate: 0.1)).generate().summary
        let rate = Double(summary.duplicates) / Double(summary.journeyEvents)

        #expect(summary.journeyEvents > 50_000)
        #expect(abs(rate - 0.1) < 0.01, "duplicate rate \(rate)")
        #expect(summary.invalidLineCount == 0)
    }

    @Test func invalidRateIsRoughlyAsRequested() throws {
        let summary = try JourneyGenerator(options: generationOptions(contacts: 1_500, invalidRate: 0.05)).generate().summary
        let rate = Double(summary.invalidLineCount) / Double(summary.lines)

        #expect(abs(rate - 0.05) < 0.005, "invalid line rate \(rate)")
        #expect(summary.duplicates == 0)
        for kind in InvalidLineKind.allCases {
            #expect((summary.invalidLines[kind] ?? 0) > 0, "no \(kind.rawValue) line")
        }
    }

    @Test func zeroRatesInjectNothing() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 300)).generate()

        #expect(batch.events.allSatisfy { $0.origin == .journey })
        #expect(batch.summary.lines == batch.summary.journeyEvents)
    }

    @Test func duplicatesRepeatOriginalBytes() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 300, duplicateRate: 0.2)).generate()
        let originals = Set(batch.events.filter { $0.origin == .journey }.map(\.value))
        let duplicates = batch.events.filter { $0.origin == .duplicate }

        #expect(!duplicates.isEmpty)
        for duplicate in duplicates {
            #expect(originals.contains(duplicate.value))
        }
    }

    @Test func invalidLinesBreakContract() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 800, invalidRate: 0.1)).generate()
        let invalid = batch.events.filter { if case .invalid = $0.origin { true } else { false } }
        #expect(invalid.count > 1_000)

        for event in invalid {
            guard case .invalid(let kind) = event.origin else { continue }
            let text = String(decoding: event.value, as: UTF8.self)
            let object = jsonObject(event)
            #expect(!event.value.contains(UInt8(ascii: "\n")))
            #expect(!event.value.contains(UInt8(ascii: "\t")))
            #expect(event.key.hasPrefix("c-"))

            switch kind {
            case .malformedJSON:
                #expect(object == nil, "parses as JSON: \(text)")
            case .unknownType:
                let type = try #require(object?["type"] as? String)
                #expect(catalogTypes[type] == nil, "type \(type) is in the catalog")
            case .missingField:
                let object = try #require(object)
                let envelopeComplete = ["event_id", "contact_id", "type", "occurred_at", "data"]
                    .allSatisfy { object[$0] != nil }
                let data = object["data"] as? [String: Any]
                #expect(!envelopeComplete || data?.isEmpty == true, "nothing missing: \(text)")
            case .badTimestamp:
                let occurredAt = try #require(object?["occurred_at"] as? String)
                #expect(RFC3339Time.parse(occurredAt) == nil, "valid timestamp \(occurredAt)")
            case .oversized:
                #expect(event.value.count > 65_536)
            case .wrongType, .outOfRange:
                // Checked field by field against the schema in GenerationSchemaTests.
                #expect(object != nil || kind == .wrongType, "not JSON: \(text)")
            }
        }
    }

    @Test func kcatLinesCarryKeyAndTab() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 200, duplicateRate: 0.05,
                                                                    invalidRate: 0.05)).generate()
        let text = String(decoding: outputBytes(batch, format: .kcat), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        #expect(lines.count == batch.count + 1)
        #expect(lines.last == "")
        for (index, line) in lines.dropLast().enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 2)
            #expect(String(fields[0]) == batch.event(at: index).key)
            #expect(Array(fields[1].utf8) == batch.event(at: index).value)
        }
    }

    @Test func topicFilterKeepsOneTopicInOrder() throws {
        var options = generationOptions(contacts: 300, duplicateRate: 0.05, invalidRate: 0.02)
        let all = try JourneyGenerator(options: options).generate().events
        options.family = .sales
        let sales = try JourneyGenerator(options: options).generate().events

        #expect(!sales.isEmpty)
        #expect(sales.allSatisfy { $0.topic == "sales.events" })
        #expect(sales == all.filter { $0.topic == "sales.events" })
    }

    @Test func idPrefixSeparatesPopulations() throws {
        var options = generationOptions(contacts: 50)
        options.contactIDPrefix = "eu-"
        let events = try JourneyGenerator(options: options).generate().events

        #expect(events.allSatisfy { $0.key.hasPrefix("eu-") })
        #expect(events.allSatisfy { (jsonObject($0)?["event_id"] as? String)?.hasPrefix("eu-") == true })
    }
}
