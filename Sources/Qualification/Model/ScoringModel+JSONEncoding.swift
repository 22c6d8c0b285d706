extension ScoringModel {
    /// The model file form: keys in a fixed order, the same for every model.
    /// `init(json:)` reads it back to an equal model.
    public var json: ScoringJSON {
        .object([
            .init("name", .string(name)),
            .init("weights", .object([
                .init("marketing", .number(weights.marketing)),
                .init("sales", .number(weights.sales)),
                .init("service", .number(weights.service)),
                .init("demographic", .number(weights.demographic)),
                .init("behavioral", .number(weights.behavioral)),
            ])),
            .init("status_thresholds", .object([
                .init("sales_qualified_lead", .integer(statusThresholds.salesQualifiedLead)),
                .init("marketing_qualified_lead", .integer(statusThresholds.marketingQualifiedLead)),
                .init("lead", .integer(statusThresholds.lead)),
            ])),
            .init("nurture", .object([
                .init("high_potential_min_score", .integer(nurture.highPotentialMinScore)),
            ])),
            .init("marketing", marketingJSON),
            .init("sales", salesJSON),
            .init("service", serviceJSON),
            .init("demographic", demographicJSON),
            .init("behavioral", behavioralJSON),
            .init("top_factors", .integer(topFactorCount)),
            .init("recommended_owner", .object(QualificationStatus.allCases.reversed().map {
                .init($0.rawValue, .string(owners[$0]))
            })),
            .init("next_best_actions", actionsJSON),
            .init("recommended_content", contentJSON),
            .init("personalization", personalizationJSON),
        ])
    }

    private var marketingJSON: ScoringJSON {
        let rules = marketing
        return .object(Self.limitMembers(rules.limits) + [
            .init("lead_score_multiplier", .number(rules.leadScoreMultiplier)),
            .init("mql_points", .number(rules.mqlPoints)),
            .init("form_submissions", Self.countJSON(rules.formSubmissions)),
            .init("content_downloads", Self.countJSON(rules.contentDownloads)),
            .init("email_open_rate", Self.thresholdJSON(rules.emailOpenRate)),
            .init("email_click_rate", Self.thresholdJSON(rules.emailClickRate)),
            .init("high_value_page_visits", Self.countJSON(rules.highValuePageVisits)),
        ])
    }

    private var salesJSON: ScoringJSON {
        let rules = sales
        return .object(Self.limitMembers(rules.limits) + [
            .init("activities", Self.countJSON(rules.activities)),
            .init("meeting_attended_points", .number(rules.meetingAttendedPoints)),
            .init("deal_created_points", .number(rules.dealCreatedPoints)),
            .init("deal_stages", .array(rules.dealStages.map { stage in
                .object([
                    .init("id", .string(stage.id)),
                    .init("label", .string(stage.label)),
                    .init("points", .number(stage.points)),
                ])
            })),
            .init("email_replies", Self.countJSON(rules.emailReplies)),
            .init("call_duration", Self.tiersJSON(rules.callDuration, boundKey: TierTableLayout.callDuration.boundKey)),
            .init("objections", .object([
                .init("deduction_each", .number(rules.objections.pointsEach)),
                .init("max_deduction", .number(rules.objections.maxPoints)),
            ])),
        ])
    }

    private var serviceJSON: ScoringJSON {
        let rules = service
        return .object([.init("neutral_score", .number(rules.neutralScore))] + Self.limitMembers(rules.limits) + [
            .init("tenure", Self.tiersJSON(rules.tenure, boundKey: TierTableLayout.tenure.boundKey)),
            .init("csat", Self.tiersJSON(rules.csat, boundKey: TierTableLayout.csat.boundKey)),
            .init("nps", Self.tiersJSON(rules.nps, boundKey: TierTableLayout.nps.boundKey)),
            .init("support_tickets", Self.tiersJSON(rules.supportTickets, boundKey: TierTableLayout.supportTickets.boundKey)),
            .init("product_usage", Self.tiersJSON(rules.productUsage, boundKey: TierTableLayout.productUsage.boundKey)),
            .init("expansion_revenue_points", .number(rules.expansionRevenuePoints)),
        ])
    }

    private var demographicJSON: ScoringJSON {
        let rules = demographic
        let industries = rules.industries
        let roles = rules.roles
        return .object(Self.limitMembers(rules.limits) + [
            .init("industries", .object([
                .init("target", .object([
                    .init("names", Self.stringsJSON(industries.target)),
                    .init("points", .number(industries.targetPoints)),
                ])),
                .init("secondary", .object([
                    .init("names", Self.stringsJSON(industries.secondary)),
                    .init("points", .number(industries.secondaryPoints)),
                ])),
                .init("other", .object([.init("points", .number(industries.otherPoints))])),
            ])),
            .init("company_sizes", .object(rules.companySizes.map { band in
                .init(String(band.code.tierKey), .object([
                    .init("label", .string(band.label)),
                    .init("min_employees", .integer(band.minEmployees)),
                    .init("points", .number(band.points)),
                ]))
            })),
            .init("annual_revenue", Self.tiersJSON(rules.annualRevenue, boundKey: TierTableLayout.annualRevenue.boundKey)),
            .init("roles", .object([
                .init("executive", .object([
                    .init("titles", Self.stringsJSON(roles.executiveTitles)),
                    .init("excluded_titles", Self.stringsJSON(roles.executiveExcludedTitles)),
                    .init("points", .number(roles.executivePoints)),
                ])),
                .init("senior", .object([
                    .init("titles", Self.stringsJSON(roles.seniorTitles)),
                    .init("excluded_titles", Self.stringsJSON(roles.seniorExcludedTitles)),
                    .init("points", .number(roles.seniorPoints)),
                ])),
                .init("target_function", .object([
                    .init("functions", Self.stringsJSON(roles.targetFunctions)),
                    .init("points", .number(roles.targetFunctionPoints)),
                ])),
                .init("other", .object([.init("points", .number(roles.otherPoints))])),
            ])),
            .init("decision_maker_points", .number(rules.decisionMakerPoints)),
        ])
    }

    private var behavioralJSON: ScoringJSON {
        let rules = behavioral
        return .object(Self.limitMembers(rules.limits) + [
            .init("recency", Self.tiersJSON(rules.recency, boundKey: TierTableLayout.recency.boundKey)),
            .init("never_engaged_points", .number(rules.neverEngagedPoints)),
            .init("frequency", Self.tiersJSON(rules.frequency, boundKey: TierTableLayout.frequency.boundKey)),
            .init("velocity", Self.tiersJSON(rules.velocity, boundKey: TierTableLayout.velocity.boundKey)),
        ])
    }

    private var actionsJSON: ScoringJSON {
        .object([
            .init("by_status", .object(QualificationStatus.allCases.reversed().map {
                .init($0.rawValue, Self.stringsJSON(nextBestActions[$0]))
            })),
            .init("factor_rules", .array(nextBestActions.factorRules.map { rule in
                .object([
                    .init("when_any", Self.selectorsJSON(rule.whenAny)),
                    .init("action", .string(rule.output)),
                ])
            })),
        ])
    }

    private var contentJSON: ScoringJSON {
        .object([
            .init("groups", .array(recommendedContent.groups.map { group in
                .array(group.map { rule in
                    .object([
                        .init("when_any", Self.selectorsJSON(rule.whenAny)),
                        .init("content", Self.stringsJSON(rule.output)),
                    ])
                })
            })),
            .init("fallback", Self.stringsJSON(recommendedContent.fallback)),
            .init("limit", .integer(recommendedContent.limit)),
        ])
    }

    private var personalizationJSON: ScoringJSON {
        let rules = personalization
        return .object([
            .init("content_focus", .array(rules.contentFocus.map { rule in
                .object([
                    .init("when_any", Self.selectorsJSON(rule.whenAny)),
                    .init("focus", .string(rule.output)),
                ])
            })),
            .init("tones", .array(rules.tones.map { Self.toneJSON($0) })),
            .init("default_tone", Self.toneJSON(rules.defaultTone)),
            .init("case_studies", .array(rules.caseStudies.map { rule in
                .object([
                    .init("when_any", Self.selectorsJSON(rule.whenAny)),
                    .init("case_study", .string(rule.output)),
                ])
            })),
            .init("default_case_study", .string(rules.defaultCaseStudy)),
        ])
    }

    private static func toneJSON(_ tone: ToneRule) -> ScoringJSON {
        var members: [ScoringJSON.Member] = []
        if let minScore = tone.minScore {
            members.append(.init("min_score", .integer(minScore)))
        }
        members.append(.init("message_tone", .string(tone.messageTone)))
        members.append(.init("call_to_action", .string(tone.callToAction)))
        return .object(members)
    }

    private static func limitMembers(_ limits: ScoreLimits) -> [ScoringJSON.Member] {
        [
            .init("min_score", limits.min.map { .number($0) } ?? .null),
            .init("max_score", limits.max.map { .number($0) } ?? .null),
        ]
    }

    private static func countJSON(_ rule: CountPoints) -> ScoringJSON {
        .object([.init("points_each", .number(rule.pointsEach)), .init("max_points", .number(rule.maxPoints))])
    }

    private static func thresholdJSON(_ rule: ThresholdPoints) -> ScoringJSON {
        .object([.init("more_than", .number(rule.moreThan)), .init("points", .number(rule.points))])
    }

    private static func tiersJSON(_ table: TierTable, boundKey: String) -> ScoringJSON {
        .object(table.tiers.map { tier in
            var members: [ScoringJSON.Member] = []
            if let bound = tier.bound {
                members.append(.init(boundKey, .number(bound)))
            }
            members.append(.init("points", .number(tier.points)))
            return .init(String(tier.code.tierKey), .object(members))
        })
    }

    private static func stringsJSON(_ values: [String]) -> ScoringJSON {
        .array(values.map { .string($0) })
    }

    private static func selectorsJSON(_ selectors: [FactorSelector]) -> ScoringJSON {
        .array(selectors.map { .string($0.description) })
    }
}
