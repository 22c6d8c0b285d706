/// The window and email calendar that every contact's journey shares.
struct JourneyContext: Sendable {
    /// First second of the window, since the Unix epoch.
    let start: Int64
    /// Last second of the window; no event happens after it.
    let end: Int64
    let calendar: CampaignCalendar
}

/// A period of heightened interest, in which the contact browses, reads and
/// replies more often.
struct ActivityBurst {
    var start: Int64
    var end: Int64
    /// Expected web sessions per day inside the burst.
    var sessionsPerDay: Double
}

/// Plans one contact's journey: draws the contact's traits and profile, then
/// lays out marketing, sales, service and override events in time.
///
/// The planner uses only its own random stream, so a contact's journey
/// depends on the seed and the contact number alone.
struct JourneyPlanner {
    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    let context: JourneyContext
    let contactNumber: Int
    var random: RandomSource
    var traits: ContactTraits
    var company: SyntheticCompany
    var person: SyntheticPerson

    /// Time the contact joined the list: the window start for contacts who
    /// were already subscribed.
    var entry: Int64 = 0
    var bursts: [ActivityBurst] = []
    var events: [JourneyEvent] = []
    /// Time the contact was handed to sales, for sales-engaged contacts and opportunities.
    var handoff: Int64?
    /// Time the marketing automation flagged the contact as an MQL.
    var mqlSetAt: Int64?

    init(context: JourneyContext, contactNumber: Int, random: RandomSource) {
        self.context = context
        self.contactNumber = contactNumber
        self.random = random

        var draws = random
        let traits = ContactTraits.draw(using: &draws)
        var company = SyntheticCompany.draw(number: contactNumber, using: &draws)
        // Sales works good-fit accounts first, so deeper segments retry for a strong fit.
        let retries = traits.isHot ? 30 : (traits.segment >= .salesEngaged ? 2 : 0)
        var attempt = 0
        while attempt < retries, !company.isStrongFit {
            company = SyntheticCompany.draw(number: contactNumber, using: &draws)
            attempt += 1
        }
        let seniorityWeights: [Double] = if traits.isHot {
            [0.45, 0.35, 0.20, 0, 0]
        } else if traits.segment >= .salesEngaged {
            [0.12, 0.18, 0.30, 0.28, 0.12]
        } else if traits.segment == .prospect {
            [0.1, 0.12, 0.2, 0.3, 0.28]
        } else {
            [0.06, 0.08, 0.15, 0.31, 0.40]
        }
        var person = SyntheticPerson.draw(at: company, seniorityWeights: seniorityWeights, using: &draws)
        if traits.isHot { person.isDecisionMaker = true }

        self.traits = traits
        self.company = company
        self.person = person
        self.random = draws
    }

    /// Returns the contact's events inside the window, ordered by time; events
    /// planned for the same second keep the order they were planned in.
    mutating func plan() -> [JourneyEvent] {
        events.reserveCapacity(64)
        planEntryAndBursts()
        planProfile()
        planEmails()
        planWebVisits()
        planFormsAndDownloads()
        planLeadScore()
        planSales()
        planDeal()
        planCustomerService()
        planOverride()

        let window = context.start...context.end
        var order = events.indices.filter { window.contains(events[$0].time) }
        order.sort { lhs, rhs in
            events[lhs].time != events[rhs].time ? events[lhs].time < events[rhs].time : lhs < rhs
        }
        return order.map { events[$0] }
    }

    mutating func add(_ time: Int64, _ payload: EventPayload) {
        events.append(JourneyEvent(time: time, payload: payload))
    }

    // MARK: - Time

    var windowLength: Int64 { context.end - context.start }

    /// Returns a time in the contact's business hours (08:00 to 19:00 local,
    /// Monday to Friday) on the local day of `time`, or on the next business
    /// day when that time would fall before `time`. Never earlier than `time`.
    mutating func businessTime(near time: Int64) -> Int64 {
        let offset = Int64(traits.utcOffsetHours) * Self.hour
        var localDay = floorDivide(time + offset, Self.day)
        let secondOfDay = Int64(random.integer(in: 8 * 3600...(19 * 3600 - 1)))
        while true {
            // Day 0 was a Thursday, so (day + 4) % 7 gives 0 for Sunday and 6 for Saturday.
            let weekday = (localDay % 7 + 7 + 4) % 7
            let candidate = localDay * Self.day + secondOfDay - offset
            if weekday != 0, weekday != 6, candidate >= time { return candidate }
            localDay += 1
        }
    }

    /// Returns a uniform time in `lower..<upper`, or `lower` when the range is empty.
    mutating func time(from lower: Int64, to upper: Int64) -> Int64 {
        guard upper > lower else { return lower }
        return lower + Int64(random.below(Int(upper - lower)))
    }

    /// Returns a delay in seconds from `minimum` up to `maximum`, skewed
    /// towards the minimum, as reaction times are.
    mutating func delay(minimum: Int64, maximum: Int64) -> Int64 {
        let skew = random.unit() * random.unit() * random.unit()
        return minimum + Int64(Double(maximum - minimum) * skew)
    }

    /// Returns the burst that contains `time`, if any.
    func burst(containing time: Int64) -> ActivityBurst? {
        bursts.first { $0.start <= time && time < $0.end }
    }

    private func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    // MARK: - Entry and bursts

    private mutating func planEntryAndBursts() {
        let start = context.start
        let alreadySubscribed = traits.isExistingCustomer || random.chance(traits.segment == .subscriber ? 0.65 : 0.5)
        if alreadySubscribed {
            entry = start
        } else {
            let latestShare = traits.isHot ? 0.35 : (traits.segment >= .salesEngaged ? 0.5 : 0.8)
            entry = start + Int64(Double(windowLength) * latestShare * random.unit())
        }

        let burstCount: Int = switch traits.segment {
        case .subscriber: random.chance(0.3) ? 1 : 0
        case .visitor: random.integer(in: 1...2)
        case .prospect: random.integer(in: 2...4)
        case .salesEngaged: random.integer(in: 2...4)
        case .opportunity: random.integer(in: 2...3)
        }
        for _ in 0..<burstCount {
            let length = Int64(random.integer(in: 2...12)) * Self.day
            let burstStart = time(from: entry, to: max(entry + 1, context.end - length))
            let intensity = random.uniform(0.4, 1.6) * (traits.segment >= .prospect ? 1.3 : 1.0)
            bursts.append(ActivityBurst(start: burstStart, end: burstStart + length, sessionsPerDay: intensity))
        }

        if traits.isHot {
            // Interest peaks at the end of the window: a final, intense burst.
            let finalEnd = context.end - Int64(random.integer(in: 0...36)) * Self.hour
            let finalStart = finalEnd - Int64(random.integer(in: 9...13)) * Self.day
            bursts.append(ActivityBurst(start: finalStart, end: finalEnd, sessionsPerDay: random.uniform(1.2, 2.2)))
        }
        bursts.sort { $0.start < $1.start }
    }

    // MARK: - Profile

    private mutating func planProfile() {
        let firstSeen = entry == context.start
            ? context.start + Int64(random.below(Int(min(7 * Self.day, max(1, windowLength)))))
            : entry
        var initial = ProfilePatch(email: person.email, firstName: person.firstName, lastName: person.lastName)
        if random.chance(0.5) { initial.company = company.name }
        add(firstSeen, .profileUpdated(initial))

        var enrichmentShare: Double = switch traits.segment {
        case .subscriber: 0.25
        case .visitor: 0.8
        default: 0.85
        }
        if traits.isHot { enrichmentShare = 1 }
        if random.chance(enrichmentShare) {
            var enrichment = ProfilePatch(company: company.name, industry: company.industry)
            if random.chance(0.7) {
                enrichment.companySize = company.sizeBand
            } else {
                enrichment.employees = company.employees
            }
            if traits.isHot || random.chance(0.65) { enrichment.annualRevenue = company.annualRevenue }
            if traits.segment == .visitor, random.chance(0.8) {
                enrichment.jobTitle = person.jobTitle
            }
            add(firstSeen + delay(minimum: Self.hour, maximum: 5 * Self.day), .profileUpdated(enrichment))
        }

        if random.chance(0.03) {
            // A promotion: the contact's title changes once during the window.
            let promoted = random.pick(Vocabulary.jobTitles[.director] ?? [])
            add(time(from: firstSeen, to: context.end), .profileUpdated(ProfilePatch(jobTitle: promoted.title)))
        }
    }
}
