import Foundation
import Qualification

/// `crosshub bench score`: scorings per second on one thread (one core) for
/// the golden feature documents, next to two figures from the same run. The
/// first is the rate of only copying the features, the floor any scorer pays.
/// The second is scoring followed by encoding the result as JSON, which is
/// what `crosshub score` pays.
enum BenchScoreCommand: Command {
    static let name = "score"
    static let summary = "Scorings per second per core on the golden features, beside copy and JSON baselines."

    static let parser = OptionParser(
        command: "bench score",
        synopsis: "[--vectors FILE] [--seconds N] [--rounds N] [--model FILE]",
        options: [
            OptionSpec("vectors",
                       help: "JSON lines of feature documents, or of golden vectors with a 'features' member. Default: the golden vectors of the checkout, \(defaultVectors), found from the current directory or from the executable's."),
            OptionSpec("seconds", default: "1", help: "CPU time of each timed round, in seconds (0.1 to 60)."),
            OptionSpec("rounds", default: "5", help: "Timed rounds per measurement; the median is printed (1 to 50)."),
            ModelLoading.option,
        ]
    )

    static func run(_ arguments: [String]) async -> Int32 {
        let documents: [LeadFeatures]
        let scorer: Scorer
        let seconds: Double
        let rounds: Int
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            seconds = try options.double("seconds", in: 0.1...60) ?? 1
            rounds = try options.int("rounds", in: 1...50) ?? 5
            scorer = try ModelLoading.scorer(path: options.string("model"))
            documents = try loadDocuments(path: options.string("vectors") ?? defaultVectorsPath())
        } catch {
            printError("crosshub bench score: \(error)")
            return ExitStatus.usage
        }

        #if DEBUG
        printError("crosshub bench score: this is a debug build; build with 'swift build -c release' for real figures")
        #endif

        let copyRate = measure(documents, seconds: seconds, rounds: rounds) { features in
            blackHole(features)
        }
        let scoreRate = measure(documents, seconds: seconds, rounds: rounds) { features in
            blackHole(scorer.score(features))
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        let encodeRate = measure(documents, seconds: seconds, rounds: rounds) { features in
            buffer.removeAll(keepingCapacity: true)
            scorer.score(features).writeJSON(into: &buffer)
            blackHole(buffer.count)
        }

        print("crosshub bench score: \(documents.count) feature documents, model \(scorer.modelVersion), 1 thread, median of \(rounds) rounds of \(format(seconds)) CPU s")
        print("  copy features only      \(rate(copyRate))/s")
        print("  score                   \(rate(scoreRate))/s   score / copy = \(ratio(scoreRate, copyRate))")
        print("  score + encode JSON     \(rate(encodeRate))/s   (score + encode) / score = \(ratio(encodeRate, scoreRate))")
        print("  target 1,000,000 scorings/s per core: \(scoreRate >= 1_000_000 ? "met" : "not met")")
        return ExitStatus.success
    }

    /// The golden vectors' path inside a checkout.
    static let defaultVectors = "Tests/QualificationTests/Fixtures/scoring-vectors.jsonl"

    /// Finds the golden vectors below the current directory or below a parent
    /// of the executable, which sits in the checkout's `.build` folder.
    ///
    /// - Throws: `UsageError` naming the places searched when neither has them.
    private static func defaultVectorsPath() throws -> String {
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            while folder.path != "/" {
                folder = folder.deletingLastPathComponent()
                candidates.append(folder)
            }
        }
        for folder in candidates {
            let path = folder.appendingPathComponent(defaultVectors).path
            if FileManager.default.isReadableFile(atPath: path) {
                return path
            }
        }
        throw UsageError("""
            cannot find \(defaultVectors) below the current directory or a parent of the executable; \
            run from the crosshub checkout or pass --vectors FILE
            """)
    }

    /// Reads feature documents; a line with a `features` member (a golden vector) contributes that member.
    private static func loadDocuments(path: String) throws -> [LeadFeatures] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageError("cannot read --vectors \(path); pass a readable JSON lines file")
        }
        var documents: [LeadFeatures] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                let json = try JSONValue.parse(String(line))
                documents.append(try LeadFeatures(strictJSON: json["features"] ?? json))
            } catch {
                throw UsageError("\(path): line \(index + 1): \(error)")
            }
        }
        guard !documents.isEmpty else {
            throw UsageError("no feature documents in \(path); pass a JSON lines file with --vectors")
        }
        return documents
    }

    /// Runs `body` over the documents for `rounds` rounds of about `seconds`
    /// of this thread's CPU time each, and returns the median number of calls
    /// per CPU second. CPU time, unlike wall time, does not count the time
    /// other processes on the machine take from this thread.
    private static func measure(_ documents: [LeadFeatures], seconds: Double, rounds: Int,
                                _ body: (LeadFeatures) -> Void) -> Double {
        // One untimed pass warms caches and lazily initialized globals.
        for features in documents {
            body(features)
        }

        var rates: [Double] = []
        let budget = UInt64(seconds * 1e9)
        for _ in 0..<rounds {
            var calls = 0
            let start = ThreadCPUClock.nanoseconds()
            var elapsed: UInt64 = 0
            repeat {
                for features in documents {
                    body(features)
                }
                calls += documents.count
                elapsed = ThreadCPUClock.nanoseconds() - start
            } while elapsed < budget
            rates.append(Double(calls) / (Double(elapsed) / 1e9))
        }
        return medianRate(rates)
    }

    private static func rate(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped.append(",")
            }
            grouped.append(digit)
        }
        return String(repeating: " ", count: max(0, 12 - grouped.count)) + grouped
    }

    private static func ratio(_ numerator: Double, _ denominator: Double) -> String {
        String(format: "%.3f", numerator / denominator)
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
