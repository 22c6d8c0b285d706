extension JourneyPlanner {
    /// Draws the share of delivered emails the contact opens outside a burst;
    /// about a third of subscribers hardly ever open.
    mutating func drawOpenRate() -> Double {
        if traits.isHot { return random.uniform(0.55, 0.8) }
        switch traits.segment {
        case .subscriber: return random.chance(0.35) ? random.uniform(0, 0.05) : random.uniform(0.05, 0.4)
        case .visitor: return random.uniform(0.12, 0.45)
        case .prospect: return random.uniform(0.2, 0.6)
        // Contacts working with sales read fewer marketing emails than hot buyers do.
        case .salesEngaged, .opportunity: return random.uniform(0.15, 0.5)
        }
    }

    /// Draws the share of opened emails the contact clicks.
    mutating func drawClickRate() -> Double {
        if traits.isHot { return random.uniform(0.3, 0.5) }
        switch traits.segment {
        case .subscriber: return random.uniform(0, 0.12)
        case .visitor: return random.uniform(0.05, 0.25)
        case .prospect: return random.uniform(0.1, 0.4)
        case .salesEngaged, .opportunity: return random.uniform(0.05, 0.3)
        }
    }

    // MARK: - Email

    mutating func planEmails() {
        let openRate = drawOpenRate()
        let clickRate = drawClickRate()
        let calendar = context.calendar

        for (index, campaign) in calendar.scheduled.enumerated() where campaign.sendTime >= entry {
            switch campaign.audience {
            case .everyone: break
            case .prospects: if traits.isExistingCustomer { continue }
            case .customers: if !traits.isExistingCustomer { continue }
            }
            guard random.chance(campaign.reach) else { continue }
            deliverEmail(campaign: index, at: campaign.sendTime + Int64(random.below(2400)),
                         openRate: openRate, clickRate: clickRate)
        }
    }

    /// Adds a delivery and, by chance, an open and a click; opens are more
    /// likely inside a burst.
    mutating func deliverEmail(campaign: Int, at deliveredAt: Int64, openRate: Double, clickRate: Double) {
        add(deliveredAt, .emailDelivered(campaign: campaign))
        let boost = burst(containing: deliveredAt) == nil ? 1.0 : 1.6
        guard random.chance(min(0.95, openRate * boost)) else { return }
        let openedAt = deliveredAt + delay(minimum: 120, maximum: 3 * Self.day)
        add(openedAt, .emailOpened(campaign: campaign))
        if random.chance(clickRate) {
            add(openedAt + delay(minimum: 5, maximum: 900), .emailClicked(campaign: campaign))
        }
    }

    // MARK: - Web site

    mutating func planWebVisits() {
        guard traits.segment >= .visitor else { return }
        var highValueShare: Double = switch traits.segment {
        case .visitor: 0.2
        case .prospect: 0.2
        default: 0.25
        }
        if traits.isHot { highValueShare = 0.45 }

        // Visitors have no forms or sales touches, so browsing is all their interest shows.
        let sessionsPerBurstDay = traits.segment == .visitor ? 0.45 : 0.3
        for burst in bursts {
            let days = Double(burst.end - burst.start) / Double(Self.day)
            let sessions = random.count(mean: burst.sessionsPerDay * days * sessionsPerBurstDay)
            for _ in 0..<sessions {
                addSession(at: businessTime(near: time(from: burst.start, to: burst.end)), highValueShare: highValueShare)
            }
        }

        // Occasional visits between bursts.
        for _ in 0..<random.count(mean: 1.0) {
            addSession(at: businessTime(near: time(from: entry, to: context.end)), highValueShare: highValueShare / 2)
        }

        if traits.isHot, let finalBurst = bursts.last {
            // A visit in most of the eight weeks before the final burst, so that
            // engagement is frequent as well as rising.
            for week in 1...8 where random.chance(0.9) {
                let weekStart = finalBurst.start - Int64(week) * 7 * Self.day
                addSession(at: businessTime(near: weekStart + Int64(random.below(Int(5 * Self.day)))),
                           highValueShare: highValueShare)
            }
        }
    }

    /// Adds a web session of one to four page views, a minute or two apart.
    private mutating func addSession(at sessionStart: Int64, highValueShare: Double) {
        var viewedAt = sessionStart
        for _ in 0..<random.integer(in: 1...4) {
            let page = random.chance(highValueShare)
                ? random.pick(Vocabulary.highValuePageIndices)
                : random.pick(Vocabulary.otherPageIndices)
            // Sites tag some pages and leave the flag out on the rest.
            let flag: Bool? = Vocabulary.pages[page].highValue
                ? (random.chance(0.85) ? true : nil)
                : (random.chance(0.3) ? false : nil)
            add(viewedAt, .pageViewed(page: page, highValue: flag))
            viewedAt += Int64(random.integer(in: 15...240))
        }
    }

    // MARK: - Forms and content

    mutating func planFormsAndDownloads() {
        guard traits.segment >= .prospect else { return }
        let candidates = bursts.isEmpty ? [ActivityBurst(start: entry, end: context.end, sessionsPerDay: 1)] : bursts
        let formCount = traits.isHot ? random.integer(in: 2...3) : random.integer(in: 1...3)
        var firstForm = true

        for _ in 0..<formCount {
            let burst = random.pick(candidates)
            let submittedAt = businessTime(near: time(from: burst.start, to: burst.end))
            let form = random.pick(Vocabulary.topOfFunnelForms)
            add(submittedAt, .formSubmitted(formID: form))
            if form == "ebook-download" || form == "checklist-download" {
                add(submittedAt + Int64(random.integer(in: 2...30)), .contentDownloaded(assetID: random.pick(Vocabulary.assets)))
            }
            if firstForm {
                firstForm = false
                var patch = ProfilePatch(company: company.name, jobTitle: person.jobTitle)
                if random.chance(0.7) { patch.jobFunction = person.jobFunction }
                // Some forms ask for the contact's role in the purchase.
                if random.chance(0.4) { patch.decisionMaker = person.isDecisionMaker }
                add(submittedAt + 1, .profileUpdated(patch))
                planNurture(after: submittedAt)
            }
        }

        let downloadMean = traits.isHot ? 2.5 : 1.6
        for _ in 0..<random.count(mean: downloadMean) {
            let burst = random.pick(candidates)
            add(businessTime(near: time(from: burst.start, to: burst.end)),
                .contentDownloaded(assetID: random.pick(Vocabulary.assets)))
        }
    }

    /// Sends the three emails of a nurture track, three to five days apart.
    private mutating func planNurture(after submittedAt: Int64) {
        let track = context.calendar.nurtureSteps[random.below(context.calendar.nurtureSteps.count)]
        let openRate = traits.isHot ? 0.7 : random.uniform(0.3, 0.6)
        var sentAt = submittedAt
        for campaign in track {
            sentAt += Int64(random.integer(in: 3...5)) * Self.day
            deliverEmail(campaign: campaign, at: sentAt, openRate: openRate, clickRate: random.uniform(0.1, 0.4))
        }
    }

    // MARK: - Lead score and MQL

    /// Adds the marketing automation's lead score changes: points for each
    /// prospect-initiated marketing touch, a quarter of the score lost after
    /// 30 quiet days, and a new value published whenever it moved by five or
    /// more points. A score of 60 or more flags the contact as an MQL.
    mutating func planLeadScore() {
        var touches: [(time: Int64, points: Int)] = []
        for event in events {
            let points: Int
            switch event.payload {
            case .emailOpened: points = 1
            case .emailClicked: points = 2
            case .pageViewed(let page, _): points = Vocabulary.pages[page].highValue ? 3 : 1
            case .formSubmitted: points = 8
            case .contentDownloaded: points = 5
            default: continue
            }
            touches.append((event.time, points))
        }
        guard !touches.isEmpty else { return }
        touches.sort { $0.time < $1.time }

        var score = 0
        var published = 0
        var lastTouch = touches[0].time
        // Published values keep their order: each recalculation lands after the previous one.
        var lastPublishedAt = Int64.min
        for touch in touches {
            if touch.time - lastTouch > 30 * Self.day, score > 0 {
                score = score * 3 / 4
                published = score
                lastPublishedAt = lastTouch + 30 * Self.day
                add(lastPublishedAt, .leadScoreChanged(score: score))
            }
            lastTouch = touch.time
            score = min(100, score + touch.points)

            guard score - published >= 5 else { continue }
            published = score
            lastPublishedAt = max(lastPublishedAt + 1, touch.time + Int64(random.integer(in: 60...1800)))
            add(lastPublishedAt, .leadScoreChanged(score: score))
            if score >= 60, mqlSetAt == nil {
                let setAt = lastPublishedAt + Int64(random.integer(in: 60...7200))
                mqlSetAt = setAt
                add(setAt, .mqlChanged(mql: true))
            }
        }
    }
}
