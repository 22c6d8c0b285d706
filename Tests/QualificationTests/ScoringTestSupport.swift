import Foundation
import Testing
@testable import Qualification

/// Decodes a feature document written inline in a test.
func features(_ json: String) throws -> LeadFeatures {
    try LeadFeatures(strictJSONData: Data(json.utf8))
}

/// Scores an inline feature document with the default model or `scorer`.
func score(_ json: String, with scorer: Scorer = .default) throws -> QualificationResult {
    scorer.score(try features(json))
}

/// Returns a scorer for the default model after `change` edits it.
func scorer(changing change: (inout ScoringModel) -> Void) throws -> Scorer {
    var model = ScoringModel.default
    change(&model)
    return try Scorer(model: model)
}

extension QualificationResult {
    /// Returns the factor with `code`, or nil.
    func factor(_ code: FactorCode) -> Factor? {
        factors.first { $0.code == code }
    }

    /// Returns the detail text of the factor with `code`, or nil.
    func detail(_ code: FactorCode) -> String? {
        factor(code).map { detail(of: $0) }
    }

    /// Returns the codes of the factors of one component, in order.
    func codes(in component: ScoreComponent) -> [FactorCode] {
        factors.filter { $0.component == component }.map(\.code)
    }
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

extension JSONValue {
    /// Returns a copy with the value at `path` replaced, or removed when
    /// `value` is nil. Path elements are object keys, or decimal indices
    /// into arrays; a missing key is appended.
    func replacing(_ path: [String], with value: JSONValue?) -> JSONValue {
        guard let head = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var members):
            if let member = members[head] {
                members[head] = rest.isEmpty && value == nil ? nil : member.replacing(rest, with: value)
            } else if let value {
                members[head] = JSONValue.object([:]).replacing(rest, with: value)
            }
            return .object(members)
        case .array(var elements):
            guard let index = Int(head), elements.indices.contains(index) else { return self }
            if rest.isEmpty, value == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].replacing(rest, with: value)
            }
            return .array(elements)
        default:
            return self
        }
    }
}

/// Reads the default model's JSON with one value replaced, and returns the issues, or nil when it is valid.
func modelIssues(replacing path: String, with value: JSONValue?) -> [String]? {
    let json = ScoringModel.default.json.replacing(path.split(separator: ".").map(String.init), with: value)
    do {
        _ = try ScoringModel(json: json)
        return nil
    } catch {
        return error.issues.map(\.description)
    }
}

/// Returns the default model's JSON with one value replaced, read back as a model.
func changedModel(_ path: String, to value: JSONValue) throws -> ScoringModel {
    try ScoringModel(json: ScoringModel.default.json.replacing(path.split(separator: ".").map(String.init), with: value))
}
