extension ScoringModel {
    /// The model file form: keys in a fixed order, the same for every model.
    /// `init(json:)` reads it back to an equal model. Write it with
    /// `keyOrder: .memberOrder` to keep that order.
    public var json: JSONValue {
        .object([
            "name": .string(name),
            "weights": .object([
                "marketing": .number(weights.marketing),
                "sales": .number(weights.sales),
                "service": .number(weights.service),
                "demographic": .number(weights.demographic),
                "behavioral": .number(weights.behavioral),
            ]),
            "status_thresholds": .object([
                "sales_qualified_lead": Self.integer(statusThresholds.salesQualifiedLead),
                "marketing_qualified_lead": Self.integer(statusThresholds.marketingQualifiedLead),
                "lead": Self.integer(statusThresholds.lead),
            ]),
            "nurture": .object([
                "high_potential_min_score": Self.integer(nurture.highPotentialMinScore),
            ]),
            "marketing": marketingJSON,
            "sales": salesJSON,
            "service": serviceJSON,
            "demographic": demographicJSON,
            "behavioral": behavioralJSON,
            "top_factors": Self.integer(topFactorCount),
            "recommended_owner": .object(JSONObject(QualificationStatus.allCases.reversed().map {
                ($0.rawValue, .string(owners[$0]))
            })),
            "next_best_actions": actionsJSON,
            "recommended_content": contentJSON,
            "personalization": personalizationJSON,
        ])
    }

    private var marketingJSON: JSONValue {
        let rules = marketing
        return Self.concatenated(Self.limitMembers(rules.limits), [
            "lead_score_multiplier": .number(rules.leadScoreMultiplier),
            "mql_points": .number(rules.mqlPoints),
            "form_submissions": Self.countJSON(rules.formSubmissions),
            "content_downloads": Self.countJSON(rules.contentDownloads),
            "email_open_rate": Self.thresholdJSON(rules.emailOpenRate),
            "email_click_rate": Self.thresholdJSON(rules.emailClickRate),
            "high_value_page_visits": Self.countJSON(rules.highValuePageVisits),
        ])
    }

    private var salesJSON: JSONValue {
        let rules = sales
        return Self.concatenated(Self.limitMembers(rules.limits), [
            "activities": Self.countJSON(rules.activities),
            "meeting_attended_points": .number(rules.meetingAttendedPoints),
            "deal_created_points": .number(rules.dealCreatedPoints),
            "deal_stages": .array(rules.dealStages.map { stage in
                .object([
                    "id": .string(stage.id),
                    "label": .string(stage.label),
                    "points": .number(stage.points),
                ])
            }),
            "email_replies": Self.countJSON(rules.emailReplies),
            "call_duration": Self.tiersJSON(rules.callDuration, boundKey: TierTableLayout.callDuration.boundKey),
            "objections": .object([
                "deduction_each": .number(rules.objections.pointsEach),
                "max_deduction": .number(rules.objections.maxPoints),
            ]),
        ])
    }

    private var serviceJSON: JSONValue {
        let rules = service
        return Self.concatenated(["neutral_score": .number(rules.neutralScore)], Self.limitMembers(rules.limits), [
            "tenure": Self.tiersJSON(rules.tenure, boundKey: TierTableLayout.tenure.boundKey),
            "csat": Self.tiersJSON(rules.csat, boundKey: TierTableLayout.csat.boundKey),
            "nps": Self.tiersJSON(rules.nps, boundKey: TierTableLayout.nps.boundKey),
            "support_tickets": Self.tiersJSON(rules.supportTickets, boundKey: TierTableLayout.supportTickets.boundKey),
            "product_usage": Self.tiersJSON(rules.productUsage, boundKey: TierTableLayout.productUsage.boundKey),
            "expansion_revenue_points": .number(rules.expansionRevenuePoints),
        ])
    }

    private var demographicJSON: JSONValue {
        let rules = demographic
        let industries = rules.industries
        let roles = rules.roles
        return Self.concatenated(Self.limitMembers(rules.limits), [
            "industries": .object([
                "target": .object([
                    "names": Self.stringsJSON(industries.target),
                    "points": .number(industries.targetPoints),
                ]),
                "secondary": .object([
                    "names": Self.stringsJSON(industries.secondary),
                    "points": .number(industries.secondaryPoints),
                ]),
                "other": .object(["points": .number(industries.otherPoints)]),
            ]),
            "company_sizes": .object(JSONObject(rules.companySizes.map { band in
                (String(band.code.tierKey), .object([
                    "label": .string(band.label),
                    "min_employees": Self.integer(band.minEmployees),
                    "points": .number(band.points),
                ]))
            })),
            "annual_revenue": Self.tiersJSON(rules.annualRevenue, boundKey: TierTableLayout.annualRevenue.boundKey),
            "roles": .object([
                "executive": .object([
                    "titles": Self.stringsJSON(roles.executiveTitles),
                    "excluded_titles": Self.stringsJSON(roles.executiveExcludedTitles),
                    "points": .number(roles.executivePoints),
                ]),
                "senior": .object([
                    "titles": Self.stringsJSON(roles.seniorTitles),
                    "excluded_titles": Self.stringsJSON(roles.seniorExcludedTitles),
                    "points": .number(roles.seniorPoints),
                ]),
                "target_function": .object([
                    "functions": Self.stringsJSON(roles.targetFunctions),
                    "points": .number(roles.targetFunctionPoints),
                ]),
                "other": .object(["points": .number(roles.otherPoints)]),
            ]),
            "decision_maker_points": .number(rules.decisionMakerPoints),
        ])
    }

    private var behavioralJSON: JSONValue {
        let rules = behavioral
        return Self.concatenated(Self.limitMembers(rules.limits), [
            "recency": Self.tiersJSON(rules.recency, boundKey: TierTableLayout.recency.boundKey),
            "never_engaged_points": .number(rules.neverEngagedPoints),
            "frequency": Self.tiersJSON(rules.frequency, boundKey: TierTableLayout.frequency.boundKey),
            "velocity": Self.tiersJSON(rules.velocity, boundKey: TierTableLayout.velocity.boundKey),
        ])
    }

    private var actionsJSON: JSONValue {
        .object([
            "by_status": .object(JSONObject(QualificationStatus.allCases.reversed().map {
                ($0.rawValue, Self.stringsJSON(nextBestActions[$0]))
            })),
            "factor_rules": .array(nextBestActions.factorRules.map { rule in
                .object([
                    "when_any": Self.selectorsJSON(rule.whenAny),
                    "action": .string(rule.output),
                ])
            }),
        ])
    }

    private var contentJSON: JSONValue {
        .object([
            "groups": .array(recommendedContent.groups.map { group in
                .array(group.map { rule in
                    .object([
                        "when_any": Self.selectorsJSON(rule.whenAny),
                        "content": Self.stringsJSON(rule.output),
                    ])
                })
            }),
            "fallback": Self.stringsJSON(recommendedContent.fallback),
            "limit": Self.integer(recommendedContent.limit),
        ])
    }

    private var personalizationJSON: JSONValue {
        let rules = personalization
        return .object([
            "content_focus": .array(rules.contentFocus.map { rule in
                .object([
                    "when_any": Self.selectorsJSON(rule.whenAny),
                    "focus": .string(rule.output),
                ])
            }),
            "tones": .array(rules.tones.map { Self.toneJSON($0) }),
            "default_tone": Self.toneJSON(rules.defaultTone),
            "case_studies": .array(rules.caseStudies.map { rule in
                .object([
                    "when_any": Self.selectorsJSON(rule.whenAny),
                    "case_study": .string(rule.output),
                ])
            }),
            "default_case_study": .string(rules.defaultCaseStudy),
        ])
    }

    private static func toneJSON(_ tone: ToneRule) -> JSONValue {
        var members = JSONObject()
        if let minScore = tone.minScore {
            members["min_score"] = integer(minScore)
        }
        members["message_tone"] = .string(tone.messageTone)
        members["call_to_action"] = .string(tone.callToAction)
        return .object(members)
    }

    private static func limitMembers(_ limits: ScoreLimits) -> JSONObject {
        [
            "min_score": limits.min.map { .number($0) } ?? .null,
            "max_score": limits.max.map { .number($0) } ?? .null,
        ]
    }

    private static func countJSON(_ rule: CountPoints) -> JSONValue {
        .object(["points_each": .number(rule.pointsEach), "max_points": .number(rule.maxPoints)])
    }

    private static func thresholdJSON(_ rule: ThresholdPoints) -> JSONValue {
        .object(["more_than": .number(rule.moreThan), "points": .number(rule.points)])
    }

    private static func tiersJSON(_ table: TierTable, boundKey: String) -> JSONValue {
        .object(JSONObject(table.tiers.map { tier in
            var members = JSONObject()
            if let bound = tier.bound {
                members[boundKey] = .number(bound)
            }
            members["points"] = .number(tier.points)
            return (String(tier.code.tierKey), .object(members))
        }))
    }

    private static func stringsJSON(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    private static func selectorsJSON(_ selectors: [FactorSelector]) -> JSONValue {
        .array(selectors.map { .string($0.description) })
    }

    private static func integer(_ value: Int) -> JSONValue {
        .integer(Int64(value))
    }

    /// Returns one object with the members of `parts`, in order.
    private static func concatenated(_ parts: JSONObject...) -> JSONValue {
        var members = JSONObject()
        for part in parts {
            for (key, value) in part {
                members[key] = value
            }
        }
        return .object(members)
    }
}
