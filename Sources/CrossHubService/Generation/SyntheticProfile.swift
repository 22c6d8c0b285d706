/// A synthetic company: the account a contact works for.
struct SyntheticCompany {
    var name: String
    var domain: String
    var industry: String
    var employees: Int
    var sizeBand: String
    /// Annual revenue in whole currency units.
    var annualRevenue: Int

    /// True when the scoring model rates the company a strong fit: a target
    /// industry and at least 101 employees.
    var isStrongFit: Bool {
        Vocabulary.targetIndustries.contains(industry) && employees > 100
    }

    /// Draws a company; industries lean towards the scoring model's targets
    /// as B2B lead lists do, and revenue grows with head count.
    static func draw(number: Int, using random: inout RandomSource) -> SyntheticCompany {
        let industryGroup = random.weightedIndex([0.55, 0.25, 0.20])
        let industry: String
        switch industryGroup {
        case 0: industry = Vocabulary.targetIndustries[random.weightedIndex([18, 12, 10, 9, 6])]
        case 1: industry = random.pick(Vocabulary.secondaryIndustries)
        default: industry = random.pick(Vocabulary.otherIndustries)
        }

        let band = Vocabulary.companySizeBands[random.weightedIndex([0.25, 0.35, 0.27, 0.13])]
        // Squaring the uniform draw skews head counts towards the lower end of the band.
        let skew = random.unit() * random.unit()
        let span = Double(band.employees.upperBound - band.employees.lowerBound)
        let employees = band.employees.lowerBound + Int(span * skew)
        let revenuePerEmployee = random.integer(in: 60...320) * 1000
        let annualRevenue = max(50_000, employees * revenuePerEmployee / 10_000 * 10_000)

        let stem = random.pick(Vocabulary.companyStems)
        let suffix = random.pick(Vocabulary.companySuffixes[industry] ?? ["Group"])
        let name = "\(stem) \(suffix)"
        let domainWords = name.lowercased().split(separator: " ").joined(separator: "-")
        // The company number keeps domains distinct when two companies share a name.
        let domain = "\(domainWords)-\(number).example"

        return SyntheticCompany(name: name, domain: domain, industry: industry, employees: employees,
                                sizeBand: band.label, annualRevenue: annualRevenue)
    }
}

/// A synthetic person: a contact's name, role and buying authority.
struct SyntheticPerson {
    var firstName: String
    var lastName: String
    var email: String
    var jobTitle: String
    var jobFunction: String
    var seniority: Seniority
    var isDecisionMaker: Bool

    /// Draws a person at `company`; `seniorityWeights` lists the weights of
    /// `Seniority.allCases` in order.
    static func draw(at company: SyntheticCompany, seniorityWeights: [Double],
                     using random: inout RandomSource) -> SyntheticPerson {
        let firstName = random.pick(Vocabulary.firstNames)
        let lastName = random.pick(Vocabulary.lastNames)

        var seniority = Seniority.allCases[random.weightedIndex(seniorityWeights)]
        // Startups have few layers: most contacts there are founders or individual contributors.
        if company.employees <= 10, seniority == .vicePresident || seniority == .director {
            seniority = random.chance(0.5) ? .executive : .individualContributor
        }
        let role = random.pick(Vocabulary.jobTitles[seniority] ?? [])

        let decisionMakerShare: Double = switch seniority {
        case .executive: 0.85
        case .vicePresident: 0.65
        case .director: 0.45
        case .manager: 0.15
        case .individualContributor: 0.03
        }

        let email = "\(asciiMailbox(firstName)).\(asciiMailbox(lastName))@\(company.domain)"
        return SyntheticPerson(firstName: firstName, lastName: lastName, email: email,
                               jobTitle: role.title, jobFunction: role.function, seniority: seniority,
                               isDecisionMaker: random.chance(decisionMakerShare))
    }

    /// Lower-cases a name and folds the accented letters of the name lists to
    /// ASCII, dropping anything else that cannot appear in a mailbox name.
    private static func asciiMailbox(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "á", "à", "â", "ä": result.append("a")
            case "é", "è", "ê", "ë": result.append("e")
            case "í", "ï": result.append("i")
            case "ó", "ö", "ô": result.append("o")
            case "ú", "ü": result.append("u")
            case "ñ": result.append("n")
            default:
                if character.isASCII, character.isLetter || character.isNumber { result.append(character) }
            }
        }
        return result
    }
}
