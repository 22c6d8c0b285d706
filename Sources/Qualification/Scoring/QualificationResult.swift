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

extension QualificationResult {
    /// The record form. Keys: `contact_id` (string or null), `as_of` (only when
    /// known), `score`, `status`, `nurture_track`, `components`, `factors`,
    /// `top_factors`, `next_best_actions`, `recommended_owner`,
    /// `recommended_content`, `personalization`, `model_version`.
    /// `schemas/qualification.schema.json` describes it.
    public var json: ScoringJSON {
        var members: [ScoringJSON.Member] = [
            .init("contact_id", contactID.map { .string($0) } ?? .null),
        ]
        if let asOf {
            members.append(.init("as_of", .string(asOf)))
        }
        members += [
            .init("score", .integer(score)),
            .init("status", .string(status.rawValue)),
            .init("nurture_track", .string(nurtureTrack.rawValue)),
            .init("components", .object(ScoreComponent.allCases.map { .init($0.rawValue, .number(components[$0])) })),
            .init("factors", .array(factors.map(factorJSON))),
            .init("top_factors", .array(topFactors.map(factorJSON))),
            .init("next_best_actions", .array(nextBestActions.map { .string($0) })),
            .init("recommended_owner", .string(recommendedOwner)),
            .init("recommended_content", .array(recommendedContent.map { .string($0) })),
            .init("personalization", .object([
                .init("content_focus", .array(personalization.contentFocus.map { .string($0) })),
                .init("message_tone", .string(personalization.messageTone)),
                .init("featured_case_study", .string(personalization.featuredCaseStudy)),
                .init("call_to_action", .string(personalization.callToAction)),
            ])),
            .init("model_version", .string(modelVersion)),
        ]
        return .object(members)
    }

    /// Returns the record as one line of compact JSON, without a newline.
    /// The bytes equal `json.compactText()`, but no tree is built.
    public func jsonLine() -> String {
        var output: [UInt8] = []
        writeJSON(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the record as compact JSON to `output`, without a newline.
    public func writeJSON(into output: inout [UInt8]) {
        output.reserveCapacity(output.count + 512 + 160 * (factors.count + topFactors.count))
        output.appendLiteral(#"{"contact_id":"#)
        if let contactID {
            ScoringJSON.writeString(contactID, into: &output)
        } else {
            output.appendLiteral("null")
        }
        if let asOf {
            output.appendLiteral(#","as_of":"#)
            ScoringJSON.writeString(asOf, into: &output)
        }
        output.appendLiteral(#","score":"#)
        output.appendUTF8(String(score))
        output.appendLiteral(#","status":""#)
        output.appendUTF8(status.rawValue)
        output.appendLiteral(#"","nurture_track":""#)
        output.appendUTF8(nurtureTrack.rawValue)
        output.appendLiteral(#"","components":{"#)
        for component in ScoreComponent.allCases {
            if component != .marketing { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.appendUTF8(component.rawValue)
            output.appendLiteral(#"":"#)
            ScoringJSON.writeNumber(components[component], into: &output)
        }
        output.appendLiteral(#"},"factors":"#)
        writeFactors(factors, into: &output)
        output.appendLiteral(#","top_factors":"#)
        writeFactors(topFactors, into: &output)
        output.appendLiteral(#","next_best_actions":"#)
        Self.writeStrings(nextBestActions, into: &output)
        output.appendLiteral(#","recommended_owner":"#)
        ScoringJSON.writeString(recommendedOwner, into: &output)
        output.appendLiteral(#","recommended_content":"#)
        Self.writeStrings(recommendedContent, into: &output)
        output.appendLiteral(#","personalization":{"content_focus":"#)
        Self.writeStrings(personalization.contentFocus, into: &output)
        output.appendLiteral(#","message_tone":"#)
        ScoringJSON.writeString(personalization.messageTone, into: &output)
        output.appendLiteral(#","featured_case_study":"#)
        ScoringJSON.writeString(personalization.featuredCaseStudy, into: &output)
        output.appendLiteral(#","call_to_action":"#)
        ScoringJSON.writeString(personalization.callToAction, into: &output)
        output.appendLiteral(#"},"model_version":"#)
        ScoringJSON.writeString(modelVersion, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    private func writeFactors(_ list: [Factor], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, factor) in list.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.appendLiteral(#"{"component":""#)
            output.appendUTF8(factor.component.rawValue)
            output.appendLiteral(#"","code":""#)
            output.appendUTF8(factor.code.name)
            output.appendLiteral(#"","points":"#)
            ScoringJSON.writeNumber(factor.points, into: &output)
            output.appendLiteral(#","detail":"#)
            ScoringJSON.writeString(detail(of: factor), into: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func writeStrings(_ strings: [String], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            ScoringJSON.writeString(string, into: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Renders a short sentence for people about one of this result's factors,
    /// such as `3 objections raised` or `Senior title Head of IT`. The sentence
    /// may change between releases, so match on the factor's `code`, not on it.
    public func detail(of factor: Factor) -> String {
        factor.detail(texts: factorTexts)
    }

    /// Returns the text `factor` is about (industry, deal stage label, company
    /// size label, job title or function), or nil for a factor about a number.
    public func text(of factor: Factor) -> String? {
        factorTexts.text(of: factor)
    }

    /// `{"component": ..., "code": ..., "points": ..., "detail": ...}`.
    func factorJSON(_ factor: Factor) -> ScoringJSON {
        .object([
            .init("component", .string(factor.component.rawValue)),
            .init("code", .string(factor.code.name)),
            .init("points", .number(factor.points)),
            .init("detail", .string(detail(of: factor))),
        ])
    }
}
