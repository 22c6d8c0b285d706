import Foundation
@testable import Qualification

/// Paths of files the tests read, found from this source file's location.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = repositoryRoot.appendingPathComponent("schemas")
}

/// One line of `Fixtures/event-fixtures.tsv`.
struct EventFixture: CustomStringConvertible {
    /// `valid`, or the expected error code.
    let expectation: String
    let message: String
    let json: String
    let lineNumber: Int

    var description: String { "line \(lineNumber): \(json.prefix(100))" }

    static func load() throws -> [EventFixture] {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("event-fixtures.tsv"), encoding: .utf8)
        var fixtures: [EventFixture] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            fixtures.append(EventFixture(expectation: String(parts[0]), message: String(parts[1]),
                                         json: String(parts[2]), lineNumber: index + 1))
        }
        return fixtures
    }
}

/// Decodes an event from JSON text, failing the test on error.
func decodeEvent(_ json: String) throws -> Event {
    try EventDecoder().decode(Array(json.utf8))
}

/// Builds an event without JSON, for fold tests.
func makeEvent(_ id: String, _ payload: EventPayload, at time: String, contact: String = "c-1") -> Event {
    Event(eventID: id, contactID: contact, occurredAt: EventTime(rfc3339: time)!, payload: payload)
}

/// Runs a program and returns its standard output; fails when it exits non-zero.
func runProcess(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProcessFailure(status: process.terminationStatus, standardError: String(decoding: errorData, as: UTF8.self))
    }
    return String(decoding: data, as: UTF8.self)
}

struct ProcessFailure: Error, CustomStringConvertible {
    let status: Int32
    let standardError: String
    var description: String { "exit status \(status): \(standardError)" }
}
