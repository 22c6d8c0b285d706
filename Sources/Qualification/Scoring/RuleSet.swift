/// The selectors of one list of decision rules, flattened into arrays of plain
/// values so that matching reads them without reference counting.
///
/// A rule matches when any of its selectors does. A selector matches when one
/// of its codes is present. A selector with a value also needs the text of
/// such a factor to equal the value, and the two are compared as ids from
/// `SelectorValues`, not as strings.
struct RuleSet: Sendable {
    private struct Selector: Sendable {
        var codes: FactorCodeSet
        /// The value's id in `SelectorValues`, or -1 for a selector without a value.
        var value: Int32
        /// The selector's codes grouped by the text their factors are about, in `textGroups`.
        var textGroups: Range<Int32>
    }

    private struct TextGroup: Sendable {
        var text: FactorText
        var codes: FactorCodeSet
    }

    /// The end of each rule's run in `selectors`; a rule starts where the previous one ends.
    private var ruleEnds: [Int32] = []
    private var selectors: [Selector] = []
    private var textGroups: [TextGroup] = []

    var count: Int { ruleEnds.count }

    /// Flattens `rules`, each a list of selectors, registering their values in `values`.
    init(_ rules: [[FactorSelector]], values: inout SelectorValues) {
        for rule in rules {
            for selector in rule {
                let codes = FactorCode.codes(under: selector.code)
                let groupStart = Int32(textGroups.count)
                var valueID: Int32 = -1
                if let value = selector.value {
                    valueID = values.id(for: value, comparedWith: codes.compactMap(\.text))
                    for code in codes {
                        guard let text = code.text else { continue }
                        if let index = textGroups[Int(groupStart)...].firstIndex(where: { $0.text == text }) {
                            textGroups[index].codes.insert(code)
                        } else {
                            textGroups.append(TextGroup(text: text, codes: FactorCodeSet([code])))
                        }
                    }
                }
                selectors.append(Selector(codes: FactorCodeSet(codes), value: valueID,
                                          textGroups: groupStart..<Int32(textGroups.count)))
            }
            ruleEnds.append(Int32(selectors.count))
        }
    }

    /// Returns true when rule `index` matches the factors whose codes are in
    /// `present` and whose texts have the ids `textIDs`.
    @inline(__always)
    func matches(_ index: Int, present: FactorCodeSet, textIDs: TextIDs) -> Bool {
        let start = index == 0 ? 0 : Int(ruleEnds[index - 1])
        for position in start..<Int(ruleEnds[index]) {
            let selector = selectors[position]
            guard present.intersects(selector.codes) else { continue }
            if selector.value < 0 { return true }
            for group in Int(selector.textGroups.lowerBound)..<Int(selector.textGroups.upperBound)
            where present.intersects(textGroups[group].codes) && textIDs[textGroups[group].text] == selector.value {
                return true
            }
        }
        return false
    }

    /// Returns the first rule in `range` that matches, or nil.
    @inline(__always)
    func firstMatch(in range: Range<Int>, present: FactorCodeSet, textIDs: TextIDs) -> Int? {
        for index in range where matches(index, present: present, textIDs: textIDs) {
            return index
        }
        return nil
    }
}

/// Every value that a selector of the model names, each with an id.
struct SelectorValues: Sendable {
    private var table = TextTable<Int32>()
    private var count: Int32 = 0
    /// A bit per `FactorText` raw value for the texts that some selector with a
    /// value compares; the others are never looked up.
    private var compared: UInt8 = 0

    /// Returns the id of `value`, adding it when new, and notes that `texts` are compared with it.
    mutating func id(for value: String, comparedWith texts: [FactorText]) -> Int32 {
        for text in texts {
            compared |= 1 << text.rawValue
        }
        if let id = table.value(for: value) {
            return id
        }
        table.insert(value, count)
        count += 1
        return count - 1
    }

    @inline(__always)
    private func isCompared(_ text: FactorText) -> Bool {
        compared & (1 << text.rawValue) != 0
    }

    /// Looks up each compared text of one scoring once, for all rule sets.
    func ids(for texts: FactorTexts) -> TextIDs {
        var ids = TextIDs()
        guard count > 0 else { return ids }
        if isCompared(.industry), let text = texts.industry {
            ids.industry = table.value(for: text) ?? -1
        }
        if isCompared(.dealStage), let text = texts.dealStage {
            ids.dealStage = table.value(for: text) ?? -1
        }
        if isCompared(.companySize), let text = texts.companySize {
            ids.companySize = table.value(for: text) ?? -1
        }
        if isCompared(.jobTitle), let text = texts.jobTitle {
            ids.jobTitle = table.value(for: text) ?? -1
        }
        if isCompared(.jobFunction), let text = texts.jobFunction {
            ids.jobFunction = table.value(for: text) ?? -1
        }
        return ids
    }
}

/// The ids of one contact's texts among the selector values; -1 where no selector names the text.
struct TextIDs: Sendable {
    var industry: Int32 = -1
    var dealStage: Int32 = -1
    var companySize: Int32 = -1
    var jobTitle: Int32 = -1
    var jobFunction: Int32 = -1

    @inline(__always)
    subscript(text: FactorText) -> Int32 {
        switch text {
        case .industry: industry
        case .dealStage: dealStage
        case .companySize: companySize
        case .jobTitle: jobTitle
        case .jobFunction: jobFunction
        }
    }
}

extension FactorCode {
    /// The text a factor with this code is about, or nil for a factor about a number.
    var text: FactorText? {
        switch self {
        case .demographicIndustryTarget, .demographicIndustrySecondary, .demographicIndustryOther: .industry
        case .salesDealStage: .dealStage
        case .demographicSizeEnterprise, .demographicSizeMidMarket, .demographicSizeSmallBusiness,
             .demographicSizeStartup:
            .companySize
        case .demographicRoleExecutive, .demographicRoleSenior, .demographicRoleOther: .jobTitle
        case .demographicRoleTargetFunction: .jobFunction
        default: nil
        }
    }
}
