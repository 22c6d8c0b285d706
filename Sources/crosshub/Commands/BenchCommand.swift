/// `crosshub bench NAME`: runs one benchmark, or every benchmark with `all`.
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

    static func run(_ arguments: [String]) async -> Int32 {
        guard let selected = arguments.first, selected != "--help", selected != "-h" else {
            print(usage)
            return arguments.isEmpty ? ExitStatus.usage : ExitStatus.success
        }

        if selected == "all" {
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

        guard let benchmark = benchmarks.first(where: { $0.name == selected }) else {
            printError("crosshub bench: unknown benchmark '\(selected)'; run 'crosshub bench --help' for the list")
            return ExitStatus.usage
        }
        return await benchmark.run(Array(arguments.dropFirst()))
    }

    static var usage: String {
        var lines = ["usage: crosshub bench NAME [OPTIONS]", "", "benchmarks:"]
        for benchmark in benchmarks {
            lines.append("  \(benchmark.name)  \(benchmark.summary)")
        }
        lines.append("  all    Run every benchmark with its default options.")
        lines.append("")
        lines.append("Build with 'swift build -c release' first; debug builds give meaningless figures.")
        lines.append("Run 'crosshub bench NAME --help' for a benchmark's options.")
        return lines.joined(separator: "\n")
    }
}
