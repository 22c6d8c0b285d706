/// Scores feature documents with one model.
///
/// Creating a scorer validates the model and prepares it for fast scoring:
/// title phrases split into lowercase words, lookup tables for deal stages,
/// industries and company size labels, and rule selectors as bit sets over
/// factor codes. `score(_:)` is then a pure function of the features, safe to
/// call from any number of threads at once.
public struct Scorer: Sendable {
    public let model: ScoringModel
    /// The model's version, computed once.
    public let modelVersion: String

    let executiveTitles: TitleMatcher
    let seniorTitles: TitleMatcher
    /// Index into `model.sales.dealStages` by stage id and by label.
    let dealStageIndex: TextTable<Int>
    let industryTiers: TextTable<FactorCode>
    /// Index into `model.demographic.companySizes` by band label.
    let companySizeIndex: TextTable<Int>
    let targetFunctions: TextTable<Bool>
    let selectorValues: SelectorValues
    let actionRules: RuleSet
    /// The rules of every content group, one after the other; `contentGroupRanges` delimits the groups.
    let contentRules: RuleSet
    let contentGroupRanges: [Range<Int>]
    let focusRules: RuleSet
    let caseStudyRules: RuleSet
    let decisionTables: DecisionTables

    /// Creates a scorer for `model`.
    ///
    /// - Throws: `ModelValidationError` when the model breaks a rule that
    ///   `ScoringModel.init(json:)` checks, with the JSON path of each problem.
    public init(model: ScoringModel) throws(ModelValidationError) {
        try model.validate()
        self.model = model
        modelVersion = model.version

        let roles = model.demographic.roles
        executiveTitles = TitleMatcher(titles: roles.executiveTitles, excluded: roles.executiveExcludedTitles)
        seniorTitles = TitleMatcher(titles: roles.seniorTitles, excluded: roles.seniorExcludedTitles)
        var functions = TextTable<Bool>()
        for function in roles.targetFunctions {
            functions.insert(function, true)
        }
        targetFunctions = functions

        var stages = TextTable<Int>()
        for (index, stage) in model.sales.dealStages.enumerated() {
            stages.insert(stage.id, index)
            stages.insert(stage.label, index)
        }
        dealStageIndex = stages

        var industries = TextTable<FactorCode>()
        for name in model.demographic.industries.target {
            industries.insert(name, .demographicIndustryTarget)
        }
        for name in model.demographic.industries.secondary {
            industries.insert(name, .demographicIndustrySecondary)
        }
        industryTiers = industries

        var sizes = TextTable<Int>()
        for (index, band) in model.demographic.companySizes.enumerated() {
            sizes.insert(band.label, index)
        }
        companySizeIndex = sizes

        var values = SelectorValues()
        actionRules = RuleSet(model.nextBestActions.factorRules.map(\.whenAny), values: &values)
        let groups = model.recommendedContent.groups
        contentRules = RuleSet(groups.flatMap { $0.map(\.whenAny) }, values: &values)
        var ranges: [Range<Int>] = []
        for group in groups {
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + group.count)
        }
        contentGroupRanges = ranges
        focusRules = RuleSet(model.personalization.contentFocus.map(\.whenAny), values: &values)
        caseStudyRules = RuleSet(model.personalization.caseStudies.map(\.whenAny), values: &values)
        selectorValues = values
        decisionTables = DecisionTables(model: model)
    }

    /// The scorer for `ScoringModel.default`.
    public static let `default`: Scorer = {
        do {
            return try Scorer(model: .default)
        } catch {
            // The built-in model is a constant that a test validates.
            preconditionFailure("the built-in scoring model is invalid: \(error)")
        }
    }()

    /// Scores one contact.
    ///
    /// Absent fields count as the reference model reads them. A missing count,
    /// rate, amount or flag adds no points, a contact that is not a previous
    /// customer gets the neutral service score, and a missing frequency or
    /// velocity counts as 0, which earns the stable-engagement points. The one
    /// deviation: an absent `engagement_recency` means the contact never
    /// engaged, which earns the model's `never_engaged_points`.
    public func score(_ features: LeadFeatures) -> QualificationResult {
        var list = FactorList(capacity: 32)
        let components = ComponentScores(
            marketing: marketingScore(features, into: &list),
            sales: salesScore(features, into: &list),
            service: serviceScore(features, into: &list),
            demographic: demographicScore(features, into: &list),
            behavioral: behavioralScore(features, into: &list)
        )
        let score = unifiedScore(components)
        let status = status(for: score)

        var present = FactorCodeSet()
        for index in list.factors.indices {
            present.insert(list.factors[index].code)
        }
        let textIDs = selectorValues.ids(for: list.texts)

        return QualificationResult(
            contactID: features.contactID,
            asOf: features.asOf,
            score: score,
            status: status,
            nurtureTrack: nurtureTrack(for: score),
            components: components,
            factors: list.factors,
            topFactors: topFactors(list.factors),
            factorTexts: list.texts,
            nextBestActions: nextBestActions(status: status, present: present, textIDs: textIDs),
            recommendedOwner: model.owners[status],
            recommendedContent: recommendedContent(present: present, textIDs: textIDs),
            personalization: personalization(score: score, present: present, textIDs: textIDs),
            modelVersion: modelVersion
        )
    }

    /// Computes the weighted sum in the order marketing, sales, service,
    /// demographic, behavioral, and rounds it half up like JavaScript's `Math.round`.
    func unifiedScore(_ components: ComponentScores) -> Int {
        let weights = model.weights
        let weighted = components.marketing * weights.marketing
            + components.sales * weights.sales
            + components.service * weights.service
            + components.demographic * weights.demographic
            + components.behavioral * weights.behavioral
        return Self.saturatingInt(Self.roundHalfUp(weighted))
    }

    /// Rounds to the nearest integer and a tie toward positive infinity:
    /// 2.5 → 3, -2.5 → -2, and 0.49999999999999994 → 0 (where `floor(x + 0.5)`
    /// would give 1), as JavaScript's `Math.round` does.
    static func roundHalfUp(_ value: Double) -> Double {
        let floor = value.rounded(.down)
        // For |value| < 2^52 the difference is exact; above that every double is an integer.
        return value - floor >= 0.5 ? floor + 1 : floor
    }

    /// Converts to `Int`, clamping to `Int`'s range; a model without caps can
    /// produce scores beyond it from extreme inputs.
    static func saturatingInt(_ value: Double) -> Int {
        if value >= 9.2e18 { return Int.max }
        if value <= -9.2e18 { return Int.min }
        return Int(value)
    }

    func status(for score: Int) -> QualificationStatus {
        let thresholds = model.statusThresholds
        if score >= thresholds.salesQualifiedLead { return .salesQualifiedLead }
        if score >= thresholds.marketingQualifiedLead { return .marketingQualifiedLead }
        if score >= thresholds.lead { return .lead }
        return .subscriber
    }

    func nurtureTrack(for score: Int) -> NurtureTrack {
        if score >= model.statusThresholds.salesQualifiedLead { return .salesHandoff }
        if score >= model.nurture.highPotentialMinScore { return .highPotential }
        return .standard
    }
}
