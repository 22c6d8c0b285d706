/// The qualification of one contact: the unified score, its status, the five
/// component scores, the factors behind them and the decisions that follow.
///
/// `json` gives the record form with keys in a fixed order and integral
/// numbers without a fraction, so that scoring the same features with the
/// same model gives byte-identical JSON.
public struct QualificationResult: Sendable, Equatable {
    /// The contact's id from the feature document; nil when the document had none.
    public var contactID: String?
    /// The time the features were derived for, copied from the feature document.
    public var asOf: String?
    /// The weighted sum of the component scores, rounded half up (toward
    /// positive infinity on a tie, as JavaScript's `Math.round` does).
    public var score: Int
    public var status: QualificationStatus
    public var nurtureTrack: NurtureTrack
    public var components: ComponentScores
    /// Every factor, by component in weighted-sum order and in rule order within each.
    public var factors: [Factor]
    /// Up to the model's `top_factors` factors with non-zero points, by
    /// absolute points, largest first; ties keep the order of `factors`.
    public var topFactors: [Factor]
    /// The texts that factors with a `.text` or `.employees` subject are about.
    public var factorTexts: FactorTexts
    public var nextBestActions: [String]
    public var recommendedOwner: String
    public var recommendedContent: [String]
    public var personalization: Personalization
    /// The version of the model that scored the contact, such as `default@3f2a9c81b0de`.
    public var modelVersion: String

    public init(contactID: String?, asOf: String?, score: Int, status: QualificationStatus,
                nurtureTrack: NurtureTrack, components: ComponentScores, factors: [Factor],
                topFactors: [Factor], factorTexts: FactorTexts, nextBestActions: [String], recommendedOwner: String,
                recommendedContent: [String], personalization: Personalization, modelVersion: String) {
        self.contactID = contactID
        self.asOf = asOf
        self.score = score
        self.status = status
        self.nurtureTrack = nurtureTrack
        self.components = components
        self.factors = factors
        self.topFactors = topFactors
        self.factorTexts = factorTexts
        self.nextBestActions = nextBestActions
        self.recommendedOwner = recommendedOwner
        self.recommendedContent = recommendedContent
        self.personalization = personalization
        self.modelVersion = modelVersion
    }
}

/// How to address the contact.
public struct Personalization: Sendable, Equatable {
    /// Topics to stress, such as `marketing_automation`; may be empty.
    public var contentFocus: [String]
    public var messageTone: String
    public var featuredCaseStudy: String
    public var callToAction: String

    public init(contentFocus: [String], messageTone: String, featuredCaseStudy: String, callToAction: String) {
        self.contentFocus = contentFocus
        self.messageTone = messageTone
        self.featuredCaseStudy = featuredCaseStudy
        self.callToAction = callToAction
    }
}
