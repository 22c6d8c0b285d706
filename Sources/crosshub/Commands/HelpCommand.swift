/// `crosshub help`: lists the subcommands.
enum HelpCommand: Command {
    static let name = "help"
    static let summary = "List the commands."

    static func run(_ arguments: [String]) async -> Int32 {
        print(CommandRegistry.group.help)
        return ExitStatus.success
    }
}
