/// One reason for a component score: a rule that matched, the points it added
/// (negative for a deduction, 0 for a rule that only informs), and what it was about.
///
/// Points are the rule's points within its component, before the component's
/// floor and cap; the unified score weighs them with the component's weight.
///
/// A factor is a plain value without references, so that scoring copies and
/// frees factors without reference counting. A text it is about (an
/// industry, a job title) is kept once per result in `FactorTexts`, and
/// `QualificationResult.detail(of:)` renders the detail text when asked.
public struct Factor: Sendable, Equatable {
    public var code: FactorCode
    public var points: Double
    /// The input the rule looked at, for the detail text and for selectors with a value.
    public var subject: FactorSubject

    public init(_ code: FactorCode, points: Double, subject: FactorSubject = .none) {
        self.code = code
        self.points = points
        self.subject = subject
    }

    public var component: ScoreComponent { code.component }
}

/// The input behind a factor.
public enum FactorSubject: Sendable, Equatable {
    case none
    /// A count of events, days or minutes, or an integer score.
    case count(Int)
    /// A rate, a CSAT average, an amount of money or an engagement measure.
    case number(Double)
    /// A text input, stored in the result's `FactorTexts`.
    case text(FactorText)
    /// An employee count; the label of its band is the result's `companySize` text.
    case employees(Int)
}

/// A reference to one of a result's texts, the one a factor is about.
public enum FactorText: UInt8, Sendable, Equatable {
    case industry
    /// The label of the deal stage, also when the input named the stage by id.
    case dealStage
    /// The company size band label, also when the input was an employee count.
    case companySize
    case jobTitle
    case jobFunction
}

/// The texts that a result's factors are about, kept once per result.
public struct FactorTexts: Sendable, Equatable {
    public var industry: String?
    public var dealStage: String?
    public var companySize: String?
    public var jobTitle: String?
    public var jobFunction: String?

    public init(industry: String? = nil, dealStage: String? = nil, companySize: String? = nil,
                jobTitle: String? = nil, jobFunction: String? = nil) {
        self.industry = industry
        self.dealStage = dealStage
        self.companySize = companySize
        self.jobTitle = jobTitle
        self.jobFunction = jobFunction
    }

    public subscript(text: FactorText) -> String? {
        switch text {
        case .industry: industry
        case .dealStage: dealStage
        case .companySize: companySize
        case .jobTitle: jobTitle
        case .jobFunction: jobFunction
        }
    }

    /// Returns the text `factor` is about, or nil for a factor about a number.
    func text(of factor: Factor) -> String? {
        switch factor.subject {
        case .text(let text): self[text]
        case .employees: companySize
        default: nil
        }
    }
}

/// The factors of one scoring as the component rules add them, with their texts.
struct FactorList {
    var factors: [Factor] = []
    var texts = FactorTexts()

    init(capacity: Int) {
        factors.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func add(_ code: FactorCode, _ points: Double, _ subject: FactorSubject = .none) {
        factors.append(Factor(code, points: points, subject: subject))
    }
}
