extension QualificationResult {
    /// The record form. Keys: `contact_id` (string or null), `as_of` (only when
    /// known), `score`, `status`, `nurture_track`, `components`, `factors`,
    /// `top_factors`, `next_best_actions`, `recommended_owner`,
    /// `recommended_content`, `personalization`, `model_version`.
    /// `schemas/qualification.schema.json` describes it.
    public var json: JSONValue {
        var members: JSONObject = ["contact_id": contactID.map { .string($0) } ?? .null]
        if let asOf {
            members["as_of"] = .string(asOf)
        }
        members["score"] = .integer(Int64(score))
        members["status"] = .string(status.rawValue)
        members["nurture_track"] = .string(nurtureTrack.rawValue)
        members["components"] = .object(JSONObject(ScoreComponent.allCases.map { ($0.rawValue, .number(components[$0])) }))
        members["factors"] = .array(factors.map(factorJSON))
        members["top_factors"] = .array(topFactors.map(factorJSON))
        members["next_best_actions"] = .array(nextBestActions.map { .string($0) })
        members["recommended_owner"] = .string(recommendedOwner)
        members["recommended_content"] = .array(recommendedContent.map { .string($0) })
        members["personalization"] = .object([
            "content_focus": .array(personalization.contentFocus.map { .string($0) }),
            "message_tone": .string(personalization.messageTone),
            "featured_case_study": .string(personalization.featuredCaseStudy),
            "call_to_action": .string(personalization.callToAction),
        ])
        members["model_version"] = .string(modelVersion)
        return .object(members)
    }

    /// Returns the record as one line of compact JSON, without a newline.
    /// The bytes equal `json.jsonText(keyOrder: .memberOrder)`, but no tree is built.
    public func jsonLine() -> String {
        var output: [UInt8] = []
        writeJSON(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the record as compact JSON to `output`, without a newline.
    public func writeJSON(into output: inout [UInt8]) {
        output.reserveCapacity(output.count + 512 + 160 * (factors.count + topFactors.count))
        output.appendASCII(#"{"contact_id":"#)
        if let contactID {
            output.appendJSONString(contactID)
        } else {
            output.appendASCII("null")
        }
        if let asOf {
            output.appendASCII(#","as_of":"#)
            output.appendJSONString(asOf)
        }

        output.appendASCII(#","score":"#)
        output.appendJSONInteger(Int64(score))
        output.appendASCII(#","status":""#)
        output.append(contentsOf: status.rawValue.utf8)
        output.appendASCII(#"","nurture_track":""#)
        output.append(contentsOf: nurtureTrack.rawValue.utf8)

        output.appendASCII(#"","components":{"#)
        for component in ScoreComponent.allCases {
            if component != .marketing { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: component.rawValue.utf8)
            output.appendASCII(#"":"#)
            output.appendJSONNumber(components[component])
        }

        output.appendASCII(#"},"factors":"#)
        writeFactors(factors, into: &output)
        output.appendASCII(#","top_factors":"#)
        writeFactors(topFactors, into: &output)

        output.appendASCII(#","next_best_actions":"#)
        Self.writeStrings(nextBestActions, into: &output)
        output.appendASCII(#","recommended_owner":"#)
        output.appendJSONString(recommendedOwner)
        output.appendASCII(#","recommended_content":"#)
        Self.writeStrings(recommendedContent, into: &output)

        output.appendASCII(#","personalization":{"content_focus":"#)
        Self.writeStrings(personalization.contentFocus, into: &output)
        output.appendASCII(#","message_tone":"#)
        output.appendJSONString(personalization.messageTone)
        output.appendASCII(#","featured_case_study":"#)
        output.appendJSONString(personalization.featuredCaseStudy)
        output.appendASCII(#","call_to_action":"#)
        output.appendJSONString(personalization.callToAction)
        output.appendASCII(#"},"model_version":"#)
        output.appendJSONString(modelVersion)
        output.append(UInt8(ascii: "}"))
    }

    private func writeFactors(_ list: [Factor], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, factor) in list.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.appendASCII(#"{"component":""#)
            output.append(contentsOf: factor.component.rawValue.utf8)
            output.appendASCII(#"","code":""#)
            output.append(contentsOf: factor.code.name.utf8)
            output.appendASCII(#"","points":"#)
            output.appendJSONNumber(factor.points)
            output.appendASCII(#","detail":"#)
            output.appendJSONString(detail(of: factor))
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func writeStrings(_ strings: [String], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.appendJSONString(string)
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
    func factorJSON(_ factor: Factor) -> JSONValue {
        .object([
            "component": .string(factor.component.rawValue),
            "code": .string(factor.code.name),
            "points": .number(factor.points),
            "detail": .string(detail(of: factor)),
        ])
    }
}
