/// A word that selects one of several commands and runs it with the
/// arguments after the word: `crosshub COMMAND` and `crosshub bench NAME`.
struct CommandGroup {
    /// The words before the selecting word, such as `crosshub bench`.
    let prefix: String
    /// The noun for one member in the help and in errors, such as `benchmark`.
    let memberNoun: String
    /// The commands in the order the help lists them.
    let members: [any Command.Type]
    /// Other words that select a member, such as `--version` for `version`.
    var aliases: [String: any Command.Type] = [:]
    /// Lines above the list of members in the help.
    let header: [String]
    /// Lines below the list of members in the help.
    let footer: [String]
    /// The command line that prints the help, named in the error for an unknown member.
    let helpCommand: String

    /// The help: the header, each member's name and summary, and the footer.
    var help: String {
        var lines = header
        lines.append("\(memberNoun)s:")
        let width = members.map { $0.name.count }.max() ?? 0
        for member in members {
            let padding = String(repeating: " ", count: width - member.name.count)
            lines.append("  \(member.name)\(padding)  \(member.summary)")
        }
        lines.append("")
        lines += footer
        return lines.joined(separator: "\n")
    }

    func member(named name: String) -> (any Command.Type)? {
        members.first { $0.name == name } ?? aliases[name]
    }

    /// Runs the member that the first argument names with the other arguments.
    ///
    /// Without arguments, prints the help and returns the usage status; with
    /// `--help` or `-h`, prints it and returns success. An unknown name is a
    /// usage error.
    func run(_ arguments: [String]) async -> Int32 {
        guard let name = arguments.first, name != "--help", name != "-h" else {
            print(help)
            return arguments.isEmpty ? ExitStatus.usage : ExitStatus.success
        }
        guard let member = member(named: name) else {
            printError("\(prefix): unknown \(memberNoun) '\(name)'; run '\(helpCommand)' for the list")
            return ExitStatus.usage
        }
        return await member.run(Array(arguments.dropFirst()))
    }
}
