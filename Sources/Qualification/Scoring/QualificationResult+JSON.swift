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
        let maxCount = maxJSONBytes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { buffer in
            var cursor = JSONByteCursor(buffer)
            write(to: &cursor)
            output.append(contentsOf: cursor.written)
        }
    }

    private func write(to output: inout JSONByteCursor) {
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
        output.appendUTF8(status.rawValue)
        output.appendASCII(#"","nurture_track":""#)
        output.appendUTF8(nurtureTrack.rawValue)

        output.appendASCII(#"","components":{"#)
        for component in ScoreComponent.allCases {
            if component != .marketing { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.appendUTF8(component.rawValue)
            output.appendASCII(#"":"#)
            output.appendJSONNumber(components[component])
        }

        output.appendASCII(#"},"factors":"#)
        writeFactors(factors, to: &output)
        output.appendASCII(#","top_factors":"#)
        writeFactors(topFactors, to: &output)

        output.appendASCII(#","next_best_actions":"#)
        Self.writeStrings(nextBestActions, to: &output)
        output.appendASCII(#","recommended_owner":"#)
        output.appendJSONString(recommendedOwner)
        output.appendASCII(#","recommended_content":"#)
        Self.writeStrings(recommendedContent, to: &output)

        output.appendASCII(#","personalization":{"content_focus":"#)
        Self.writeStrings(personalization.contentFocus, to: &output)
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

    /// Writes `list`, factors of this result, as a JSON array of
    /// `{"component", "code", "points", "detail"}` objects; reserve
    /// `maxFactorsJSONBytes(list)` for it.
    func writeFactors(_ list: [Factor], to output: inout JSONByteCursor) {
        output.append(UInt8(ascii: "["))
        for (index, factor) in list.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            Self.factorPrefixes[Int(factor.code.rawValue)].withUnsafeBufferPointer { output.append($0) }
            output.appendJSONNumber(factor.points)
            output.appendASCII(#","detail":""#)
            factor.appendDetail(texts: factorTexts, escapingForJSON: true, to: &output)
            output.appendASCII(#""}"#)
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func writeStrings(_ strings: [String], to output: inout JSONByteCursor) {
        output.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.appendJSONString(string)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// `{"component":"sales","code":"sales.deal_stage","points":` for each
    /// factor code, by raw value: the part of a factor's JSON that only its code decides.
    private static let factorPrefixes: [[UInt8]] = FactorCode.allCases.map { code in
        var bytes: [UInt8] = []
        bytes.appendASCII(#"{"component":"#)
        bytes.appendJSONString(code.component.rawValue)
        bytes.appendASCII(#","code":"#)
        bytes.appendJSONString(code.name)
        bytes.appendASCII(#","points":"#)
        return bytes
    }

    /// The maximum number of bytes that `writeJSON(into:)` writes for this result.
    private var maxJSONBytes: Int {
        // Keys, brackets, the status, the nurture track and the five component scores.
        var total = 1024
        total += Self.maxStringBytes(contactID ?? "") + Self.maxStringBytes(asOf ?? "")
        for factor in factors {
            total += maxFactorBytes(factor)
        }
        for factor in topFactors {
            total += maxFactorBytes(factor)
        }
        total += Self.maxStringsBytes(nextBestActions) + Self.maxStringsBytes(recommendedContent)
        total += Self.maxStringsBytes(personalization.contentFocus)
        total += Self.maxStringBytes(recommendedOwner) + Self.maxStringBytes(personalization.messageTone)
        total += Self.maxStringBytes(personalization.featuredCaseStudy) + Self.maxStringBytes(personalization.callToAction)
        total += Self.maxStringBytes(modelVersion)
        return total
    }

    private static func maxStringBytes(_ string: String) -> Int {
        JSONByteCursor.maxStringBytes(string)
    }

    /// The maximum number of bytes of a list's strings, with a comma after each.
    private static func maxStringsBytes(_ strings: [String]) -> Int {
        var total = 0
        for string in strings {
            total += JSONByteCursor.maxStringBytes(string) + 1
        }
        return total
    }

    /// The maximum number of bytes that `writeFactors(_:to:)` writes for `list`.
    func maxFactorsJSONBytes(_ list: [Factor]) -> Int {
        var total = 2
        for factor in list {
            total += maxFactorBytes(factor)
        }
        return total
    }

    /// The maximum number of bytes of one factor's JSON and the comma before it.
    private func maxFactorBytes(_ factor: Factor) -> Int {
        let punctuation = #","detail":""}"#.utf8.count + 1
        return Self.factorPrefixes[Int(factor.code.rawValue)].count + JSONByteCursor.maxNumberBytes
            + punctuation + factor.maxDetailBytes(texts: factorTexts)
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
