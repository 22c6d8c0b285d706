import Foundation
import Qualification
import Testing
@testable import CrossHubService

/// Runs the built `crosshub demo` binary and checks that its summary adds up
/// against the generator's own counts for the same options.
@Suite struct DemoCommandTests {
    private static let contacts = 300

    /// The result of one run of the binary.
    private struct DemoProcessResult {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `crosshub demo` with `arguments` to completion, with standard
    /// output and standard error captured in files, and stops it at the deadline.
    private func runDemo(_ arguments: [String], timeout: Duration = .seconds(240)) throws -> DemoProcessResult {
        let directory = FileManager.default.temporaryDirectory
        let outputFile = directory.appendingPathComponent("crosshub-demo-\(UUID().uuidString).out")
        let errorFile = directory.appendingPathComponent("crosshub-demo-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }

        let process = Process()
        process.executableURL = ChildProcess.crosshub
        process.arguments = ["demo"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        try waitUntil("crosshub demo to exit", timeout: timeout) { !process.isRunning }
        return DemoProcessResult(status: process.terminationStatus,
                                 standardOutput: try Data(contentsOf: outputFile),
                                 standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    private func generatorSummary(contacts: Int) throws -> GenerationSummary {
        var options = DemoSettings().population
        options.contacts = contacts
        return try JourneyGenerator(options: options).generate().summary
    }

    @Test func demoSummaryAddsUp() throws {
        let run = try runDemo(["--contacts", String(Self.contacts), "--json", "--top", "3"])
        try #require(run.status == 0, "crosshub demo failed:\n\(run.standardError.suffix(3000))")
        let summary = try JSONDecoder().decode(DemoSummary.self, from: run.standardOutput)
        let generated = try generatorSummary(contacts: Self.contacts)

        // Every published record is accounted for, and the injected ones are found.
        #expect(summary.published == generated.lines)
        #expect(summary.folded + summary.duplicates + summary.deadLettered == summary.published)
        #expect(summary.folded == generated.journeyEvents)
        #expect(summary.duplicates == generated.duplicates)
        #expect(summary.deadLettered == generated.invalidLineCount)
        #expect(summary.injectedInvalid == generated.invalidLineCount)
        #expect(summary.deadLettersByReason.reduce(0) { $0 + $1.count } == summary.deadLettered)
        #expect(generated.invalidLineCount > 0)
        #expect(generated.duplicates > 0)

        // Every contact has a committed status.
        #expect(summary.contacts == Self.contacts)
        #expect(summary.contactsByStatus.reduce(0) { $0 + $1.count } == Self.contacts)
        #expect(summary.contactsWithoutStatus == 0)
        #expect(summary.contactsByStatus.map(\.name) == QualificationStatus.allCases.sorted(by: >).map(\.rawValue))

        // The default seed has SQLs, and each SQL entry creates one task and two notifications.
        let sqlCount = DemoSummary.count(of: QualificationStatus.salesQualifiedLead.rawValue, in: summary.contactsByStatus)
        #expect(sqlCount >= 1)
        #expect(summary.outputs(.task) >= 1)
        #expect(summary.outputs(.notification) == 2 * summary.outputs(.task))
        #expect(summary.outputs(.qualification) >= Self.contacts)
        #expect(summary.changelogRecords > 0)

        // The top SQLs are SQLs, highest score first, each with its factors.
        let threshold = Scorer.default.model.statusThresholds.salesQualifiedLead
        #expect(summary.topSQLs.count == min(3, sqlCount))
        #expect(summary.topSQLs.map(\.score) == summary.topSQLs.map(\.score).sorted(by: >))
        for lead in summary.topSQLs {
            #expect(lead.score >= threshold, "\(lead.contactID) listed as an SQL with score \(lead.score)")
            #expect(!lead.factors.isEmpty, "\(lead.contactID) has no factors")
            #expect(lead.factors.allSatisfy { !$0.detail.isEmpty })
        }

        #expect(summary.guarantee == DeliveryGuarantee.exactlyOnce.rawValue)
        #expect(summary.batchesCommitted > 0)
        #expect(summary.seconds > 0)
        #expect(summary.eventsPerSecond > 0)
        #expect(run.standardError.contains("waiting for the service to join the consumer group"), "no progress line on standard error")
    }

    @Test func demoTimeoutExitsNonZero() throws {
        // 1,000 contacts are about 50,000 records, 100 transactions of 500,
        // which the embedded broker does not commit within 1 s.
        let run = try runDemo(["--contacts", "1000", "--timeout-seconds", "1", "--quiet"])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("crosshub demo: timed out after 1.0 seconds"), "\(run.standardError.suffix(2000))")
        #expect(run.standardError.contains("--timeout-seconds"))
    }

    @Test func demoInvalidOptionExitsWithUsage() throws {
        let run = try runDemo(["--partitions", "0"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("invalid value '0' for --partitions: expected an integer from 1 to 64"))

        let guarantee = try runDemo(["--guarantee", "twice"])
        #expect(guarantee.status == 2)
        #expect(guarantee.standardError.contains("invalid value 'twice' for --guarantee"))
    }
}
