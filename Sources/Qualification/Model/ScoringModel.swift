/// Every number, list and rule table that the scorer uses: weights, status
/// thresholds, point tables, bands, target lists and the rules for next best
/// actions, recommended content and personalization.
///
/// `ScoringModel.default` reproduces the reference model's rules and points,
/// with the deliberate deviations that the README lists. The reference model
/// is the custom-code scoring of HubSpot's cross-hub lead qualification
/// workflow, written in JavaScript. A model file is the
/// JSON form (`crosshub model default` prints it); `init(json:)` reads and
/// validates one. The version is derived from the content, so two models with
/// equal content have equal versions.
///
/// A model built or changed in Swift is validated when a `Scorer` is created
/// from it, with the same checks and messages as a model file.
public struct ScoringModel: Sendable, Equatable {
    /// A short name for people and logs: letters, digits, `.`, `_` and `-`.
    public var name: String
    public var weights: ComponentWeights
    public var statusThresholds: StatusThresholds
    public var nurture: NurtureThresholds
    public var marketing: MarketingRules
    public var sales: SalesRules
    public var service: ServiceRules
    public var demographic: DemographicRules
    public var behavioral: BehavioralRules
    /// How many factors `QualificationResult.topFactors` lists at most.
    public var topFactorCount: Int
    public var owners: OwnerRules
    public var nextBestActions: ActionRules
    public var recommendedContent: ContentRules
    public var personalization: PersonalizationRules

    public init(name: String, weights: ComponentWeights, statusThresholds: StatusThresholds,
                nurture: NurtureThresholds, marketing: MarketingRules, sales: SalesRules,
                service: ServiceRules, demographic: DemographicRules, behavioral: BehavioralRules,
                topFactorCount: Int, owners: OwnerRules, nextBestActions: ActionRules,
                recommendedContent: ContentRules, personalization: PersonalizationRules) {
        self.name = name
        self.weights = weights
        self.statusThresholds = statusThresholds
        self.nurture = nurture
        self.marketing = marketing
        self.sales = sales
        self.service = service
        self.demographic = demographic
        self.behavioral = behavioral
        self.topFactorCount = topFactorCount
        self.owners = owners
        self.nextBestActions = nextBestActions
        self.recommendedContent = recommendedContent
        self.personalization = personalization
    }

    /// The version: the name, `@`, and the first 12 hexadecimal digits of the
    /// SHA-256 of the model's compact JSON, for example `default@3f2a9c81b0de`.
    ///
    /// The JSON is the canonical form that `json` builds, so whitespace and key
    /// order in a model file do not change the version. Computing it hashes a
    /// few kilobytes; `Scorer` computes it once.
    public var version: String {
        let digest = SHA256.hash(json.jsonText(keyOrder: .memberOrder))
        return "\(name)@\(digest.hex.prefix(12))"
    }
}

/// The weight of each component in the unified score. Each is from 0 to 1 and
/// together they sum to 1 (within 1e-9).
public struct ComponentWeights: Sendable, Equatable {
    public var marketing: Double
    public var sales: Double
    public var service: Double
    public var demographic: Double
    public var behavioral: Double

    public init(marketing: Double, sales: Double, service: Double, demographic: Double, behavioral: Double) {
        self.marketing = marketing
        self.sales = sales
        self.service = service
        self.demographic = demographic
        self.behavioral = behavioral
    }
}

/// The lowest unified score of each status; a lower score is a subscriber.
/// Each threshold is an integer below the one before it.
public struct StatusThresholds: Sendable, Equatable {
    public var salesQualifiedLead: Int
    public var marketingQualifiedLead: Int
    public var lead: Int

    public init(salesQualifiedLead: Int, marketingQualifiedLead: Int, lead: Int) {
        self.salesQualifiedLead = salesQualifiedLead
        self.marketingQualifiedLead = marketingQualifiedLead
        self.lead = lead
    }
}

/// The nurture track boundaries. A score at the SQL threshold or above is
/// handed to sales, a score from `highPotentialMinScore` up to the SQL
/// threshold is high potential, and a lower one is standard.
public struct NurtureThresholds: Sendable, Equatable {
    /// The lowest high-potential score; below the SQL threshold.
    public var highPotentialMinScore: Int

    public init(highPotentialMinScore: Int) {
        self.highPotentialMinScore = highPotentialMinScore
    }
}

/// The floor and cap of a component score; nil means no limit on that side.
public struct ScoreLimits: Sendable, Equatable {
    public var min: Double?
    public var max: Double?

    public init(min: Double?, max: Double?) {
        self.min = min
        self.max = max
    }

    /// Returns `score` raised to the floor and lowered to the cap.
    @inline(__always)
    func clamp(_ score: Double) -> Double {
        var result = score
        if let max, result > max { result = max }
        if let min, result < min { result = min }
        return result
    }
}

/// Points per counted item, up to a maximum: `min(count × pointsEach, maxPoints)`
/// for a count above zero, nothing otherwise.
public struct CountPoints: Sendable, Equatable {
    public var pointsEach: Double
    public var maxPoints: Double

    public init(pointsEach: Double, maxPoints: Double) {
        self.pointsEach = pointsEach
        self.maxPoints = maxPoints
    }

    @inline(__always)
    func points(for count: Int) -> Double {
        Swift.min(Double(count) * pointsEach, maxPoints)
    }
}

/// Fixed points for a value strictly above a threshold.
public struct ThresholdPoints: Sendable, Equatable {
    public var moreThan: Double
    public var points: Double

    public init(moreThan: Double, points: Double) {
        self.moreThan = moreThan
        self.points = points
    }
}
