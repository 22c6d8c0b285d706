extension ContactState {
    /// Derives the feature document the scorer reads.
    ///
    /// Windowed features are computed as of `asOf`, or as of the newest event
    /// when `asOf` is nil or earlier than it (counts include every folded
    /// event, so an earlier time could not be honored). Windows are whole UTC
    /// days ending with the as-of day. Derivations:
    ///
    /// - `lead_score`, `marketing_qualified_lead`: the newest value; absent until set.
    /// - `num_page_views`, `num_form_submissions`, `content_downloads`: event counts.
    /// - `high_value_page_visits`: page views with `high_value: true`.
    /// - `email_open_rate`, `email_click_rate`: the share of campaigns opened,
    ///   and the share clicked, among campaigns with a delivery in the last 90
    ///   days. A click counts as an open and an open as a delivery. Both are
    ///   absent when no campaign is in the window.
    /// - `num_sales_activities`: `sales.activity_logged` plus `sales.call_logged`
    ///   plus `sales.meeting_booked` events. A feed that also logs an activity
    ///   of kind `call` for each logged call counts that call twice.
    /// - `meeting_showed`: true when any meeting was attended.
    /// - `deal_created`: true when any deal event arrived.
    /// - `deal_stage`: the label of the most advanced stage among open and won
    ///   deals (`Closed Lost` when every deal was lost); absent without deals.
    /// - `objections_raised`, `sales_email_replies`: event counts.
    /// - `sales_call_duration`: the longest call in whole minutes, truncated;
    ///   absent without calls.
    /// - `previous_customer`: true when any status event had `customer: true`.
    /// - `days_as_customer`: UTC days from the newest relationship's `since`
    ///   to the as-of day, or to the day the newest status event ended it.
    /// - `support_ticket_count`: tickets opened.
    /// - `average_csat`: the mean of all answers; `nps_score`: the newest answer.
    /// - `product_usage_score`: the newest report, truncated to an integer.
    /// - `expansion_revenue`: the sum of expansions; absent without any.
    /// - profile features: each field's newest value; `company_size` is the
    ///   newer of the band label and the employee count (the band when one
    ///   update sets both).
    /// - `engagement_recency`: UTC days from the newest engagement to the
    ///   as-of day; absent when the contact never engaged.
    /// - `engagement_frequency`: the share of the last 8 weeks (7-day blocks
    ///   ending on the as-of day) with at least one engagement.
    /// - `engagement_velocity`: (engagements in the last 14 days − in the 14
    ///   days before) / max(1, their sum), from −1 to 1.
    ///
    /// Engagements are the events for which `EventType.isEngagement` is true.
    /// Behavioral features are absent for a contact that never engaged.
    public func features(asOf requested: EventTime? = nil) -> LeadFeatures {
        let asOf: EventTime? = switch (requested, newestEventAt) {
        case let (requested?, newest?): max(requested, newest)
        case let (requested, newest): requested ?? newest
        }
        let asOfDay = asOf?.utcDay

        var features = LeadFeatures()
        features.contactID = contactID
        features.asOf = asOf?.rfc3339
        deriveMarketing(into: &features, asOfDay: asOfDay)
        deriveSales(into: &features)
        deriveService(into: &features, asOfDay: asOfDay)
        deriveProfile(into: &features)
        deriveBehavior(into: &features, asOfDay: asOfDay)
        return features
    }

    private func deriveMarketing(into features: inout LeadFeatures, asOfDay: Int?) {
        features.leadScore = marketing.leadScore?.value
        features.marketingQualifiedLead = marketing.mql?.value
        features.numPageViews = marketing.pageViews
        features.numFormSubmissions = marketing.formSubmissions
        features.contentDownloads = marketing.contentDownloads
        features.highValuePageVisits = marketing.highValuePageViews

        if let asOfDay {
            let email = marketing.email.counts(asOfDay: asOfDay)
            if email.delivered > 0 {
                features.emailOpenRate = Double(email.opened) / Double(email.delivered)
                features.emailClickRate = Double(email.clicked) / Double(email.delivered)
            }
        }
    }

    private func deriveSales(into features: inout LeadFeatures) {
        features.numSalesActivities = sales.activitiesLogged + sales.callsLogged + sales.meetingsBooked
        features.meetingShowed = sales.meetingsAttended > 0
        features.dealCreated = !sales.deals.deals.isEmpty
        features.dealStage = sales.deals.mostAdvancedStage?.label
        features.objectionsRaised = sales.objections
        features.salesEmailReplies = sales.emailReplies
        features.salesCallDuration = sales.longestCallMinutes.map { Int($0) }
    }

    private func deriveService(into features: inout LeadFeatures, asOfDay: Int?) {
        features.previousCustomer = service.customerSince != nil
        if let since = service.customerSince?.value, let status = service.customer, let asOfDay {
            let endDay = status.value ? asOfDay : status.occurredAt.utcDay
            features.daysAsCustomer = max(0, endDay - since.utcDay)
        }
        features.supportTicketCount = service.ticketsOpened
        if service.csatCount > 0 {
            features.averageCSAT = Double(service.csatSumThousandths) / ServiceState.csatScale / Double(service.csatCount)
        }
        features.npsScore = service.nps?.value
        features.productUsageScore = service.productUsage.map { Int($0.value) }
        if service.expansionCount > 0 {
            features.expansionRevenue = Double(service.expansionSumTenThousandths) / ServiceState.moneyScale
        }
    }

    private func deriveProfile(into features: inout LeadFeatures) {
        features.industry = profile.industry?.value
        features.annualRevenue = profile.annualRevenue?.value
        features.jobTitle = profile.jobTitle?.value
        features.jobFunction = profile.jobFunction?.value
        features.decisionMaker = profile.decisionMaker?.value

        switch (profile.companySize, profile.employees) {
        case let (band?, count?):
            features.companySize = band.isOlder(than: count.occurredAt, eventID: count.eventID)
                ? .employees(count.value) : .band(band.value)
        case let (band?, nil):
            features.companySize = .band(band.value)
        case let (nil, count?):
            features.companySize = .employees(count.value)
        case (nil, nil):
            break
        }
    }

    private func deriveBehavior(into features: inout LeadFeatures, asOfDay: Int?) {
        guard let lastEngagedAt = engagement.lastEngagedAt, let asOfDay else { return }
        features.engagementRecency = asOfDay - lastEngagedAt.utcDay

        var activeWeeks = 0
        for week in 0..<8 {
            let lastDay = asOfDay - 7 * week
            if engagement.count(fromDay: lastDay - 6, throughDay: lastDay) > 0 {
                activeWeeks += 1
            }
        }
        features.engagementFrequency = Double(activeWeeks) / 8

        let recent = engagement.count(fromDay: asOfDay - 13, throughDay: asOfDay)
        let previous = engagement.count(fromDay: asOfDay - 27, throughDay: asOfDay - 14)
        features.engagementVelocity = Double(recent - previous) / Double(max(1, recent + previous))
    }
}
