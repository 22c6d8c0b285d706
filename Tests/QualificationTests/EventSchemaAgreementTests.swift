import Foundation
import Testing
@testable import Qualification

/// The decoder and the JSON Schemas in `schemas/` must accept and reject the
/// same events. Python's `jsonschema` validates the shared fixtures with
/// format assertion on, so `date-time` is checked too.
@Test func decoderAndSchemasAgree() throws {
    let output = try runProcess("python3", [
        TestPaths.fixtures.appendingPathComponent("validate-events.py").path,
        TestPaths.schemas.path,
        TestPaths.fixtures.appendingPathComponent("event-fixtures.tsv").path,
    ])
    let verdicts = output.split(separator: "\n").map(String.init)
    let fixtures = try EventFixture.load()
    try #require(verdicts.count == fixtures.count)

    for (fixture, verdict) in zip(fixtures, verdicts) {
        let schemaAccepts = verdict == "valid"
        let decoderAccepts = (try? decodeEvent(fixture.json)) != nil
        #expect(schemaAccepts == decoderAccepts, "schema: \(verdict); \(fixture)")
    }
}
