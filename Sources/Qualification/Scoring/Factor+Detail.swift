extension Factor {
    /// Renders a short sentence for people, such as `3 objections raised` or
    /// `NPS 4 (detractor)`, from the texts of the result the factor belongs to.
    /// The sentence may change between releases, so match on `code`, not on it.
    public func detail(texts: FactorTexts) -> String {
        var bytes: [UInt8] = []
        bytes.appendJSON(maxCount: maxDetailBytes(texts: texts)) { cursor in
            appendDetail(texts: texts, escapingForJSON: false, to: &cursor)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The maximum number of bytes that `appendDetail(texts:escapingForJSON:to:)` writes:
    /// the fixed words of the longest sentence, a number, and the text the
    /// factor is about with every byte escaped.
    func maxDetailBytes(texts: FactorTexts) -> Int {
        Self.maxDetailWordBytes + JSONByteCursor.maxNumberBytes + 6 * (texts.text(of: self)?.utf8.count ?? 0)
    }

    /// The maximum number of bytes of the fixed words of a detail sentence. The longest has 59.
    static let maxDetailWordBytes = 128

    /// Appends the sentence of `detail(texts:)` as UTF-8, without building a
    /// String. With `escapingForJSON`, texts from the feature document are
    /// escaped for the inside of a JSON string. The fixed words of every
    /// sentence are plain ASCII that JSON never escapes.
    func appendDetail(texts: FactorTexts, escapingForJSON: Bool, to output: inout JSONByteCursor) {
        switch code {
        case .marketingLeadScore:
            appendLabeledSubject("Lead score ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .marketingQualifiedLead:
            output.appendASCII("Marked as a marketing qualified lead")
        case .marketingFormSubmissions:
            appendCount("form submission", "form submissions", to: &output)
        case .marketingContentDownloads:
            appendCount("content download", "content downloads", to: &output)
        case .marketingEmailOpenRate:
            output.appendASCII("Email open rate ")
            appendPercent(to: &output)
        case .marketingEmailClickRate:
            output.appendASCII("Email click rate ")
            appendPercent(to: &output)
        case .marketingHighValuePageVisits:
            appendCount("visit to high-value pages", "visits to high-value pages", to: &output)

        case .salesActivities:
            appendCount("sales activity", "sales activities", to: &output)
        case .salesMeetingAttended:
            output.appendASCII("Attended a sales meeting")
        case .salesDealCreated:
            output.appendASCII("Deal created")
        case .salesDealStage:
            appendLabeledSubject("Deal stage ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .salesEmailReplies:
            appendCount("reply to sales emails", "replies to sales emails", to: &output)
        case .salesCallLong, .salesCallMedium, .salesCallShort, .salesCallBrief:
            output.appendASCII("Sales call time ")
            appendCount("minute", "minutes", to: &output)
            appendTierName(to: &output)
        case .salesObjections:
            appendCount("objection raised", "objections raised", to: &output)

        case .serviceNoPreviousCustomer:
            output.appendASCII("Not a previous customer, so the service score stays neutral")
        case .serviceTenureLongTerm, .serviceTenureEstablished, .serviceTenureMaturing,
             .serviceTenureRecent, .serviceTenureNew:
            output.appendASCII("Customer for ")
            appendCount("day", "days", to: &output)
            appendTierName(to: &output)
        case .serviceCSATExcellent, .serviceCSATGood, .serviceCSATAverage, .serviceCSATBelowAverage,
             .serviceCSATPoor:
            appendLabeledSubject("Average CSAT ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        case .serviceNPSPromoter, .serviceNPSPassive, .serviceNPSDetractor:
            appendLabeledSubject("NPS ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        case .serviceTicketsHigh, .serviceTicketsModerate, .serviceTicketsLow:
            appendCount("support ticket", "support tickets", to: &output)
            appendTierName(suffix: " volume", to: &output)
        case .serviceUsageHigh, .serviceUsageModerate, .serviceUsageLow:
            appendLabeledSubject("Product usage score ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        case .serviceExpansionRevenue:
            appendLabeledSubject("Expansion revenue ", texts, escapingForJSON: escapingForJSON, to: &output)

        case .demographicIndustryTarget:
            appendLabeledSubject("Target industry ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicIndustrySecondary:
            appendLabeledSubject("Secondary industry ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicIndustryOther:
            output.appendASCII("Industry ")
            appendSubject(texts, escapingForJSON: escapingForJSON, to: &output)
            output.appendASCII(" is not a target")
        case .demographicSizeEnterprise, .demographicSizeMidMarket, .demographicSizeSmallBusiness,
             .demographicSizeStartup:
            appendLabeledSubject("Company size ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicRevenueEnterprise, .demographicRevenueMidMarket, .demographicRevenueSMB,
             .demographicRevenueSmall:
            appendLabeledSubject("Annual revenue ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicRoleExecutive:
            appendLabeledSubject("Executive title ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicRoleSenior:
            appendLabeledSubject("Senior title ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicRoleTargetFunction:
            appendLabeledSubject("Target job function ", texts, escapingForJSON: escapingForJSON, to: &output)
        case .demographicRoleOther:
            output.appendASCII("Title ")
            appendSubject(texts, escapingForJSON: escapingForJSON, to: &output)
            output.appendASCII(" matches no target role")
        case .demographicDecisionMaker:
            output.appendASCII("Decision maker")

        case .behavioralRecencyNeverEngaged:
            output.appendASCII("No engagement recorded")
        case .behavioralRecencyVeryRecent, .behavioralRecencyWeek, .behavioralRecencyFortnight,
             .behavioralRecencyMonth, .behavioralRecencyQuarter, .behavioralRecencyStale:
            output.appendASCII("Last engaged ")
            appendCount("day", "days", to: &output)
            output.appendASCII(" ago")
            appendTierName(to: &output)
        case .behavioralFrequencyVeryHigh, .behavioralFrequencyHigh, .behavioralFrequencyModerate,
             .behavioralFrequencyLow, .behavioralFrequencyVeryLow:
            appendLabeledSubject("Engagement frequency ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        case .behavioralVelocityRapidlyIncreasing, .behavioralVelocityIncreasing,
             .behavioralVelocitySlightlyIncreasing, .behavioralVelocityStable, .behavioralVelocityDecreasing:
            appendLabeledSubject("Engagement velocity ", withTier: true, texts, escapingForJSON: escapingForJSON, to: &output)
        }
    }

    /// Appends `label`, what the factor is about and, when `withTier` is true, the tier name in brackets.
    private func appendLabeledSubject(_ label: StaticString, withTier: Bool = false, _ texts: FactorTexts,
                                      escapingForJSON: Bool, to output: inout JSONByteCursor) {
        output.appendASCII(label)
        appendSubject(texts, escapingForJSON: escapingForJSON, to: &output)
        if withTier {
            appendTierName(to: &output)
        }
    }

    /// Appends the tier in words and brackets: ` (very high)`, ` (long term)`, ` (SMB)`.
    private func appendTierName(suffix: StaticString = "", to output: inout JSONByteCursor) {
        output.appendASCII(" (")
        output.appendUTF8(Factor.tierNames[Int(code.rawValue)])
        output.appendASCII(suffix)
        output.append(UInt8(ascii: ")"))
    }

    private static let tierNames: [String] = FactorCode.allCases.map { code in
        let key = code.tierKey
        return key == "smb" ? "SMB" : String(key.map { $0 == "_" ? " " : $0 })
    }

    /// Appends what the factor is about: a count, a number, a text of the
    /// result, or an employee count with the label of its band. A text the
    /// result does not have appends nothing.
    private func appendSubject(_ texts: FactorTexts, escapingForJSON: Bool, to output: inout JSONByteCursor) {
        switch subject {
        case .none:
            break
        case .count(let count):
            output.appendJSONInteger(Int64(count))
        case .number(let number):
            // Rounded to two decimals for people, because `points` already carries the exact value.
            output.appendJSONNumber((number * 100).rounded() / 100)
        case .text(let text):
            if let value = texts[text] {
                Self.appendText(value, escapingForJSON: escapingForJSON, to: &output)
            }
        case .employees(let count):
            output.appendJSONInteger(Int64(count))
            output.appendASCII(" employees (")
            if let band = texts.companySize {
                Self.appendText(band, escapingForJSON: escapingForJSON, to: &output)
            } else {
                output.appendASCII("no band")
            }
            output.append(UInt8(ascii: ")"))
        }
    }

    private static func appendText(_ text: String, escapingForJSON: Bool, to output: inout JSONByteCursor) {
        if escapingForJSON {
            output.appendJSONStringContent(text)
        } else {
            output.appendUTF8(text)
        }
    }

    /// Appends a rate from 0 to 1 as a percentage with at most one decimal: `35.9%`.
    private func appendPercent(to output: inout JSONByteCursor) {
        guard case .number(let rate) = subject else { return }
        output.appendJSONNumber((rate * 1000).rounded() / 10)
        output.append(UInt8(ascii: "%"))
    }

    /// Appends `3 objections raised` or `1 objection raised`, or the plural alone for a factor without a count.
    private func appendCount(_ singular: StaticString, _ plural: StaticString, to output: inout JSONByteCursor) {
        guard case .count(let count) = subject else {
            output.appendASCII(plural)
            return
        }
        output.appendJSONInteger(Int64(count))
        output.append(UInt8(ascii: " "))
        output.appendASCII(count == 1 ? singular : plural)
    }
}
