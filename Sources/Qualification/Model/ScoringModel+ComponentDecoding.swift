extension ScoringModel {
    static func readMarketing(_ object: ObjectCursor, reader: ModelReader) -> MarketingRules {
        defer { object.finish() }
        return MarketingRules(
            limits: readLimits(object),
            leadScoreMultiplier: readPoints(object, "lead_score_multiplier"),
            mqlPoints: readPoints(object, "mql_points"),
            formSubmissions: readCount(object.object("form_submissions")),
            contentDownloads: readCount(object.object("content_downloads")),
            emailOpenRate: readThreshold(object.object("email_open_rate")),
            emailClickRate: readThreshold(object.object("email_click_rate")),
            highValuePageVisits: readCount(object.object("high_value_page_visits"))
        )
    }

    static func readSales(_ object: ObjectCursor, reader: ModelReader) -> SalesRules {
        defer { object.finish() }
        let limits = readLimits(object)
        let activities = readCount(object.object("activities"))
        let meetingPoints = readPoints(object, "meeting_attended_points")
        let dealPoints = readPoints(object, "deal_created_points")

        var stages: [DealStage] = []
        var seen: [String: String] = [:]
        for stage in object.objects("deal_stages") {
            let id = stage.string("id")
            let label = stage.string("label")
            let points = readPoints(stage, "points")
            stage.finish()
            for (key, name) in [("id", id), ("label", label)] where !name.isEmpty {
                if let other = seen[name] {
                    stage.fail(key, "\(JSONValue.string(name).excerpt) is already used by \(other); ids and labels must be unique")
                } else {
                    seen[name] = stage.path(of: key)
                }
            }
            stages.append(DealStage(id: id, label: label, points: points))
        }

        return SalesRules(
            limits: limits,
            activities: activities,
            meetingAttendedPoints: meetingPoints,
            dealCreatedPoints: dealPoints,
            dealStages: stages,
            emailReplies: readCount(object.object("email_replies")),
            callDuration: readTiers(object.object("call_duration"), layout: .callDuration, reader: reader),
            objections: readCount(object.object("objections"), eachKey: "deduction_each", maxKey: "max_deduction")
        )
    }

    static func readService(_ object: ObjectCursor, reader: ModelReader) -> ServiceRules {
        defer { object.finish() }
        let before = reader.issues.count
        let neutral = readPoints(object, "neutral_score")
        let limits = readLimits(object)
        if reader.issues.count == before, limits.clamp(neutral) != neutral {
            object.fail("neutral_score", "\(ObjectCursor.format(neutral)) must be within min_score and max_score")
        }
        return ServiceRules(
            neutralScore: neutral,
            limits: limits,
            tenure: readTiers(object.object("tenure"), layout: .tenure, reader: reader),
            csat: readTiers(object.object("csat"), layout: .csat, reader: reader),
            nps: readTiers(object.object("nps"), layout: .nps, reader: reader),
            supportTickets: readTiers(object.object("support_tickets"), layout: .supportTickets, reader: reader),
            productUsage: readTiers(object.object("product_usage"), layout: .productUsage, reader: reader),
            expansionRevenuePoints: readPoints(object, "expansion_revenue_points")
        )
    }

    static func readDemographic(_ object: ObjectCursor, reader: ModelReader) -> DemographicRules {
        defer { object.finish() }
        return DemographicRules(
            limits: readLimits(object),
            industries: readIndustries(object.object("industries")),
            companySizes: readCompanySizes(object.object("company_sizes"), reader: reader),
            annualRevenue: readTiers(object.object("annual_revenue"), layout: .annualRevenue, reader: reader),
            roles: readRoles(object.object("roles")),
            decisionMakerPoints: readPoints(object, "decision_maker_points")
        )
    }

    static func readBehavioral(_ object: ObjectCursor, reader: ModelReader) -> BehavioralRules {
        defer { object.finish() }
        return BehavioralRules(
            limits: readLimits(object),
            recency: readTiers(object.object("recency"), layout: .recency, reader: reader),
            neverEngagedPoints: readPoints(object, "never_engaged_points"),
            frequency: readTiers(object.object("frequency"), layout: .frequency, reader: reader),
            velocity: readTiers(object.object("velocity"), layout: .velocity, reader: reader)
        )
    }

    private static func readIndustries(_ object: ObjectCursor) -> IndustryRules {
        defer { object.finish() }
        let target = object.object("target")
        let targetNames = target.strings("names")
        let targetPoints = readPoints(target, "points")
        target.finish()

        let secondary = object.object("secondary")
        let secondaryNames = secondary.strings("names")
        let secondaryPoints = readPoints(secondary, "points")
        secondary.finish()
        for (index, name) in secondaryNames.enumerated() where targetNames.contains(name) {
            secondary.fail("names[\(index)]", "\(JSONValue.string(name).excerpt) is already a target industry")
        }

        let other = object.object("other")
        let otherPoints = readPoints(other, "points")
        other.finish()

        return IndustryRules(target: targetNames, targetPoints: targetPoints, secondary: secondaryNames,
                             secondaryPoints: secondaryPoints, otherPoints: otherPoints)
    }

    private static func readCompanySizes(_ object: ObjectCursor, reader: ModelReader) -> [CompanySizeBand] {
        defer { object.finish() }
        var bands: [CompanySizeBand] = []
        var labels: Set<String> = []
        for code in TierTableLayout.companySizeCodes {
            let band = object.object(String(code.tierKey))
            defer { band.finish() }
            let before = reader.issues.count
            let label = band.string("label")
            let minEmployees = band.integer("min_employees", in: 1...Int(Int32.max))
            let points = readPoints(band, "points")
            if !label.isEmpty, !labels.insert(label).inserted {
                band.fail("label", "\(JSONValue.string(label).excerpt) is already the label of a larger band")
            }
            if reader.issues.count == before, let larger = bands.last, minEmployees >= larger.minEmployees {
                band.fail("min_employees", "\(minEmployees) must be below the \(larger.code.tierKey) band's min_employees (\(larger.minEmployees))")
            }
            bands.append(CompanySizeBand(code: code, label: label, minEmployees: minEmployees, points: points))
        }
        return bands
    }

    private static func readRoles(_ object: ObjectCursor) -> RoleRules {
        defer { object.finish() }
        let executive = object.object("executive")
        let executiveTitles = readTitles(executive, "titles")
        let executiveExcluded = readTitles(executive, "excluded_titles")
        let executivePoints = readPoints(executive, "points")
        executive.finish()

        let senior = object.object("senior")
        let seniorTitles = readTitles(senior, "titles")
        let seniorExcluded = readTitles(senior, "excluded_titles")
        let seniorPoints = readPoints(senior, "points")
        senior.finish()

        let function = object.object("target_function")
        let functions = function.strings("functions")
        let functionPoints = readPoints(function, "points")
        function.finish()

        let other = object.object("other")
        let otherPoints = readPoints(other, "points")
        other.finish()

        return RoleRules(executiveTitles: executiveTitles, executiveExcludedTitles: executiveExcluded,
                         executivePoints: executivePoints, seniorTitles: seniorTitles,
                         seniorExcludedTitles: seniorExcluded, seniorPoints: seniorPoints,
                         targetFunctions: functions, targetFunctionPoints: functionPoints, otherPoints: otherPoints)
    }

    /// Title phrases must contain a letter or digit, because matching is on whole words.
    private static func readTitles(_ object: ObjectCursor, _ key: String) -> [String] {
        let titles = object.strings(key)
        for (index, title) in titles.enumerated() where TitlePhrase(title).words.isEmpty {
            object.fail("\(key)[\(index)]", "\(JSONValue.string(title).excerpt) has no letter or digit to match as a word")
        }
        return titles
    }
}
