/// Every subcommand of `crosshub`, in the order `crosshub help` lists them.
enum CommandRegistry {
    static var all: [any Command.Type] {
        [
            DemoCommand.self,
            RunCommand.self,
            BrokerCommand.self,
            ReplayCommand.self,
            CompareCommand.self,
            ReportCommand.self,
            ResetCommand.self,
            GenerateCommand.self,
            ScoreCommand.self,
            ModelCommand.self,
            FoldCommand.self,
            QualifyCommand.self,
            BenchCommand.self,
            VersionCommand.self,
            HelpCommand.self,
        ]
    }

    /// `crosshub COMMAND`.
    static var group: CommandGroup {
        CommandGroup(
            prefix: "crosshub",
            memberNoun: "command",
            members: all,
            aliases: ["--version": VersionCommand.self, "-V": VersionCommand.self],
            header: ["crosshub: cross-hub lead qualification over Kafka", "", "usage: crosshub COMMAND [OPTIONS]", ""],
            footer: ["Run 'crosshub COMMAND --help' for a command's options; 'crosshub --version' is 'crosshub version'."],
            helpCommand: "crosshub help"
        )
    }
}
