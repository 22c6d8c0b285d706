import Foundation
import Qualification

/// Loads the scoring model that `--model` names, or the built-in default.
enum ModelLoading {
    /// The `--model` option shared by the commands that score.
    static let option = OptionSpec(
        "model", env: "CROSSHUB_MODEL",
        help: "Scoring model file (JSON); 'crosshub model default' prints the built-in one to start from. Default: the built-in model.")

    /// Returns a scorer for the file at `path`, or for the built-in model when `path` is nil.
    ///
    /// - Throws: `UsageError` with every problem of an unreadable or invalid file, one a line.
    static func scorer(path: String?) throws -> Scorer {
        guard let path else { return Scorer.default }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UsageError("cannot read model file \(path): \(error.localizedDescription)")
        }
        do {
            return try Scorer(model: ScoringModel(jsonData: data))
        } catch {
            let lines = error.issues.map { "  \($0)" }.joined(separator: "\n")
            throw UsageError("invalid model file \(path):\n\(lines)")
        }
    }
}
