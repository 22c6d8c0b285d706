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

/// Runs the `crosshub` binary that `swift build` (or `swift test`) left in `.build/debug`.
@Test func foldCommandReportsLinesAndSortsContacts() throws {
    let binary = TestPaths.repositoryRoot.appendingPathComponent(".build/debug/crosshub").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the crosshub binary first: swift build")
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("fold-command-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: input) }
    let events = [
        #"{"event_id":"e-1","contact_id":"c-b","type":"marketing.page_viewed","occurred_at":"2026-01-02T00:00:00Z","data":{"url":"/pricing","high_value":true}}"#,
        #"{"event_id":"e-2","contact_id":"c-a","type":"sales.call_logged","occurred_at":"2026-01-01T00:00:00Z","data":{"duration_minutes":"ten"}}"#,
        "",
        #"{"event_id":"e-3","contact_id":"c-a","type":"marketing.lead_score_changed","occurred_at":"2026-01-01T00:00:00Z","data":{"lead_score":40}}"#,
        #"{"event_id":"e-1","contact_id":"c-b","type":"marketing.page_viewed","occurred_at":"2026-01-02T00:00:00Z","data":{"url":"/pricing","high_value":true}}"#,
        #"{"event_id":"e-4","contact_id":"c-a","type":"marketing.lead_score_changed","occurred_at":"2026-03-01T00:00:00Z","data":{"lead_score":90}}"#,
    ]
    try events.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["fold", "--as-of", "2026-02-01T00:00:00Z", input.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 1)
    #expect(stderr.contains(#"line 2: data.duration_minutes: expected a number, got "ten""#))
    #expect(stderr.contains("6 lines, 2 folded, 1 duplicate, 1 invalid, 1 blank, 1 after --as-of, 2 contacts"))
    let documents = stdout.split(separator: "\n").map(String.init)
    #expect(documents.count == 2)
    #expect(documents.first?.hasPrefix(#"{"contact_id":"c-a","as_of":"2026-02-01T00:00:00Z","lead_score":40,"#) == true)
    #expect(documents.last?.hasPrefix(#"{"contact_id":"c-b","as_of":"2026-02-01T00:00:00Z","num_page_views":1,"#) == true)
}
