import Foundation

/// A process started by a test, with standard output and standard error
/// captured to files so that the test can wait for lines while it runs.
final class ChildProcess: @unchecked Sendable {
    // `@unchecked Sendable`: `process`, `outputFile` and `errorFile` are set
    // once in init; Foundation's Process is safe to signal and query from any thread.
    let process = Process()
    let outputFile: URL
    let errorFile: URL

    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        let name = "crosshub-child-\(UUID().uuidString)"
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).out")
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// Everything written to standard output so far.
    var standardOutput: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Everything written to standard error so far.
    var standardError: String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(60)) throws -> Int32 {
        try waitUntil("the child process to exit", timeout: timeout) { !process.isRunning }
        return process.terminationStatus
    }

    /// The path of the built `crosshub` binary, which `swift test` builds with the tests.
    static var crosshub: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosshub")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/crosshub")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs a tool found on `PATH` to completion and returns its exit status and its output, standard error included.
    static func runTool(_ name: String, _ arguments: [String], input: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
