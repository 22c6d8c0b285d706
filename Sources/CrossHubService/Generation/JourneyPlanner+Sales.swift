extension JourneyPlanner {
    // MARK: - Sales touches

    /// Adds the hand-off to sales and what follows it: owner assignment,
    /// acceptance or rejection, rep activity, meetings, calls, replies and
    /// objections. Some prospects only get a few cold outbound touches.
    mutating func planSales() {
        if traits.segment == .prospect, random.chance(0.45) {
            planOutboundOnly()
            return
        }
        guard traits.segment >= .salesEngaged else { return }

        let handoffAt = chooseHandoff()
        handoff = handoffAt
        if random.chance(0.6) {
            // Asking for sales makes a contact an MQL at once.
            add(handoffAt, .formSubmitted(formID: random.pick(Vocabulary.handRaiseForms)))
            if mqlSetAt.map({ $0 > handoffAt }) ?? true {
                add(handoffAt + delay(minimum: 60, maximum: Self.hour), .mqlChanged(mql: true))
            }
        }
        let owner = random.pick(Vocabulary.salesOwners)
        add(handoffAt + delay(minimum: 300, maximum: 4 * Self.hour),
            .profileUpdated(ProfilePatch(ownerID: owner.id, ownerEmail: owner.email)))

        let acceptShare = traits.isHot || traits.segment == .opportunity ? 1.0 : (company.isStrongFit ? 0.85 : 0.55)
        let reviewedAt = handoffAt + delay(minimum: 2 * Self.hour, maximum: 3 * Self.day)
        if random.chance(acceptShare) {
            add(reviewedAt, .leadAccepted)
        } else {
            add(reviewedAt, .leadRejected(reason: rejectionReason()))
            if random.chance(0.6) {
                add(reviewedAt + delay(minimum: 600, maximum: Self.day), .mqlChanged(mql: false))
            }
            planRepActivity(after: handoffAt, count: random.integer(in: 1...2))
            return
        }

        let followUp = context.end - handoffAt
        planRepActivity(after: handoffAt, count: traits.isHot ? random.integer(in: 5...10) : random.integer(in: 2...8))
        planMeetings(after: handoffAt, count: traits.segment == .opportunity ? random.integer(in: 2...3) : 1)

        let callCount = traits.isHot ? random.integer(in: 2...3) : random.integer(in: 0...3)
        for _ in 0..<callCount {
            add(businessTime(near: handoffAt + Int64(random.below(Int(max(1, min(followUp, 40 * Self.day)))))),
                .callLogged(tenthsOfMinute: drawCallLength()))
        }

        let replyCount = traits.isHot ? random.integer(in: 3...5) : random.integer(in: 0...4)
        for _ in 0..<replyCount {
            add(businessTime(near: handoffAt + Int64(random.below(Int(max(1, min(followUp, 45 * Self.day)))))),
                .emailReplied)
        }

        if random.chance(traits.isHot ? 0.3 : 0.6) {
            for _ in 0..<(traits.isHot ? 1 : random.integer(in: 1...3)) {
                let topic: String? = random.chance(0.8) ? random.pick(Vocabulary.objectionTopics) : nil
                add(businessTime(near: handoffAt + Int64(random.below(Int(max(1, min(followUp, 40 * Self.day)))))),
                    .objectionRaised(topic: topic))
            }
        }

        // Discovery calls reveal whether the contact signs off on purchases.
        add(handoffAt + delay(minimum: Self.day, maximum: 10 * Self.day),
            .profileUpdated(ProfilePatch(jobFunction: person.jobFunction, decisionMaker: person.isDecisionMaker)))
    }

    /// Picks the hand-off time: inside the second-to-last burst for contacts
    /// whose interest peaks at the end, otherwise inside a random burst.
    private mutating func chooseHandoff() -> Int64 {
        if traits.isHot {
            // Early enough for the deal to advance before the final burst.
            let earliest = max(entry, context.end - 70 * Self.day)
            let latest = max(earliest + 1, context.end - 40 * Self.day)
            return businessTime(near: time(from: earliest, to: latest))
        }
        let candidates = bursts.isEmpty ? [ActivityBurst(start: entry, end: context.end, sessionsPerDay: 1)] : bursts
        let burst = random.pick(candidates)
        return businessTime(near: time(from: burst.start, to: burst.end))
    }

    /// Adds a development rep's outreach to a prospect: logged activity, and
    /// now and then a call or a reply, but no meeting.
    private mutating func planOutboundOnly() {
        let firstTouch = businessTime(near: time(from: entry, to: context.end))
        planRepActivity(after: firstTouch, count: random.integer(in: 1...4))
        if random.chance(0.5) {
            add(businessTime(near: firstTouch + Int64(random.below(Int(14 * Self.day)))),
                .callLogged(tenthsOfMinute: drawCallLength()))
        }
        if random.chance(0.3) {
            add(businessTime(near: firstTouch + Int64(random.below(Int(10 * Self.day)))), .emailReplied)
        }
    }

    /// Adds rep-logged activities, which are not prospect engagement.
    private mutating func planRepActivity(after start: Int64, count: Int) {
        let kinds = ["email", "call", "task", "note", "meeting"]
        for _ in 0..<count {
            let kind = kinds[random.weightedIndex([0.35, 0.25, 0.2, 0.15, 0.05])]
            add(businessTime(near: start + Int64(random.below(Int(30 * Self.day)))), .activityLogged(kind: kind))
        }
    }

    /// Books `count` meetings one after the other; a no-show is rebooked
    /// more often than not.
    private mutating func planMeetings(after start: Int64, count: Int) {
        let attendShare = traits.isHot ? 0.97 : (traits.segment == .opportunity ? 0.9 : 0.7)
        var bookedAt = start + delay(minimum: Self.hour, maximum: 3 * Self.day)
        var meetingNumber = 0
        var remaining = count

        while remaining > 0, bookedAt < context.end {
            meetingNumber += 1
            let startsAt = businessTime(near: bookedAt + Int64(random.integer(in: 2...10)) * Self.day)
            add(bookedAt, .meetingBooked(meeting: meetingNumber, startsAt: startsAt))
            let outcomeAt = startsAt + Int64(random.integer(in: 0...900))

            if random.chance(attendShare) {
                add(outcomeAt, .meetingAttended(meeting: meetingNumber))
                remaining -= 1
                bookedAt = outcomeAt + delay(minimum: Self.hour, maximum: 12 * Self.day)
            } else {
                add(outcomeAt, .meetingNoShow(meeting: meetingNumber))
                guard random.chance(0.6) else { return }
                bookedAt = outcomeAt + delay(minimum: Self.hour, maximum: 2 * Self.day)
            }
        }
    }

    /// Draws a call length in tenths of a minute: unanswered calls last 0,
    /// quick check-ins a few minutes, discovery calls up to an hour.
    private mutating func drawCallLength() -> Int {
        if traits.isHot { return random.integer(in: 250...600) }
        switch random.weightedIndex([0.2, 0.3, 0.5]) {
        case 0: return 0
        case 1: return random.integer(in: 5...50)
        default: return random.integer(in: 51...450)
        }
    }

    private mutating func rejectionReason() -> String {
        if person.seniority == .individualContributor, random.chance(0.7) { return "not a decision maker" }
        if company.employees <= 10, random.chance(0.7) { return "company too small" }
        return random.pick(Vocabulary.rejectionReasons)
    }

    // MARK: - Deals

    /// Adds a deal for opportunities that attended a meeting: created after
    /// the first attended meeting, then moved stage by stage until it is won, lost or still open
    /// at the end of the window. A won deal makes the contact a customer.
    mutating func planDeal() {
        guard traits.segment == .opportunity, let handoff else { return }
        // Sales opens a deal only after a meeting the contact attended.
        let attendedMeetings = events.filter { if case .meetingAttended = $0.payload { true } else { false } }
        guard let firstMeeting = attendedMeetings.min(by: { $0.time < $1.time }), firstMeeting.time >= handoff else {
            return
        }
        let createdAt = firstMeeting.time + delay(minimum: Self.hour, maximum: 4 * Self.day)

        // The planned outcome: won, lost, or the open stage where the deal rests.
        let target: DealStage
        if traits.isHot {
            target = [.decisionMakerBoughtIn, .contractSent, .closedWon][random.weightedIndex([0.3, 0.35, 0.35])]
        } else {
            target = DealStage.allCases[random.weightedIndex([0.08, 0.14, 0.16, 0.1, 0.07, 0.2, 0.25])]
        }
        var stage: DealStage = random.chance(0.5) ? .appointmentScheduled : .qualifiedToBuy
        if target < stage { stage = target }
        // A lost deal advances to some open stage first, then closes as lost.
        let lastOpenStage = target == .closedLost
            ? DealStage(rawValue: random.integer(in: stage.rawValue...DealStage.contractSent.rawValue)) ?? stage
            : min(target, .contractSent)

        let usesInternalID = random.chance(0.2)
        var amount = drawDealAmount()
        add(createdAt, .dealCreated(DealUpdate(deal: 1, stage: stage, usesInternalID: usesInternalID,
                                               amount: random.chance(0.7) ? amount : nil)))

        var changedAt = createdAt
        let stepDays = traits.isHot ? 3...8 : 4...14
        while stage < lastOpenStage || (stage == lastOpenStage && target > .contractSent) {
            stage = stage < lastOpenStage ? DealStage(rawValue: stage.rawValue + 1) ?? target : target
            changedAt += Int64(random.integer(in: stepDays)) * Self.day
            // Negotiation moves the value a little now and then.
            if random.chance(0.25) { amount = amount / 100 * random.integer(in: 85...110) }
            let includesAmount = stage == .closedWon || (stage != .closedLost && random.chance(0.4))
            add(businessTime(near: changedAt), .dealStageChanged(DealUpdate(
                deal: 1, stage: stage, usesInternalID: usesInternalID, amount: includesAmount ? amount : nil)))
        }

        if stage == .closedWon, !traits.isExistingCustomer {
            let since = changedAt + delay(minimum: Self.hour, maximum: 2 * Self.day)
            add(since, .customerStatusChanged(customer: true, since: since))
        }
    }

    /// Draws a deal value in whole currency units that grows with company size.
    private mutating func drawDealAmount() -> Int {
        let range: ClosedRange<Int> = switch company.employees {
        case ...10: 5...15
        case ...100: 10...40
        case ...999: 30...120
        default: 80...500
        }
        return random.integer(in: range) * 1000
    }
}
