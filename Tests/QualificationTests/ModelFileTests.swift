import Foundation
import Testing
@testable import Qualification

@Suite struct ModelFileTests {
    @Test func shippedDefaultEqualsBuiltIn() throws {
        let url = repositoryRoot.appendingPathComponent("models/default.json")
        let data = try Data(contentsOf: url)
        #expect(try ScoringModel(jsonData: data) == ScoringModel.default)
        #expect(String(decoding: data, as: UTF8.self) == ScoringModel.default.json.prettyText(keyOrder: .memberOrder),
                "models/default.json differs from 'crosshub model default'; regenerate it")
    }

    @Test func builtInModelIsValid() throws {
        try ScoringModel.default.validate()
    }

    @Test func jsonRoundTrips() throws {
        let text = ScoringModel.default.json.prettyText(keyOrder: .memberOrder)
        #expect(try ScoringModel(jsonData: Data(text.utf8)) == ScoringModel.default)
        #expect(try ScoringModel(jsonData: Data(ScoringModel.default.json.jsonText(keyOrder: .memberOrder).utf8)) == ScoringModel.default)
    }

    @Test func versionIsNameAndHashPrefix() {
        let version = ScoringModel.default.version
        let parts = version.split(separator: "@")
        #expect(parts.count == 2)
        #expect(parts.first == "default")
        #expect(parts.last?.count == 12)
        #expect(parts.last?.allSatisfy(\.isHexDigit) == true)
        #expect(parts.last?.lowercased() == parts.last.map(String.init))
        #expect(Scorer.default.modelVersion == version)
    }

    @Test func versionIgnoresLayout() throws {
        // The same model with keys in another order and other whitespace.
        guard case .object(let members) = ScoringModel.default.json else {
            Issue.record("the model JSON is not an object")
            return
        }
        let reversed = JSONValue.object(JSONObject(members.reversed().map { ($0.key, $0.value) }))
        let text = reversed.prettyText(keyOrder: .memberOrder)
        #expect(text != ScoringModel.default.json.prettyText(keyOrder: .memberOrder))
        #expect(try ScoringModel(jsonData: Data(text.utf8)).version == ScoringModel.default.version)
    }

    @Test func versionChangesWithContent() throws {
        let renamed = try changedModel("name", to: .string("default-copy"))
        let reweighted = try changedModel("personalization.default_case_study", to: .string("other"))
        #expect(renamed.version.hasPrefix("default-copy@"))
        #expect(renamed.version.split(separator: "@").last != ScoringModel.default.version.split(separator: "@").last)
        #expect(reweighted.version != ScoringModel.default.version)
        #expect(reweighted.version.hasPrefix("default@"))
    }

    /// Pins the default model's version. It changes only when the model's
    /// content or canonical JSON changes, and every output id derived from it changes too.
    @Test func defaultVersionIsPinned() {
        #expect(ScoringModel.default.version == "default@89d8c5d3b71e")
        let hash = SHA256.hash(ScoringModel.default.json.jsonText(keyOrder: .memberOrder)).hex
        #expect(ScoringModel.default.version == "default@" + hash.prefix(12))
    }
}
