extension ScoringModel {
    /// The built-in model. It has the reference model's weights, thresholds,
    /// points, lists and rules, with the deliberate deviations that the README
    /// lists. NPS 0 is a detractor, and a contact that never engaged earns no
    /// recency points. Titles match on whole words. Rules look at every factor,
    /// and very high frequency counts as high engagement. Deal stages may be
    /// ids and company sizes may be employee counts.
    ///
    /// `models/default.json` in the repository is this model's JSON form.
    public static let `default` = ScoringModel(
        name: "default",
        weights: ComponentWeights(marketing: 0.25, sales: 0.25, service: 0.15, demographic: 0.15, behavioral: 0.20),
        statusThresholds: StatusThresholds(salesQualifiedLead: 80, marketingQualifiedLead: 60, lead: 40),
        nurture: NurtureThresholds(highPotentialMinScore: 50),
        marketing: defaultMarketing,
        sales: defaultSales,
        service: defaultService,
        demographic: defaultDemographic,
        behavioral: defaultBehavioral,
        topFactorCount: 5,
        owners: OwnerRules(
            subscriber: "Marketing Automation",
            lead: "Marketing Team",
            marketingQualifiedLead: "Sales Development Representative",
            salesQualifiedLead: "Sales Representative"
        ),
        nextBestActions: defaultActions,
        recommendedContent: defaultContent,
        personalization: defaultPersonalization
    )

    private static let defaultMarketing = MarketingRules(
        limits: ScoreLimits(min: nil, max: 100),
        leadScoreMultiplier: 0.5,
        mqlPoints: 20,
        formSubmissions: CountPoints(pointsEach: 5, maxPoints: 15),
        contentDownloads: CountPoints(pointsEach: 5, maxPoints: 15),
        emailOpenRate: ThresholdPoints(moreThan: 0.2, points: 5),
        emailClickRate: ThresholdPoints(moreThan: 0.1, points: 10),
        highValuePageVisits: CountPoints(pointsEach: 3, maxPoints: 15)
    )

    private static let defaultSales = SalesRules(
        limits: ScoreLimits(min: 0, max: 100),
        activities: CountPoints(pointsEach: 5, maxPoints: 20),
        meetingAttendedPoints: 25,
        dealCreatedPoints: 20,
        dealStages: [
            DealStage(id: "appointmentscheduled", label: "Appointment Scheduled", points: 5),
            DealStage(id: "qualifiedtobuy", label: "Qualified to Buy", points: 15),
            DealStage(id: "presentationscheduled", label: "Presentation Scheduled", points: 20),
            DealStage(id: "decisionmakerboughtin", label: "Decision Maker Bought-In", points: 30),
            DealStage(id: "contractsent", label: "Contract Sent", points: 40),
            DealStage(id: "closedwon", label: "Closed Won", points: 50),
            DealStage(id: "closedlost", label: "Closed Lost", points: 0),
        ],
        emailReplies: CountPoints(pointsEach: 5, maxPoints: 15),
        callDuration: TierTable(.moreThan, [
            .init(.salesCallLong, bound: 30, points: 20),
            .init(.salesCallMedium, bound: 15, points: 15),
            .init(.salesCallShort, bound: 5, points: 10),
            .init(.salesCallBrief, bound: nil, points: 5),
        ]),
        objections: CountPoints(pointsEach: 5, maxPoints: 15)
    )

    private static let defaultService = ServiceRules(
        neutralScore: 50,
        limits: ScoreLimits(min: 0, max: 100),
        tenure: TierTable(.moreThan, [
            .init(.serviceTenureLongTerm, bound: 730, points: 20),
            .init(.serviceTenureEstablished, bound: 365, points: 15),
            .init(.serviceTenureMaturing, bound: 180, points: 10),
            .init(.serviceTenureRecent, bound: 90, points: 5),
            .init(.serviceTenureNew, bound: nil, points: 0),
        ]),
        csat: TierTable(.atLeast, [
            .init(.serviceCSATExcellent, bound: 9, points: 20),
            .init(.serviceCSATGood, bound: 8, points: 15),
            .init(.serviceCSATAverage, bound: 7, points: 5),
            .init(.serviceCSATBelowAverage, bound: 5, points: -10),
            .init(.serviceCSATPoor, bound: nil, points: -20),
        ]),
        nps: TierTable(.atLeast, [
            .init(.serviceNPSPromoter, bound: 9, points: 20),
            .init(.serviceNPSPassive, bound: 7, points: 10),
            .init(.serviceNPSDetractor, bound: nil, points: -15),
        ]),
        supportTickets: TierTable(.moreThan, [
            .init(.serviceTicketsHigh, bound: 10, points: -15),
            .init(.serviceTicketsModerate, bound: 5, points: -5),
            .init(.serviceTicketsLow, bound: nil, points: 0),
        ]),
        productUsage: TierTable(.atLeast, [
            .init(.serviceUsageHigh, bound: 80, points: 20),
            .init(.serviceUsageModerate, bound: 50, points: 10),
            .init(.serviceUsageLow, bound: nil, points: 0),
        ]),
        expansionRevenuePoints: 15
    )

    private static let defaultDemographic = DemographicRules(
        limits: ScoreLimits(min: nil, max: 100),
        industries: IndustryRules(
            target: ["Technology", "Healthcare", "Financial Services", "Manufacturing", "Retail"],
            targetPoints: 25,
            secondary: ["Education", "Professional Services", "Media", "Telecommunications"],
            secondaryPoints: 15,
            otherPoints: 5
        ),
        companySizes: [
            CompanySizeBand(code: .demographicSizeEnterprise, label: "Enterprise (1000+ employees)",
                            minEmployees: 1000, points: 25),
            CompanySizeBand(code: .demographicSizeMidMarket, label: "Mid-Market (101-999 employees)",
                            minEmployees: 101, points: 25),
            CompanySizeBand(code: .demographicSizeSmallBusiness, label: "Small Business (11-100 employees)",
                            minEmployees: 11, points: 15),
            CompanySizeBand(code: .demographicSizeStartup, label: "Startup (1-10 employees)",
                            minEmployees: 1, points: 10),
        ],
        annualRevenue: TierTable(.atLeast, [
            .init(.demographicRevenueEnterprise, bound: 100_000_000, points: 25),
            .init(.demographicRevenueMidMarket, bound: 10_000_000, points: 20),
            .init(.demographicRevenueSMB, bound: 1_000_000, points: 15),
            .init(.demographicRevenueSmall, bound: nil, points: 5),
        ]),
        roles: RoleRules(
            executiveTitles: ["CEO", "CTO", "CIO", "CFO", "COO", "CMO", "President", "Owner", "Founder"],
            executiveExcludedTitles: ["Vice President", "Product Owner"],
            executivePoints: 25,
            seniorTitles: ["VP", "Vice President", "Director", "Head", "Senior Manager"],
            seniorExcludedTitles: [],
            seniorPoints: 20,
            targetFunctions: ["Marketing", "Sales", "IT", "Operations"],
            targetFunctionPoints: 15,
            otherPoints: 5
        ),
        decisionMakerPoints: 25
    )

    private static let defaultBehavioral = BehavioralRules(
        limits: ScoreLimits(min: nil, max: 100),
        recency: TierTable(.atMost, [
            .init(.behavioralRecencyVeryRecent, bound: 1, points: 30),
            .init(.behavioralRecencyWeek, bound: 7, points: 25),
            .init(.behavioralRecencyFortnight, bound: 14, points: 20),
            .init(.behavioralRecencyMonth, bound: 30, points: 15),
            .init(.behavioralRecencyQuarter, bound: 90, points: 5),
            .init(.behavioralRecencyStale, bound: nil, points: 0),
        ]),
        neverEngagedPoints: 0,
        frequency: TierTable(.atLeast, [
            .init(.behavioralFrequencyVeryHigh, bound: 0.8, points: 30),
            .init(.behavioralFrequencyHigh, bound: 0.6, points: 25),
            .init(.behavioralFrequencyModerate, bound: 0.4, points: 15),
            .init(.behavioralFrequencyLow, bound: 0.2, points: 10),
            .init(.behavioralFrequencyVeryLow, bound: nil, points: 0),
        ]),
        velocity: TierTable(.atLeast, [
            .init(.behavioralVelocityRapidlyIncreasing, bound: 0.8, points: 40),
            .init(.behavioralVelocityIncreasing, bound: 0.5, points: 30),
            .init(.behavioralVelocitySlightlyIncreasing, bound: 0.2, points: 20),
            .init(.behavioralVelocityStable, bound: 0, points: 10),
            .init(.behavioralVelocityDecreasing, bound: nil, points: 0),
        ])
    )

    // The reference model also adds "Reference previous relationship in
    // outreach" when a factor's text contains "Previous customer". None of its
    // factor texts does, so that rule never fires, and this model leaves it out
    // to give the same actions. A model file may add it, for example with
    // `service.tenure` as the selector.
    private static let defaultActions = ActionRules(
        subscriber: ["Enroll in awareness nurture campaign", "Send top-of-funnel content", "Monitor for website activity"],
        lead: ["Enroll in educational nurture campaign", "Send industry-specific content", "Monitor for increased engagement"],
        marketingQualifiedLead: ["Enroll in high-touch nurture campaign", "Invite to upcoming webinar",
                                 "Send case study relevant to industry"],
        salesQualifiedLead: ["Assign to sales representative", "Schedule discovery call", "Send personalized outreach email"],
        factorRules: [
            ActionRule(whenAny: [FactorSelector("demographic.decision_maker")],
                       output: "Prepare executive-focused messaging"),
            ActionRule(whenAny: [FactorSelector("service.product_usage.high")],
                       output: "Highlight new features relevant to their usage patterns"),
        ]
    )

    private static let defaultContent = ContentRules(
        groups: [
            [
                ContentRule(whenAny: [FactorSelector("demographic.industry", value: "Technology")],
                            output: ["Technology Industry Solution Guide", "Tech ROI Calculator"]),
                ContentRule(whenAny: [FactorSelector("demographic.industry", value: "Healthcare")],
                            output: ["Healthcare Compliance Whitepaper", "Patient Experience Case Study"]),
                ContentRule(whenAny: [FactorSelector("demographic.industry", value: "Financial Services")],
                            output: ["Financial Services Security Brief", "Banking Digital Transformation Guide"]),
            ],
            [
                ContentRule(whenAny: [FactorSelector("demographic.role.executive")],
                            output: ["Executive Business Impact Report", "Strategic Roadmap Template"]),
                ContentRule(whenAny: [FactorSelector("demographic.role.senior")],
                            output: ["Department Leader's Playbook", "Team Efficiency Calculator"]),
            ],
            [
                ContentRule(whenAny: [FactorSelector("behavioral.frequency.very_high"),
                                      FactorSelector("behavioral.frequency.high")],
                            output: ["Product Deep Dive Webinar", "Advanced Features Guide"]),
                ContentRule(whenAny: [FactorSelector("behavioral.frequency.low")],
                            output: ["Industry Trends Report", "Quick Start Guide"]),
            ],
        ],
        fallback: ["Product Overview", "Customer Success Stories", "Industry Benchmark Report"],
        limit: 3
    )

    private static let defaultPersonalization = PersonalizationRules(
        contentFocus: [
            FocusRule(whenAny: [FactorSelector("marketing")], output: "marketing_automation"),
            FocusRule(whenAny: [FactorSelector("sales")], output: "sales_enablement"),
            FocusRule(whenAny: [FactorSelector("service")], output: "customer_service"),
        ],
        tones: [
            ToneRule(minScore: 80, messageTone: "direct_and_urgent", callToAction: "schedule_meeting"),
            ToneRule(minScore: 60, messageTone: "consultative", callToAction: "request_assessment"),
        ],
        defaultTone: ToneRule(minScore: nil, messageTone: "educational", callToAction: "download_guide"),
        caseStudies: [
            CaseStudyRule(whenAny: [FactorSelector("demographic.industry", value: "Healthcare")],
                          output: "healthcare_provider_case_study"),
            CaseStudyRule(whenAny: [FactorSelector("demographic.industry", value: "Financial Services")],
                          output: "financial_services_case_study"),
            CaseStudyRule(whenAny: [FactorSelector("demographic.company_size.enterprise"),
                                    FactorSelector("demographic.revenue.enterprise")],
                          output: "enterprise_case_study"),
        ],
        defaultCaseStudy: "general_case_study"
    )
}
