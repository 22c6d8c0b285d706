import Foundation
import Testing
@testable import Qualification

@Suite struct ScoringFeatureDecodingTests {
    @Test(arguments: [
        (#"{"nps": 3}"#, "nps: unknown field; schemas/features.schema.json lists the feature names"),
        (#"{"lead_score": "high"}"#, #"lead_score: expected an integer, got "high""#),
        (#"{"nps_score": 7.5}"#, "nps_score: expected an integer, got 7.5"),
        (#"{"email_open_rate": "35%"}"#, #"email_open_rate: expected a number, got "35%""#),
        (#"{"decision_maker": "Yes"}"#, #"decision_maker: expected true or false, got "Yes""#),
        (#"{"meeting_showed": 1}"#, "meeting_showed: expected true or false, got 1"),
        (#"{"industry": 12}"#, "industry: expected a string, got 12"),
        (#"{"company_size": true}"#, "company_size: expected a band label or an employee count, got true"),
        (#"{"company_size": 25.5}"#, "company_size: expected a band label or an employee count, got 25.5"),
        (#"{"job_title": ["CEO"]}"#, #"job_title: expected a string, got ["CEO"]"#),
        (#"[1, 2]"#, "expected a JSON object, got [1,2]"),
        (#"{"lead_score": 1,}"#, "invalid JSON at byte 17: unexpected '}', expected a string key"),
    ])
    func rejectsWithFieldAndReason(document: String, message: String) {
        do {
            _ = try features(document)
            Issue.record("accepted \(document)")
        } catch let error as FeatureDocumentError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func longValuesAreShortenedInMessages() {
        let long = String(repeating: "x", count: 200)
        do {
            _ = try features(#"{"lead_score": "\#(long)"}"#)
            Issue.record("accepted a string lead score")
        } catch let error as FeatureDocumentError {
            #expect(error.field == "lead_score")
            #expect(error.reason.count < 100)
            #expect(error.reason.hasSuffix("..."))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func nullIsAbsent() throws {
        let document = try features(#"{"contact_id": "c-1", "nps_score": null, "industry": null}"#)
        #expect(document.npsScore == nil)
        #expect(document.industry == nil)
        #expect(document.contactID == "c-1")
    }

    @Test func integralNumbersAcceptedForIntegers() throws {
        #expect(try features(#"{"nps_score": 7.0}"#).npsScore == 7)
        #expect(try features(#"{"engagement_frequency": 1}"#).engagementFrequency == 1.0)
        #expect(try features(#"{"company_size": 250}"#).companySize == .employees(250))
        #expect(try features(#"{"company_size": "Startup (1-10 employees)"}"#).companySize == .band("Startup (1-10 employees)"))
    }

    /// The strict decoder and `LeadFeatures`' own `Codable` agree on every golden document.
    @Test func agreesWithCodableOnGoldenFeatures() throws {
        let url = try #require(Bundle.module.url(forResource: "scoring-vectors", withExtension: "jsonl", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var count = 0
        for line in text.split(separator: "\n") {
            let json = try JSONValue.parse(String(line))
            let featuresJSON = try #require(json["features"])
            let strict = try LeadFeatures(strictJSON: featuresJSON)
            let codable = try JSONDecoder().decode(LeadFeatures.self, from: Data(featuresJSON.jsonText(keyOrder: .memberOrder).utf8))
            #expect(strict == codable, "\(strict.contactID ?? "?")")
            count += 1
        }
        #expect(count == 400)
    }

    @Test func everyFeatureKeyIsAccepted() throws {
        for key in LeadFeatures.CodingKeys.allCases {
            let value: String = switch key {
            case .contactID, .asOf, .dealStage, .industry, .jobTitle, .jobFunction, .companySize: #""x""#
            case .marketingQualifiedLead, .meetingShowed, .dealCreated, .previousCustomer, .decisionMaker: "true"
            default: "1"
            }
            #expect(throws: Never.self) { try features(#"{"\#(key.rawValue)": \#(value)}"#) }
        }
    }
}
