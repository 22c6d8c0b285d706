extension Factor {
    /// Renders a short sentence for people, such as `3 objections raised` or
    /// `NPS 4 (detractor)`, from the texts of the result the factor belongs to.
    /// The sentence may change between releases, so match on `code`, not on it.
    public func detail(texts: FactorTexts) -> String {
        let subjectText = subjectText(texts)
        return switch code {
        case .marketingLeadScore: "Lead score \(subjectText)"
        case .marketingQualifiedLead: "Marked as a marketing qualified lead"
        case .marketingFormSubmissions: countPhrase("form submission", "form submissions")
        case .marketingContentDownloads: countPhrase("content download", "content downloads")
        case .marketingEmailOpenRate: "Email open rate \(percentText)"
        case .marketingEmailClickRate: "Email click rate \(percentText)"
        case .marketingHighValuePageVisits: countPhrase("visit to high-value pages", "visits to high-value pages")

        case .salesActivities: countPhrase("sales activity", "sales activities")
        case .salesMeetingAttended: "Attended a sales meeting"
        case .salesDealCreated: "Deal created"
        case .salesDealStage: "Deal stage \(subjectText)"
        case .salesEmailReplies: countPhrase("reply to sales emails", "replies to sales emails")
        case .salesCallLong, .salesCallMedium, .salesCallShort, .salesCallBrief:
            "Sales call time \(countPhrase("minute", "minutes")) (\(tierName))"
        case .salesObjections: countPhrase("objection raised", "objections raised")

        case .serviceNoPreviousCustomer: "Not a previous customer, so the service score stays neutral"
        case .serviceTenureLongTerm, .serviceTenureEstablished, .serviceTenureMaturing,
             .serviceTenureRecent, .serviceTenureNew:
            "Customer for \(countPhrase("day", "days")) (\(tierName))"
        case .serviceCSATExcellent, .serviceCSATGood, .serviceCSATAverage, .serviceCSATBelowAverage,
             .serviceCSATPoor:
            "Average CSAT \(subjectText) (\(tierName))"
        case .serviceNPSPromoter, .serviceNPSPassive, .serviceNPSDetractor:
            "NPS \(subjectText) (\(tierName))"
        case .serviceTicketsHigh, .serviceTicketsModerate, .serviceTicketsLow:
            "\(countPhrase("support ticket", "support tickets")) (\(tierName) volume)"
        case .serviceUsageHigh, .serviceUsageModerate, .serviceUsageLow:
            "Product usage score \(subjectText) (\(tierName))"
        case .serviceExpansionRevenue: "Expansion revenue \(subjectText)"

        case .demographicIndustryTarget: "Target industry \(subjectText)"
        case .demographicIndustrySecondary: "Secondary industry \(subjectText)"
        case .demographicIndustryOther: "Industry \(subjectText) is not a target"
        case .demographicSizeEnterprise, .demographicSizeMidMarket, .demographicSizeSmallBusiness,
             .demographicSizeStartup:
            companySizeText(subjectText)
        case .demographicRevenueEnterprise, .demographicRevenueMidMarket, .demographicRevenueSMB,
             .demographicRevenueSmall:
            "Annual revenue \(subjectText) (\(tierName))"
        case .demographicRoleExecutive: "Executive title \(subjectText)"
        case .demographicRoleSenior: "Senior title \(subjectText)"
        case .demographicRoleTargetFunction: "Target job function \(subjectText)"
        case .demographicRoleOther: "Title \(subjectText) matches no target role"
        case .demographicDecisionMaker: "Decision maker"

        case .behavioralRecencyNeverEngaged: "No engagement recorded"
        case .behavioralRecencyVeryRecent, .behavioralRecencyWeek, .behavioralRecencyFortnight,
             .behavioralRecencyMonth, .behavioralRecencyQuarter, .behavioralRecencyStale:
            "Last engaged \(countPhrase("day", "days")) ago (\(tierName))"
        case .behavioralFrequencyVeryHigh, .behavioralFrequencyHigh, .behavioralFrequencyModerate,
             .behavioralFrequencyLow, .behavioralFrequencyVeryLow:
            "Engagement frequency \(subjectText) (\(tierName))"
        case .behavioralVelocityRapidlyIncreasing, .behavioralVelocityIncreasing,
             .behavioralVelocitySlightlyIncreasing, .behavioralVelocityStable, .behavioralVelocityDecreasing:
            "Engagement velocity \(subjectText) (\(tierName))"
        }
    }

    /// The tier in words: `very high`, `long term`, `SMB`.
    private var tierName: String {
        Factor.tierNames[Int(code.rawValue)]
    }

    private static let tierNames: [String] = FactorCode.allCases.map { code in
        let key = code.tierKey
        return key == "smb" ? "SMB" : String(key.map { $0 == "_" ? " " : $0 })
    }

    private func subjectText(_ texts: FactorTexts) -> String {
        switch subject {
        case .none: ""
        case .count(let count): String(count)
        case .number(let number): ObjectCursor.format(number)
        case .text(let text): texts[text] ?? ""
        case .employees(let count): "\(count) employees (\(texts.companySize ?? "no band"))"
        }
    }

    /// A rate from 0 to 1 as a percentage with at most one decimal: `35.9%`.
    private var percentText: String {
        guard case .number(let rate) = subject else { return "" }
        return ObjectCursor.format((rate * 1000).rounded() / 10) + "%"
    }

    private func countPhrase(_ singular: String, _ plural: String) -> String {
        guard case .count(let count) = subject else { return plural }
        return "\(count) \(count == 1 ? singular : plural)"
    }

    private func companySizeText(_ subjectText: String) -> String {
        "Company size \(subjectText)"
    }
}
