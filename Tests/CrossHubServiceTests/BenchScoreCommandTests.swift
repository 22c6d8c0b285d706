import Foundation
import Testing

@Suite struct BenchScoreCommandTests {
    @Test func findsVectorsFromAnyDirectory() throws {
        let directory = try makeTemporaryDirectory("bench-score")
        defer { try? FileManager.default.removeItem(at: directory) }

        let run = try runProcess(ChildProcess.crosshub.path, ["bench", "score", "--seconds", "0.1", "--rounds", "1"],
                                 directory: directory)

        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("score + encode JSON"), "\(run.output)")
    }

    @Test func missingVectorsFileNamesThePath() throws {
        let run = try runProcess(ChildProcess.crosshub.path, ["bench", "score", "--vectors", "/nonexistent/vectors.jsonl"])

        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("cannot read --vectors /nonexistent/vectors.jsonl"), "\(run.output)")
    }
}
