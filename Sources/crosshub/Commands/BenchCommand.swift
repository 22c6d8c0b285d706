/// `crosshub bench NAME`: runs one benchmark and prints its figures.
///
/// Each benchmark is a `Command` listed in `benchmarks`. It prints rates next
/// to a baseline measured in the same run, because the ratio, not the raw
/// rate, is what carries over between machines.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "Run a benchmark and print its figures (see 'crosshub bench --help')."

    static var benchmarks: [any Command.Type] {
        [
            BenchGenerateCommand.self,
            BenchScoreCommand.self,
            BenchFoldCommand.self,
        ]
    }

    static var group: CommandGroup {
        CommandGroup(
            prefix: "crosshub bench",
            memberNoun: "benchmark",
            members: benchmarks,
            header: ["usage: crosshub bench NAME [OPTIONS]", ""],
            footer: ["Build with 'swift build -c release' first: debug builds are many times slower."],
            helpCommand: "crosshub bench --help"
        )
    }

    static func run(_ arguments: [String]) async -> Int32 {
        await group.run(arguments)
    }
}
