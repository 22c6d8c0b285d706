import Foundation
import Testing
@testable import Qualification

/// One line of `Fixtures/scoring-vectors.jsonl`: features and the reference
/// model's components, score, status and owner for them, computed in JavaScript.
struct ScoringVector: Sendable {
    let line: Int
    let features: LeadFeatures
    let score: Int
    let status: String
    let owner: String
    let components: [String: Double]

    static let all: [ScoringVector] = {
        guard let url = Bundle.module.url(forResource: "scoring-vectors", withExtension: "jsonl", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return []
        }
        var vectors: [ScoringVector] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let json = try? JSONValue.parse(String(line)),
                  let featuresJSON = json["features"],
                  let features = try? LeadFeatures(strictJSON: featuresJSON),
                  let score = json["expected"]?["score"]?.integerValue,
                  case .string(let status)? = json["expected"]?["status"],
                  case .string(let owner)? = json["expected"]?["recommended_owner"],
                  case .object(let members)? = json["expected"]?["components"] else {
                continue
            }
            var components: [String: Double] = [:]
            for (key, value) in members {
                components[key] = value.doubleValue
            }
            vectors.append(ScoringVector(line: index + 1, features: features, score: score, status: status,
                                         owner: owner, components: components))
        }
        return vectors
    }()
}

@Suite struct ScoringVectorTests {
    @Test func fixtureHasAllVectors() {
        #expect(ScoringVector.all.count == 400)
    }

    @Test(arguments: ScoringVector.all)
    func vectorReproduced(_ vector: ScoringVector) {
        let result = Scorer.default.score(vector.features)
        let id = vector.features.contactID ?? "line \(vector.line)"

        for component in ScoreComponent.allCases {
            #expect(result.components[component] == vector.components[component.rawValue],
                    "\(id): \(component.rawValue)")
        }
        #expect(result.score == vector.score, "\(id): score")
        #expect(result.status.rawValue == vector.status, "\(id): status")
        #expect(result.recommendedOwner == vector.owner, "\(id): recommended_owner")
    }
}

extension ScoringVector: CustomTestStringConvertible {
    var testDescription: String { features.contactID ?? "line \(line)" }
}
