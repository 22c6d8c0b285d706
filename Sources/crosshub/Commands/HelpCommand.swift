/// `crosshub help`: lists the subcommands.
enum HelpCommand: Command {
    static let name = "help"
    static let summary = "List the commands."

    static func run(_ arguments: [String]) async -> Int32 {
        print(usage)
        return ExitStatus.success
    }

    static var usage: String {
        var lines = [
            "crosshub: cross-hub lead qualification over Kafka",
            "",
            "usage: crosshub COMMAND [OPTIONS]",
            "",
            "commands:",
        ]
        let width = CommandRegistry.all.map { $0.name.count }.max() ?? 0
        for command in CommandRegistry.all {
            let padding = String(repeating: " ", count: width - command.name.count)
            lines.append("  \(command.name)\(padding)  \(command.summary)")
        }
        lines.append("")
        lines.append("Run 'crosshub COMMAND --help' for a command's options.")
        return lines.joined(separator: "\n")
    }
}
