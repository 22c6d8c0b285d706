extension JourneyPlanner {
    // MARK: - Customers

    /// Adds a customer's service history: the status sync with the date the
    /// contract started, tickets with satisfaction surveys, a quarterly NPS
    /// survey, monthly product usage, expansions, and now and then a churn.
    /// Health drives every one of these.
    mutating func planCustomerService() {
        guard traits.isExistingCustomer else { return }
        let health = traits.customerHealth

        // Tenure from a few weeks to about five years before the window.
        let tenureDays = Int64(random.chance(0.25) ? random.integer(in: 20...180) : random.integer(in: 181...1800))
        let since = context.start - tenureDays * Self.day + Int64(random.below(Int(Self.day)))
        // The CRM sync reports the status first; service events follow it.
        let syncedAt = context.start + Int64(random.below(Int(min(3 * Self.day, max(1, windowLength)))))
        add(syncedAt, .customerStatusChanged(customer: true, since: random.chance(0.9) ? since : nil))
        let start = syncedAt + 1

        let ticketMean: Double = switch health {
        case .healthy: 1.2
        case .neutral: 3.5
        case .atRisk: 8
        }
        let ticketCount = random.count(mean: ticketMean * Double(windowLength) / Double(90 * Self.day))
        for ticket in 0..<ticketCount {
            let openedAt = businessTime(near: time(from: start, to: context.end))
            add(openedAt, .ticketOpened(ticket: ticket + 1))
            guard random.chance(0.9) else { continue }
            let closedAt = openedAt + delay(minimum: Self.hour, maximum: 8 * Self.day)
            add(closedAt, .ticketClosed(ticket: ticket + 1))
            if random.chance(0.45) {
                add(closedAt + delay(minimum: 600, maximum: 2 * Self.day), .csatSubmitted(score: drawSurveyScore(health)))
            }
        }

        // The quarterly NPS survey goes out 30 days before the window ends.
        if random.chance(0.5) {
            let surveyAt = max(start, context.end - 30 * Self.day) + delay(minimum: Self.hour, maximum: 10 * Self.day)
            add(surveyAt, .npsSubmitted(score: drawSurveyScore(health)))
        }

        let usageRange: ClosedRange<Int> = switch health {
        case .healthy: 70...98
        case .neutral: 40...75
        case .atRisk: 5...50
        }
        var reportedAt = start + Int64(random.below(Int(30 * Self.day)))
        while reportedAt <= context.end {
            add(reportedAt, .productUsageReported(score: random.integer(in: usageRange)))
            reportedAt += 30 * Self.day
        }

        if health == .healthy, random.chance(0.2) {
            for _ in 0..<random.integer(in: 1...2) {
                add(businessTime(near: time(from: start, to: context.end)),
                    .expansionRecorded(amount: random.integer(in: 2...50) * 1000))
            }
        }

        if health == .atRisk, random.chance(0.15) {
            add(time(from: max(start, context.end - 20 * Self.day), to: context.end),
                .customerStatusChanged(customer: false, since: nil))
        }
    }

    /// Draws a 0 to 10 survey answer: promoters are healthy customers,
    /// detractors at-risk ones, and some at-risk customers answer 0.
    private mutating func drawSurveyScore(_ health: CustomerHealth) -> Int {
        switch health {
        case .healthy: random.weightedIndex([0, 0, 0, 0, 0, 0, 0, 1, 3, 5, 5])
        case .neutral: random.integer(in: 5...8)
        case .atRisk: random.chance(0.1) ? 0 : random.integer(in: 1...6)
        }
    }

    // MARK: - Human overrides

    /// Pins a few contacts' status by hand, as RevOps does for strategic
    /// accounts, competitors and students. About a third of the overrides
    /// carry an expiry, and about a third are cleared later.
    mutating func planOverride() {
        guard random.chance(0.006) else { return }
        let choice = random.pick(Vocabulary.overrideReasons)
        let setAt = businessTime(near: time(from: entry, to: context.end))
        let setBy = handoff == nil ? Vocabulary.revOpsUser : random.pick(Vocabulary.salesOwners).email
        let expiresAt: Int64? = random.chance(0.35) ? setAt + Int64(random.integer(in: 14...60)) * Self.day : nil
        add(setAt, .overrideSet(status: choice.status, reason: choice.reason, setBy: setBy, expiresAt: expiresAt))
        if random.chance(0.35) {
            add(setAt + delay(minimum: Self.day, maximum: 30 * Self.day), .overrideCleared)
        }
    }
}
