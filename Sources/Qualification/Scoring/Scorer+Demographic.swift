extension Scorer {
    /// Computes the demographic fit score from industry, company size, annual revenue, role and decision maker.
    ///
    /// Empty strings count as absent. The role tiers are checked in order and
    /// the first match wins: an executive title, a senior title, a target job
    /// function, then any other title. So a `Director` in a target function
    /// gets the senior points, and a contact with only a non-target function
    /// gets no role points at all.
    func demographicScore(_ features: LeadFeatures, into list: inout FactorList) -> Double {
        let rules = model.demographic
        var score = 0.0

        if let industry = features.industry, !industry.isEmpty {
            let code = industryTiers.value(for: industry) ?? .demographicIndustryOther
            let points = switch code {
            case .demographicIndustryTarget: rules.industries.targetPoints
            case .demographicIndustrySecondary: rules.industries.secondaryPoints
            default: rules.industries.otherPoints
            }
            score += points
            list.texts.industry = industry
            list.add(code, points, .text(.industry))
        }

        score += companySizePoints(features.companySize, into: &list)

        // A revenue of 0 adds nothing, as an absent one; a negative one is in the lowest tier.
        if let revenue = features.annualRevenue, revenue != 0 {
            let tier = rules.annualRevenue.tier(for: revenue)
            score += tier.points
            list.add(tier.code, tier.points, .number(revenue))
        }

        score += rolePoints(title: features.jobTitle, function: features.jobFunction, into: &list)

        if features.decisionMaker == true {
            score += rules.decisionMakerPoints
            list.add(.demographicDecisionMaker, rules.decisionMakerPoints)
        }

        return rules.limits.clamp(score)
    }

    /// Points for a band label, or (deviation) for an employee count in a band.
    /// An unknown label, a count of 0 or a count below the smallest band adds nothing.
    private func companySizePoints(_ size: CompanySize?, into list: inout FactorList) -> Double {
        let bands = model.demographic.companySizes
        let band: CompanySizeBand
        let subject: FactorSubject
        switch size {
        case .band(let label):
            guard let index = companySizeIndex.value(for: label) else { return 0 }
            band = bands[index]
            subject = .text(.companySize)
        case .employees(let count):
            guard let match = bands.first(where: { count >= $0.minEmployees }) else { return 0 }
            band = match
            subject = .employees(count)
        case nil:
            return 0
        }

        if band.points != 0 {
            list.texts.companySize = band.label
            list.add(band.code, band.points, subject)
        }
        return band.points
    }

    private func rolePoints(title: String?, function: String?, into list: inout FactorList) -> Double {
        let roles = model.demographic.roles
        let title = title.flatMap { $0.isEmpty ? nil : $0 }
        let function = function.flatMap { $0.isEmpty ? nil : $0 }

        if let title, executiveTitles.matches(title) {
            list.texts.jobTitle = title
            list.add(.demographicRoleExecutive, roles.executivePoints, .text(.jobTitle))
            return roles.executivePoints
        }
        if let title, seniorTitles.matches(title) {
            list.texts.jobTitle = title
            list.add(.demographicRoleSenior, roles.seniorPoints, .text(.jobTitle))
            return roles.seniorPoints
        }
        if let function, targetFunctions.value(for: function) != nil {
            list.texts.jobFunction = function
            list.add(.demographicRoleTargetFunction, roles.targetFunctionPoints, .text(.jobFunction))
            return roles.targetFunctionPoints
        }
        if let title {
            list.texts.jobTitle = title
            list.add(.demographicRoleOther, roles.otherPoints, .text(.jobTitle))
            return roles.otherPoints
        }
        return 0
    }
}
