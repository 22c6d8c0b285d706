/// Every subcommand of `crosshub`, in the order `crosshub help` lists them.
enum CommandRegistry {
    static let all: [any Command.Type] = [
        HelpCommand.self,
        VersionCommand.self,
        GenerateCommand.self,
        ScoreCommand.self,
        ModelCommand.self,
        FoldCommand.self,
        QualifyCommand.self,
        RunCommand.self,
        ReplayCommand.self,
        CompareCommand.self,
        ReportCommand.self,
        ResetCommand.self,
        BrokerCommand.self,
        BenchCommand.self,
    ]

    static func command(named name: String) -> (any Command.Type)? {
        all.first { $0.name == name }
    }
}
