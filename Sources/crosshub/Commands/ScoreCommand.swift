import Foundation
import Qualification

/// `crosshub score`: scores feature documents, one JSON object a line, from
/// standard input and writes one qualification result a line to standard output.
enum ScoreCommand: Command {
    static let name = "score"
    static let summary = "Score feature documents (JSON lines on stdin) and print one result a line."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--model FILE] < features.jsonl > results.jsonl",
        options: [ModelLoading.option]
    )

    static func run(_ arguments: [String]) async -> Int32 {
        let scorer: Scorer
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(help)
                return ExitStatus.success
            }
            if let extra = options.positional.first {
                throw UsageError("unexpected argument '\(extra)'; 'crosshub score' reads feature documents from standard input")
            }
            scorer = try ModelLoading.scorer(path: options.string("model"))
        } catch {
            printError("crosshub score: \(error)")
            return ExitStatus.usage
        }

        let counts = scoreLines(with: scorer)
        printError("crosshub score: \(counts.scored) scored, \(counts.failed) failed, model \(scorer.modelVersion)")
        return counts.failed == 0 ? ExitStatus.success : ExitStatus.failure
    }

    static var help: String {
        parser.help + """


        Each input line is a feature document such as {"contact_id": "c-1", "lead_score": 40}.
        Blank lines are skipped. A line that is not a valid feature document is reported on
        standard error as 'line N: <field>: <reason>' and scoring goes on with the next line.
        Exit status: 0 when every line was scored, 1 when any line failed, 2 for invalid
        options or an invalid model file.
        """
    }

    /// Scores standard input line by line, writing results as it goes.
    private static func scoreLines(with scorer: Scorer) -> (scored: Int, failed: Int) {
        var scored = 0
        var failed = 0
        var lineNumber = 0
        var output: [UInt8] = []
        output.reserveCapacity(64 * 1024)

        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) {
                continue
            }
            do {
                let features = try LeadFeatures(strictJSONData: Data(line.utf8))
                scorer.score(features).writeJSON(into: &output)
                output.append(UInt8(ascii: "\n"))
                scored += 1
            } catch {
                printError("line \(lineNumber): \(error)")
                failed += 1
            }
            if output.count >= 60 * 1024 {
                flush(&output)
            }
        }
        flush(&output)
        return (scored, failed)
    }

    private static func flush(_ output: inout [UInt8]) {
        guard !output.isEmpty else { return }
        FileHandle.standardOutput.write(Data(output))
        output.removeAll(keepingCapacity: true)
    }
}
