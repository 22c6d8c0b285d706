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
        ScoringJSON.appendLiteral(#"{"contact_id":"#, to: &output)
        if let contactID {
            ScoringJSON.writeString(contactID, into: &output)
        } else {
            ScoringJSON.appendLiteral("null", to: &output)
        }
        if let asOf {
            ScoringJSON.appendLiteral(#","as_of":"#, to: &output)
            ScoringJSON.writeString(asOf, into: &output)
        }

        ScoringJSON.appendLiteral(#","score":"#, to: &output)
        ScoringJSON.appendUTF8(String(score), to: &output)
        ScoringJSON.appendLiteral(#","status":""#, to: &output)
        ScoringJSON.appendUTF8(status.rawValue, to: &output)
        ScoringJSON.appendLiteral(#"","nurture_track":""#, to: &output)
        ScoringJSON.appendUTF8(nurtureTrack.rawValue, to: &output)

        ScoringJSON.appendLiteral(#"","components":{"#, to: &output)
        for component in ScoreComponent.allCases {
            if component != .marketing { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            ScoringJSON.appendUTF8(component.rawValue, to: &output)
            ScoringJSON.appendLiteral(#"":"#, to: &output)
            ScoringJSON.writeNumber(components[component], into: &output)
        }

        ScoringJSON.appendLiteral(#"},"factors":"#, to: &output)
        writeFactors(factors, into: &output)
        ScoringJSON.appendLiteral(#","top_factors":"#, to: &output)
        writeFactors(topFactors, into: &output)

        ScoringJSON.appendLiteral(#","next_best_actions":"#, to: &output)
        Self.writeStrings(nextBestActions, into: &output)
        ScoringJSON.appendLiteral(#","recommended_owner":"#, to: &output)
        ScoringJSON.writeString(recommendedOwner, into: &output)
        ScoringJSON.appendLiteral(#","recommended_content":"#, to: &output)
        Self.writeStrings(recommendedContent, into: &output)

        ScoringJSON.appendLiteral(#","personalization":{"content_focus":"#, to: &output)
        Self.writeStrings(personalization.contentFocus, into: &output)
        ScoringJSON.appendLiteral(#","message_tone":"#, to: &output)
        ScoringJSON.writeString(personalization.messageTone, into: &output)
        ScoringJSON.appendLiteral(#","featured_case_study":"#, to: &output)
        ScoringJSON.writeString(personalization.featuredCaseStudy, into: &output)
        ScoringJSON.appendLiteral(#","call_to_action":"#, to: &output)
        ScoringJSON.writeString(personalization.callToAction, into: &output)
        ScoringJSON.appendLiteral(#"},"model_version":"#, to: &output)
        ScoringJSON.writeString(modelVersion, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    private func writeFactors(_ list: [Factor], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, factor) in list.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            ScoringJSON.appendLiteral(#"{"component":""#, to: &output)
            ScoringJSON.appendUTF8(factor.component.rawValue, to: &output)
            ScoringJSON.appendLiteral(#"","code":""#, to: &output)
            ScoringJSON.appendUTF8(factor.code.name, to: &output)
            ScoringJSON.appendLiteral(#"","points":"#, to: &output)
            ScoringJSON.writeNumber(factor.points, into: &output)
            ScoringJSON.appendLiteral(#","detail":"#, to: &output)
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
