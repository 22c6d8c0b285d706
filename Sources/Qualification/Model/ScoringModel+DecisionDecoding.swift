extension ScoringModel {
    static func readOwners(_ object: ObjectCursor) -> OwnerRules {
        defer { object.finish() }
        return OwnerRules(
            subscriber: object.string(QualificationStatus.subscriber.rawValue),
            lead: object.string(QualificationStatus.lead.rawValue),
            marketingQualifiedLead: object.string(QualificationStatus.marketingQualifiedLead.rawValue),
            salesQualifiedLead: object.string(QualificationStatus.salesQualifiedLead.rawValue)
        )
    }

    static func readActions(_ object: ObjectCursor) -> ActionRules {
        defer { object.finish() }
        let byStatus = object.object("by_status")
        let subscriber = byStatus.strings(QualificationStatus.subscriber.rawValue)
        let lead = byStatus.strings(QualificationStatus.lead.rawValue)
        let mql = byStatus.strings(QualificationStatus.marketingQualifiedLead.rawValue)
        let sql = byStatus.strings(QualificationStatus.salesQualifiedLead.rawValue)
        byStatus.finish()

        let rules = object.objects("factor_rules").map { rule in
            defer { rule.finish() }
            return ActionRule(whenAny: readSelectors(rule), output: rule.string("action"))
        }
        return ActionRules(subscriber: subscriber, lead: lead, marketingQualifiedLead: mql,
                           salesQualifiedLead: sql, factorRules: rules)
    }

    static func readContent(_ object: ObjectCursor) -> ContentRules {
        defer { object.finish() }
        var groups: [[ContentRule]] = []
        for (groupIndex, group) in object.array("groups").enumerated() {
            let groupPath = "\(object.path(of: "groups"))[\(groupIndex)]"
            guard case .array(let elements) = group else {
                object.fail("groups[\(groupIndex)]", "expected an array of content rules, got \(group.excerpt)")
                continue
            }
            let rules = object.cursors(over: elements, at: groupPath).map { rule in
                defer { rule.finish() }
                return ContentRule(whenAny: readSelectors(rule), output: rule.strings("content", allowEmpty: false))
            }
            groups.append(rules)
        }
        return ContentRules(groups: groups, fallback: object.strings("fallback"),
                            limit: object.integer("limit", in: 1...100))
    }

    static func readPersonalization(_ object: ObjectCursor, reader: ModelReader) -> PersonalizationRules {
        defer { object.finish() }
        let focus = object.objects("content_focus").map { rule in
            defer { rule.finish() }
            return FocusRule(whenAny: readSelectors(rule), output: rule.string("focus"))
        }

        var tones: [ToneRule] = []
        for tone in object.objects("tones") {
            defer { tone.finish() }
            let before = reader.issues.count
            let minScore = tone.integer("min_score", in: -1_000_000...1_000_000)
            let rule = ToneRule(minScore: minScore, messageTone: tone.string("message_tone"),
                                callToAction: tone.string("call_to_action"))
            if reader.issues.count == before, let previous = tones.last?.minScore, minScore >= previous {
                tone.fail("min_score", "\(minScore) must be below the previous tone's min_score (\(previous))")
            }
            tones.append(rule)
        }

        let defaultToneObject = object.object("default_tone")
        let defaultTone = ToneRule(minScore: nil, messageTone: defaultToneObject.string("message_tone"),
                                   callToAction: defaultToneObject.string("call_to_action"))
        defaultToneObject.finish()

        let caseStudies = object.objects("case_studies").map { rule in
            defer { rule.finish() }
            return CaseStudyRule(whenAny: readSelectors(rule), output: rule.string("case_study"))
        }

        return PersonalizationRules(contentFocus: focus, tones: tones, defaultTone: defaultTone,
                                    caseStudies: caseStudies,
                                    defaultCaseStudy: object.string("default_case_study"))
    }

    /// Reads `when_any`: at least one selector, each naming known factor codes.
    private static func readSelectors(_ rule: ObjectCursor) -> [FactorSelector] {
        let texts = rule.strings("when_any", allowEmpty: false)
        var selectors: [FactorSelector] = []
        for (index, text) in texts.enumerated() {
            let selector = FactorSelector(parsing: text)
            if let problem = selector.problem {
                rule.fail("when_any[\(index)]", problem)
            }
            selectors.append(selector)
        }
        return selectors
    }
}

extension FactorSelector {
    /// The codes that may carry a value, because their factors are about a text.
    static let valueCodePrefixes = ["sales.deal_stage", "demographic.industry", "demographic.company_size", "demographic.role"]

    /// The reason the selector is invalid, or nil when it is valid.
    var problem: String? {
        let codes = FactorCode.codes(under: code)
        guard !codes.isEmpty else {
            return "unknown factor code \(JSONValue.string(code).excerpt); run 'crosshub model codes' for the list"
        }
        if value != nil {
            let textCodes = Self.valueCodePrefixes.flatMap { FactorCode.codes(under: $0) }
            if !codes.allSatisfy(textCodes.contains) {
                return "a value needs factors that are about a text: \(Self.valueCodePrefixes.joined(separator: ", "))"
            }
            if value?.isEmpty == true {
                return "the value after '=' is empty"
            }
        }
        return nil
    }
}
