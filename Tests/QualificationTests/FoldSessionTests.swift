import Foundation
import Testing
@testable import Qualification

@Test func sessionCountsEveryOutcome() throws {
    var session = FoldSession()
    let lines = [
        #"{"event_id":"e-1","contact_id":"c-1","type":"marketing.form_submitted","occurred_at":"2026-01-01T00:00:00Z","data":{"form_id":"f"}}"#,
        #"{"event_id":"e-1","contact_id":"c-1","type":"marketing.form_submitted","occurred_at":"2026-01-01T00:00:00Z","data":{"form_id":"f"}}"#,
        #"{"event_id":"e-2","contact_id":"c-2","type":"marketing.form_submitted","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#,
        #"{"event_id":"e-3","contact_id":"c-2","type":"sales.email_replied","occurred_at":"2026-01-01T00:00:00Z","data":{}}"#,
    ]
    var errors: [EventDecodingError] = []
    for line in lines {
        do {
            try Array(line.utf8).withUnsafeBytes { bytes in
                _ = try session.fold(json: bytes)
            }
        } catch let error as EventDecodingError {
            errors.append(error)
        }
    }
    #expect(session.tally.folded == 2)
    #expect(session.tally.duplicates == 1)
    #expect(session.tally.invalid == 1)
    #expect(session.tally.total == lines.count)
    #expect(errors.map(\.description) == ["data.form_id: missing"])
    #expect(session.contacts.keys.sorted() == ["c-1", "c-2"])
}

/// Runs the `crosshub` binary that `swift build` (or `swift test`) left in `.build/debug` on
/// the given input lines, and returns its exit status, standard output and standard error.
func runCrosshub(_ arguments: [String], input lines: [String]) throws -> (Int32, String, String) {
    let binary = TestPaths.repositoryRoot.appendingPathComponent(".build/debug/crosshub").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the crosshub binary first: swift build")
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("crosshub-input-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: input) }
    try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments + [input.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stdout, stderr)
}

@Test func foldCommandReportsLinesAndSortsContacts() throws {
    let events = [
        #"{"event_id":"e-1","contact_id":"c-b","type":"marketing.page_viewed","occurred_at":"2026-01-02T00:00:00Z","data":{"url":"/pricing","high_value":true}}"#,
        #"{"event_id":"e-2","contact_id":"c-a","type":"sales.call_logged","occurred_at":"2026-01-01T00:00:00Z","data":{"duration_minutes":"ten"}}"#,
        "",
        #"{"event_id":"e-3","contact_id":"c-a","type":"marketing.lead_score_changed","occurred_at":"2026-01-01T00:00:00Z","data":{"lead_score":40}}"#,
        #"{"event_id":"e-1","contact_id":"c-b","type":"marketing.page_viewed","occurred_at":"2026-01-02T00:00:00Z","data":{"url":"/pricing","high_value":true}}"#,
        #"{"event_id":"e-4","contact_id":"c-a","type":"marketing.lead_score_changed","occurred_at":"2026-03-01T00:00:00Z","data":{"lead_score":90}}"#,
    ]
    let (status, stdout, stderr) = try runCrosshub(["fold", "--as-of", "2026-02-01T00:00:00Z"], input: events)

    #expect(status == 1)
    #expect(stderr.contains(#"line 2: data.duration_minutes: expected a number, got "ten""#))
    #expect(stderr.contains("6 lines, 2 folded, 1 duplicate, 1 invalid, 1 blank, 1 after --as-of, 2 contacts"))
    let documents = stdout.split(separator: "\n").map(String.init)
    #expect(documents.count == 2)
    #expect(documents.first?.hasPrefix(#"{"contact_id":"c-a","as_of":"2026-02-01T00:00:00Z","lead_score":40,"#) == true)
    #expect(documents.last?.hasPrefix(#"{"contact_id":"c-b","as_of":"2026-02-01T00:00:00Z","num_page_views":1,"#) == true)
}

@Test func qualifyCommandScoresEachContactOnce() throws {
    let events = [
        #"{"event_id":"e-1","contact_id":"c-1","type":"marketing.lead_score_changed","occurred_at":"2026-01-01T00:00:00Z","data":{"lead_score":40}}"#,
        #"{"event_id":"e-2","contact_id":"c-1","type":"marketing.mql_changed","occurred_at":"2026-01-02T00:00:00Z","data":{"mql":true}}"#,
        #"{"event_id":"e-3","contact_id":"c-2","type":"marketing.email_opened","occurred_at":"2026-01-03T00:00:00Z","data":{"campaign_id":"k"}}"#,
    ]
    let (status, stdout, stderr) = try runCrosshub(["qualify"], input: events)
    #expect(status == 0)
    #expect(stderr.contains("3 lines, 3 folded, 0 duplicate, 0 invalid, 2 contacts, 0 with an override in force, model "))
    let results = stdout.split(separator: "\n").map(String.init)
    #expect(results.count == 2)
    // c-1: marketing 40 × 0.5 + 20 = 40; service 50; behavioral 10, because the model reads an
    // absent velocity as 0 (stable). 0.25 × 40 + 0.15 × 50 + 0.20 × 10 = 19.5.
    #expect(results.first?.contains(#""contact_id":"c-1""#) == true)
    #expect(results.first?.contains(#""score":20"#) == true)
    #expect(results.last?.contains(#""contact_id":"c-2""#) == true)
}
