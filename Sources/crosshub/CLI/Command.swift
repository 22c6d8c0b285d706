/// A `crosshub` subcommand.
///
/// Each subcommand lives in its own file under `Commands/` and is listed in
/// `CommandRegistry.all`. `run` returns the process exit status.
protocol Command {
    /// The word that selects the command, for example `score` or `run`.
    static var name: String { get }

    /// One line shown by `crosshub help`.
    static var summary: String { get }

    /// Runs the command with the arguments that follow its name.
    ///
    /// - Returns: the exit status: 0 on success, 1 when the work failed,
    ///   2 when the arguments are invalid.
    static func run(_ arguments: [String]) async -> Int32
}

/// Exit statuses shared by every command.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
