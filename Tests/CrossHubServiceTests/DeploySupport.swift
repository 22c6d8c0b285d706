import Foundation

/// Paths and a process runner for the tests of `deploy/`.
enum DeployPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let deploy = repositoryRoot.appendingPathComponent("deploy")
}

/// The exit status and combined output of a finished process.
struct ProcessRun {
    let status: Int32
    let output: String
}

/// Runs `executable` (looked up on PATH) with `arguments` and `environment`
/// added to this process's environment, and waits for it to exit.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                directory: URL = DeployPaths.repositoryRoot) throws -> ProcessRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment
        .filter { !$0.key.hasPrefix("CROSSHUB_") }
        .merging(environment) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// Makes a fresh temporary folder; the caller removes it.
func makeTemporaryDirectory(_ prefix: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}
