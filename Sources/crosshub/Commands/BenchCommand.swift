/// `crosshub bench NAME`: runs one benchmark and prints its figures.
///
/// Each benchmark is a `Command` listed in `benchmarks`. It prints rates next
/// to a baseline measured in the same run, because the ratio, not the raw
/// rate, is what carries over between machines.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "Run a benchmark and print its figures (see 'crosshub bench --help')."

    static let benchmarks: [any Command.Type] = [
        BenchGenerateCommand.self,
        BenchScoreCommand.self,
        BenchFoldCommand.self,
        BenchDecideCommand.self,
    ]

    static func run(_ arguments: [String]) async -> Int32 {
        guard let benchmarkName = arguments.first, benchmarkName != "--help", benchmarkName != "-h" else {
            print(help)
            return arguments.isEmpty ? ExitStatus.usage : ExitStatus.success
        }
        guard let benchmark = benchmarks.first(where: { $0.name == benchmarkName }) else {
            printError("crosshub bench: unknown benchmark '\(benchmarkName)'; run 'crosshub bench --help' for the list")
            return ExitStatus.usage
        }
        return await benchmark.run(Array(arguments.dropFirst()))
    }

    static var help: String {
        var lines = ["usage: crosshub bench NAME [OPTIONS]", "", "benchmarks:"]
        for benchmark in benchmarks {
            lines.append("  \(benchmark.name)  \(benchmark.summary)")
        }
        lines.append("")
        lines.append("Build with 'swift build -c release' first: debug builds are many times slower.")
        return lines.joined(separator: "\n")
    }
}
