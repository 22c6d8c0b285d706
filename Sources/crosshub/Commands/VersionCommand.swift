/// `crosshub version`: prints the program version.
enum VersionCommand: Command {
    static let name = "version"
    static let summary = "Print the crosshub version."

    /// The program version, following semantic versioning.
    static let version = "0.1.0"

    static func run(_ arguments: [String]) async -> Int32 {
        print("crosshub \(version)")
        return ExitStatus.success
    }
}
