/// A condition on the contact's factors, written `code` or `code=value` in a model file.
///
/// `code` is a factor code or a prefix of codes at a dot: `demographic.role.executive`,
/// `behavioral.frequency` (every frequency tier) or `marketing` (any marketing
/// factor). With a value, the factor must also be about that exact text: the
/// industry, the company size label, the deal stage label or the job title or
/// function, for example `demographic.industry=Healthcare`.
public struct FactorSelector: Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var value: String?

    public init(_ code: String, value: String? = nil) {
        self.code = code
        self.value = value
    }

    /// Parses the `code` or `code=value` form; the value is everything after the first `=`.
    public init(parsing text: String) {
        if let equals = text.firstIndex(of: "=") {
            code = String(text[..<equals])
            value = String(text[text.index(after: equals)...])
        } else {
            code = text
            value = nil
        }
    }

    public var description: String {
        guard let value else { return code }
        return "\(code)=\(value)"
    }
}

/// A decision rule: its output applies when any of the selectors matches a factor.
public struct FactorRule<Output: Sendable & Equatable>: Sendable, Equatable {
    public var whenAny: [FactorSelector]
    public var output: Output

    public init(whenAny: [FactorSelector], output: Output) {
        self.whenAny = whenAny
        self.output = output
    }
}

/// A rule that adds an action to the next best actions.
public typealias ActionRule = FactorRule<String>
/// A rule that adds items to the recommended content.
public typealias ContentRule = FactorRule<[String]>
/// A rule that adds a content focus to the personalization.
public typealias FocusRule = FactorRule<String>
/// A rule that chooses the featured case study.
public typealias CaseStudyRule = FactorRule<String>

/// The recommended owner for each status.
public struct OwnerRules: Sendable, Equatable {
    public var subscriber: String
    public var lead: String
    public var marketingQualifiedLead: String
    public var salesQualifiedLead: String

    public init(subscriber: String, lead: String, marketingQualifiedLead: String, salesQualifiedLead: String) {
        self.subscriber = subscriber
        self.lead = lead
        self.marketingQualifiedLead = marketingQualifiedLead
        self.salesQualifiedLead = salesQualifiedLead
    }

    public subscript(status: QualificationStatus) -> String {
        switch status {
        case .subscriber: subscriber
        case .lead: lead
        case .marketingQualifiedLead: marketingQualifiedLead
        case .salesQualifiedLead: salesQualifiedLead
        }
    }
}

/// Next best actions: the status's list, followed by every factor rule that matches, in order.
public struct ActionRules: Sendable, Equatable {
    public var subscriber: [String]
    public var lead: [String]
    public var marketingQualifiedLead: [String]
    public var salesQualifiedLead: [String]
    public var factorRules: [ActionRule]

    public init(subscriber: [String], lead: [String], marketingQualifiedLead: [String],
                salesQualifiedLead: [String], factorRules: [ActionRule]) {
        self.subscriber = subscriber
        self.lead = lead
        self.marketingQualifiedLead = marketingQualifiedLead
        self.salesQualifiedLead = salesQualifiedLead
        self.factorRules = factorRules
    }

    public subscript(status: QualificationStatus) -> [String] {
        switch status {
        case .subscriber: subscriber
        case .lead: lead
        case .marketingQualifiedLead: marketingQualifiedLead
        case .salesQualifiedLead: salesQualifiedLead
        }
    }
}

/// Recommended content rules. In each group the first rule that matches adds
/// its items. When no group adds anything, the fallback list is used, and the
/// result keeps the first `limit` items.
public struct ContentRules: Sendable, Equatable {
    public var groups: [[ContentRule]]
    public var fallback: [String]
    public var limit: Int

    public init(groups: [[ContentRule]], fallback: [String], limit: Int) {
        self.groups = groups
        self.fallback = fallback
        self.limit = limit
    }
}

/// The tone and call to action for scores at `minScore` or above.
public struct ToneRule: Sendable, Equatable {
    /// Nil for the default tone, which applies below every other rule's minimum.
    public var minScore: Int?
    public var messageTone: String
    public var callToAction: String

    public init(minScore: Int?, messageTone: String, callToAction: String) {
        self.minScore = minScore
        self.messageTone = messageTone
        self.callToAction = callToAction
    }
}

/// Personalization rules: every matching content focus in order, the first
/// tone whose minimum the score reaches, and the first matching case study.
/// Tone minimums decrease, and the default tone and case study apply when
/// nothing else does.
public struct PersonalizationRules: Sendable, Equatable {
    public var contentFocus: [FocusRule]
    public var tones: [ToneRule]
    public var defaultTone: ToneRule
    public var caseStudies: [CaseStudyRule]
    public var defaultCaseStudy: String

    public init(contentFocus: [FocusRule], tones: [ToneRule], defaultTone: ToneRule,
                caseStudies: [CaseStudyRule], defaultCaseStudy: String) {
        self.contentFocus = contentFocus
        self.tones = tones
        self.defaultTone = defaultTone
        self.caseStudies = caseStudies
        self.defaultCaseStudy = defaultCaseStudy
    }
}
