// The five component scores. Each function adds the component's factors in
// rule order and returns the score after the component's floor and cap.
// Rules follow the reference model, including its checks for zero: where it
// skips a count, rate or amount of 0, an absent value is skipped too, with no
// points and no factor.

extension Scorer {
    func marketingScore(_ features: LeadFeatures, into list: inout FactorList) -> Double {
        let rules = model.marketing
        var score = 0.0

        if let leadScore = features.leadScore, leadScore != 0 {
            let points = Double(leadScore) * rules.leadScoreMultiplier
            score += points
            list.add(.marketingLeadScore, points, .count(leadScore))
        }

        if features.marketingQualifiedLead == true {
            score += rules.mqlPoints
            list.add(.marketingQualifiedLead, rules.mqlPoints)
        }

        score += countFactor(.marketingFormSubmissions, features.numFormSubmissions, rules.formSubmissions, into: &list)
        score += countFactor(.marketingContentDownloads, features.contentDownloads, rules.contentDownloads, into: &list)

        let openRate = features.emailOpenRate ?? 0
        if openRate > rules.emailOpenRate.moreThan {
            score += rules.emailOpenRate.points
            list.add(.marketingEmailOpenRate, rules.emailOpenRate.points, .number(openRate))
        }

        let clickRate = features.emailClickRate ?? 0
        if clickRate > rules.emailClickRate.moreThan {
            score += rules.emailClickRate.points
            list.add(.marketingEmailClickRate, rules.emailClickRate.points, .number(clickRate))
        }

        score += countFactor(.marketingHighValuePageVisits, features.highValuePageVisits, rules.highValuePageVisits,
                             into: &list)

        return rules.limits.clamp(score)
    }

    func salesScore(_ features: LeadFeatures, into list: inout FactorList) -> Double {
        let rules = model.sales
        var score = countFactor(.salesActivities, features.numSalesActivities, rules.activities, into: &list)

        if features.meetingShowed == true {
            score += rules.meetingAttendedPoints
            list.add(.salesMeetingAttended, rules.meetingAttendedPoints)
        }

        if features.dealCreated == true {
            score += rules.dealCreatedPoints
            list.add(.salesDealCreated, rules.dealCreatedPoints)
        }

        // Stages are matched exactly; an unknown stage, like Closed Lost, adds no points and no factor.
        if let name = features.dealStage, let index = dealStageIndex.value(for: name) {
            let stage = rules.dealStages[index]
            score += stage.points
            if stage.points != 0 {
                list.texts.dealStage = stage.label
                list.add(.salesDealStage, stage.points, .text(.dealStage))
            }
        }

        score += countFactor(.salesEmailReplies, features.salesEmailReplies, rules.emailReplies, into: &list)
        score += tierFactor(rules.callDuration, features.salesCallDuration, into: &list)

        let objections = features.objectionsRaised ?? 0
        if objections > 0 {
            let deduction = rules.objections.points(for: objections)
            score -= deduction
            list.add(.salesObjections, -deduction, .count(objections))
        }

        return rules.limits.clamp(score)
    }

    func serviceScore(_ features: LeadFeatures, into list: inout FactorList) -> Double {
        let rules = model.service
        guard features.previousCustomer == true else {
            // The neutral score, without the floor and cap, which validation keeps it within.
            list.add(.serviceNoPreviousCustomer, 0)
            return rules.neutralScore
        }

        var score = rules.neutralScore
        score += tierFactor(rules.tenure, features.daysAsCustomer, into: &list)

        let csat = features.averageCSAT ?? 0
        if csat > 0 {
            let tier = rules.csat.tier(for: csat)
            score += tier.points
            list.add(tier.code, tier.points, .number(csat))
        }

        // Deviation: any NPS present is scored, so 0 is a detractor. The reference
        // model skips an NPS of 0 as if it were missing.
        if let nps = features.npsScore {
            let tier = rules.nps.tier(for: Double(nps))
            score += tier.points
            list.add(tier.code, tier.points, .count(nps))
        }

        score += tierFactor(rules.supportTickets, features.supportTicketCount, into: &list)
        score += tierFactor(rules.productUsage, features.productUsageScore, into: &list)

        let expansion = features.expansionRevenue ?? 0
        if expansion > 0 {
            score += rules.expansionRevenuePoints
            list.add(.serviceExpansionRevenue, rules.expansionRevenuePoints, .number(expansion))
        }

        return rules.limits.clamp(score)
    }

    func behavioralScore(_ features: LeadFeatures, into list: inout FactorList) -> Double {
        let rules = model.behavioral
        var score = 0.0

        // Deviation: an absent recency means the contact never engaged. The
        // reference model reads it as 0 days, which earns the most points.
        if let recency = features.engagementRecency {
            let tier = rules.recency.tier(for: Double(recency))
            score += tier.points
            list.add(tier.code, tier.points, .count(recency))
        } else {
            score += rules.neverEngagedPoints
            list.add(.behavioralRecencyNeverEngaged, rules.neverEngagedPoints)
        }

        // An absent frequency or velocity counts as 0, as in the reference model,
        // so a contact without a velocity still gets the stable-engagement points.
        let frequency = features.engagementFrequency ?? 0
        let frequencyTier = rules.frequency.tier(for: frequency)
        score += frequencyTier.points
        list.add(frequencyTier.code, frequencyTier.points, .number(frequency))

        let velocity = features.engagementVelocity ?? 0
        let velocityTier = rules.velocity.tier(for: velocity)
        score += velocityTier.points
        list.add(velocityTier.code, velocityTier.points, .number(velocity))

        return rules.limits.clamp(score)
    }

    /// Adds `min(count × each, max)` points and a factor for a count above 0; returns the points.
    @inline(__always)
    func countFactor(_ code: FactorCode, _ count: Int?, _ rule: CountPoints, into list: inout FactorList) -> Double {
        guard let count, count > 0 else { return 0 }
        let points = rule.points(for: count)
        list.add(code, points, .count(count))
        return points
    }

    /// Adds the tier's points and a factor for a count above 0; returns the points.
    @inline(__always)
    func tierFactor(_ table: TierTable, _ count: Int?, into list: inout FactorList) -> Double {
        guard let count, count > 0 else { return 0 }
        let tier = table.tier(for: Double(count))
        list.add(tier.code, tier.points, .count(count))
        return tier.points
    }
}
