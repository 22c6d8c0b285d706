/// Builds the outputs of the decision rules from which rules matched. The
/// scorer calls these once per combination of matches when the model loads,
/// so that scoring looks lists up instead of building them, and per scoring
/// only for models with too many rules to tabulate.
enum DecisionBuilder {
    /// Returns the status's actions followed by the action of every matched rule, in model order.
    static func actions(_ rules: ActionRules, status: QualificationStatus, isMatched: (Int) -> Bool) -> [String] {
        var actions = rules[status]
        for index in rules.factorRules.indices where isMatched(index) {
            actions.append(rules.factorRules[index].output)
        }
        return actions
    }

    /// Returns the content of each group's chosen rule, or the fallback when no
    /// group chose one, cut to the limit. `chosen` returns a rule index within
    /// the group, or nil.
    static func content(_ rules: ContentRules, chosen: (Int) -> Int?) -> [String] {
        var content: [String] = []
        for group in rules.groups.indices {
            if let rule = chosen(group) {
                content.append(contentsOf: rules.groups[group][rule].output)
            }
        }
        if content.isEmpty {
            content = rules.fallback
        }
        if content.count > rules.limit {
            content.removeLast(content.count - rules.limit)
        }
        return content
    }

    /// Returns the focus of every matched rule, in model order.
    static func focus(_ rules: [FocusRule], isMatched: (Int) -> Bool) -> [String] {
        rules.indices.filter(isMatched).map { rules[$0].output }
    }
}

/// Precomputed outputs of the decision rules, one list per combination of matches.
struct DecisionTables: Sendable {
    /// Action lists by `status.rank << ruleCount | matchMask`, or nil when there are too many rules.
    let actions: [[String]]?
    /// Content lists by a mixed-radix key: each group's digit is 0 for no match,
    /// or 1 plus the index of its first matching rule. Nil when there are too many combinations.
    let content: [[String]]?
    /// The place value of each group's digit in the content key.
    let contentStrides: [Int]
    /// Focus lists by match mask, or nil when there are too many rules.
    let focus: [[String]]?

    /// At most this many lists per table; beyond it the scorer builds lists per scoring.
    static let maxEntries = 4096

    init(model: ScoringModel) {
        let actionRules = model.nextBestActions
        if actionRules.factorRules.count <= 10 {
            var table: [[String]] = []
            for status in QualificationStatus.allCases.sorted() {
                for mask in 0..<(1 << actionRules.factorRules.count) {
                    table.append(DecisionBuilder.actions(actionRules, status: status) { mask & (1 << $0) != 0 })
                }
            }
            actions = table
        } else {
            actions = nil
        }

        let groups = model.recommendedContent.groups
        var strides: [Int] = []
        var combinations = 1
        for group in groups {
            strides.append(combinations)
            let (product, overflow) = combinations.multipliedReportingOverflow(by: group.count + 1)
            combinations = overflow ? Int.max : product
        }
        contentStrides = strides
        if combinations <= Self.maxEntries {
            content = (0..<combinations).map { key in
                DecisionBuilder.content(model.recommendedContent) { group in
                    let digit = (key / strides[group]) % (groups[group].count + 1)
                    return digit == 0 ? nil : digit - 1
                }
            }
        } else {
            content = nil
        }

        let focusRules = model.personalization.contentFocus
        if focusRules.count <= 10 {
            focus = (0..<(1 << focusRules.count)).map { mask in
                DecisionBuilder.focus(focusRules) { mask & (1 << $0) != 0 }
            }
        } else {
            focus = nil
        }
    }
}
