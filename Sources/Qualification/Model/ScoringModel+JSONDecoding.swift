import Foundation

extension ScoringModel {
    /// Reads and validates a model file.
    ///
    /// Every key is required and unknown keys are rejected. Weights must be
    /// from 0 to 1 and sum to 1. Status and tone thresholds must decrease, and
    /// tier bounds must be ordered from the best tier down. A floor must be
    /// below its cap, names in target lists must be unique, and rule selectors
    /// must name known factor codes.
    ///
    /// - Throws: `ModelValidationError` listing every problem with its JSON
    ///   path, for example `weights.sales: expected a number from 0 to 1, got "high"`;
    ///   a single issue at path `model` when `data` is not valid JSON.
    public init(jsonData data: Data) throws(ModelValidationError) {
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            throw ModelValidationError([ModelIssue(path: "model", reason: error.description)])
        }
        try self.init(json: json)
    }

    /// Reads and validates a parsed model file; see `init(jsonData:)`.
    ///
    /// - Throws: `ModelValidationError` listing every problem with its JSON path.
    public init(json: JSONValue) throws(ModelValidationError) {
        // Every other check reads a key of the object, so a non-object would fail each of them once.
        guard case .object = json else {
            throw ModelValidationError([ModelIssue(path: "model", reason: "the top level must be a JSON object, got \(json.excerpt)")])
        }

        let reader = ModelReader()
        let root = ObjectCursor(json, path: "model", reader: reader)

        let name = root.string("name")
        if !name.isEmpty, !Self.isValidName(name) {
            root.fail("name", "invalid name \(JSONValue.string(name).excerpt); use 1 to 64 letters, digits, '.', '_' or '-'")
        }

        let weights = reader.whenClean({ Self.readWeights(root.object("weights")) }, check: { weights in
            let sum = weights.marketing + weights.sales + weights.service + weights.demographic + weights.behavioral
            if abs(sum - 1) > 1e-9 {
                let roundedSum = (sum * 1e9).rounded() / 1e9
                root.fail("weights", "the weights sum to \(ObjectCursor.format(roundedSum)); they must sum to 1")
            }
        })

        let issuesBeforeThresholds = reader.issues.count
        let thresholds = Self.readStatusThresholds(root.object("status_thresholds"), reader: reader)
        let sqlThreshold = reader.issues.count == issuesBeforeThresholds ? thresholds.salesQualifiedLead : nil
        let nurture = Self.readNurture(root.object("nurture"), sqlThreshold: sqlThreshold, reader: reader)
        let marketing = Self.readMarketing(root.object("marketing"), reader: reader)
        let sales = Self.readSales(root.object("sales"), reader: reader)
        let service = Self.readService(root.object("service"), reader: reader)
        let demographic = Self.readDemographic(root.object("demographic"), reader: reader)
        let behavioral = Self.readBehavioral(root.object("behavioral"), reader: reader)
        let topFactorCount = root.integer("top_factors", in: 0...FactorCode.allCases.count)
        let owners = Self.readOwners(root.object("recommended_owner"))
        let actions = Self.readActions(root.object("next_best_actions"))
        let content = Self.readContent(root.object("recommended_content"))
        let personalization = Self.readPersonalization(root.object("personalization"), reader: reader)
        root.finish()

        guard reader.issues.isEmpty else {
            throw ModelValidationError(reader.issues)
        }
        self.init(name: name, weights: weights, statusThresholds: thresholds, nurture: nurture,
                  marketing: marketing, sales: sales, service: service, demographic: demographic,
                  behavioral: behavioral, topFactorCount: topFactorCount, owners: owners,
                  nextBestActions: actions, recommendedContent: content, personalization: personalization)
    }

    /// Checks the model with the rules of `init(json:)`.
    ///
    /// - Throws: `ModelValidationError` listing every problem with its JSON path.
    public func validate() throws(ModelValidationError) {
        _ = try ScoringModel(json: json)
    }

    private static func isValidName(_ name: String) -> Bool {
        guard name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    private static func readWeights(_ object: ObjectCursor) -> ComponentWeights {
        defer { object.finish() }
        return ComponentWeights(
            marketing: object.number("marketing", in: 0...1),
            sales: object.number("sales", in: 0...1),
            service: object.number("service", in: 0...1),
            demographic: object.number("demographic", in: 0...1),
            behavioral: object.number("behavioral", in: 0...1)
        )
    }

    private static let scoreRange = -1_000_000...1_000_000

    private static func readStatusThresholds(_ object: ObjectCursor, reader: ModelReader) -> StatusThresholds {
        defer { object.finish() }
        return reader.whenClean({
            StatusThresholds(salesQualifiedLead: object.integer("sales_qualified_lead", in: scoreRange),
                             marketingQualifiedLead: object.integer("marketing_qualified_lead", in: scoreRange),
                             lead: object.integer("lead", in: scoreRange))
        }, check: { thresholds in
            if thresholds.marketingQualifiedLead >= thresholds.salesQualifiedLead {
                object.fail("marketing_qualified_lead",
                            "\(thresholds.marketingQualifiedLead) must be below sales_qualified_lead (\(thresholds.salesQualifiedLead))")
            }
            if thresholds.lead >= thresholds.marketingQualifiedLead {
                object.fail("lead", "\(thresholds.lead) must be below marketing_qualified_lead (\(thresholds.marketingQualifiedLead))")
            }
        })
    }

    /// Reads the nurture thresholds; `sqlThreshold` is nil when the status thresholds were invalid.
    private static func readNurture(_ object: ObjectCursor, sqlThreshold: Int?,
                                    reader: ModelReader) -> NurtureThresholds {
        defer { object.finish() }
        let minimum = reader.whenClean({ object.integer("high_potential_min_score", in: scoreRange) }, check: { minimum in
            if let sqlThreshold, minimum >= sqlThreshold {
                object.fail("high_potential_min_score",
                            "\(minimum) must be below status_thresholds.sales_qualified_lead (\(sqlThreshold))")
            }
        })
        return NurtureThresholds(highPotentialMinScore: minimum)
    }

    // MARK: Building blocks shared by the components.

    static func readLimits(_ object: ObjectCursor) -> ScoreLimits {
        let min = object.optionalNumber("min_score")
        let max = object.optionalNumber("max_score")
        if let min, let max, min >= max {
            object.fail("min_score", "\(ObjectCursor.format(min)) must be below max_score (\(ObjectCursor.format(max)))")
        }
        return ScoreLimits(min: min, max: max)
    }

    static func readCount(_ object: ObjectCursor, eachKey: String = "points_each",
                          maxKey: String = "max_points") -> CountPoints {
        defer { object.finish() }
        return CountPoints(pointsEach: object.number(eachKey, in: 0...1_000_000),
                           maxPoints: object.number(maxKey, in: 0...1_000_000))
    }

    static func readThreshold(_ object: ObjectCursor) -> ThresholdPoints {
        defer { object.finish() }
        return ThresholdPoints(moreThan: object.number("more_than"), points: object.number("points"))
    }

    static func readPoints(_ object: ObjectCursor, _ key: String) -> Double {
        object.number(key, in: -1_000_000...1_000_000)
    }

    static func readTiers(_ object: ObjectCursor, layout: TierTableLayout, reader: ModelReader) -> TierTable {
        defer { object.finish() }
        var tiers: [TierTable.Tier] = []
        var previous: (key: Substring, bound: Double)?
        for (index, code) in layout.codes.enumerated() {
            let key = code.tierKey
            let tier = object.object(String(key))
            defer { tier.finish() }
            let isLast = index == layout.codes.count - 1
            let before = reader.issues.count
            let bound = isLast ? nil : tier.number(layout.boundKey)
            let points = readPoints(tier, "points")
            tiers.append(TierTable.Tier(code, bound: bound, points: points))

            guard let bound, reader.issues.count == before else { continue }
            if let previous {
                let ordered = layout.comparison == .atMost ? bound > previous.bound : bound < previous.bound
                if !ordered {
                    let relation = layout.comparison == .atMost ? "above" : "below"
                    tier.fail(layout.boundKey, "\(ObjectCursor.format(bound)) must be \(relation) the \(previous.key) tier's bound (\(ObjectCursor.format(previous.bound)))")
                }
            }
            previous = (key, bound)
        }
        return TierTable(layout.comparison, tiers)
    }
}
