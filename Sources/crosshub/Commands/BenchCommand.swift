/// `crosshub bench NAME`: runs one benchmark, or every benchmark with `all`.
///
/// Each benchmark is a `Command` listed in `benchmarks`. It prints rates next
/// to a baseline measured in the same run, because the ratio, not the raw
/// rate, is what carries over between machines.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "Run a benchmark and print its figures (see 'crosshub bench --help')."

    /// The benchmarks `bench all` runs, in order. Each is a command whose name follows `bench`.
    static var benchmarks: [any Command.Type] {
        [
            BenchKafkaCommand.self,
            BenchScoreCommand.self,
            BenchFoldCommand.self,
            BenchGenerateCommand.self,
            BenchDecideCommand.self,
            BenchPipelineCommand.self,
            BenchReplayCommand.self,
        ]
    }

    static var group: CommandGroup {
        CommandGroup(
            prefix: "crosshub bench",
            memberNoun: "benchmark",
            members: benchmarks,
            header: ["usage: crosshub bench NAME [OPTIONS]", ""],
            footer: [
                "  all: run every benchmark with its default options.",
                "",
                "Build with 'swift build -c release' first: debug builds are many times slower.",
                "Run 'crosshub bench NAME --help' for a benchmark's options.",
            ],
            helpCommand: "crosshub bench --help"
        )
    }

    static func run(_ arguments: [String]) async -> Int32 {
        guard arguments.first == "all" else {
            return await group.run(arguments)
        }
        guard arguments.count == 1 else {
            printError("crosshub bench all: takes no options; run 'crosshub bench NAME' to pass options to one benchmark")
            return ExitStatus.usage
        }

        var status = ExitStatus.success
        for benchmark in benchmarks {
            let result = await benchmark.run([])
            if result != ExitStatus.success { status = result }
        }
        return status
    }
}
