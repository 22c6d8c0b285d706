import Qualification

extension ContactDocument {
    /// Renders the folded state of a contact: counts, newest values with the
    /// event that set them, deals, the override, the last published
    /// qualification and the input offsets applied.
    ///
    /// Personal contact data (email address, first and last name) is left
    /// out, because scoring never reads it and the endpoint needs no more.
    static func stateJSON(_ state: ContactState) -> String {
        var writer = JSONWriter(reservingCapacity: 1024)
        writer.beginObject()
        writer.field("folded_events", state.foldedEventCount)
        writer.field("newest_event_at", state.newestEventAt?.rfc3339)
        writer.field("last_engaged_at", state.engagement.lastEngagedAt?.rfc3339)

        writer.key("marketing")
        writeMarketing(state.marketing, to: &writer)
        writer.key("sales")
        writeSales(state.sales, to: &writer)
        writer.key("service")
        writeService(state.service, to: &writer)
        writer.key("profile")
        writeProfile(state.profile, to: &writer)

        if let decision = state.overrideDecision {
            writer.key("override")
            writeLatest(decision, to: &writer) { writer, value in
                guard let value else {
                    writer.null()
                    return
                }
                writer.beginObject()
                writer.field("status", value.status.rawValue)
                writer.field("reason", value.reason)
                writer.field("set_by", value.setBy)
                writer.field("expires_at", value.expiresAt?.rfc3339)
                writer.endObject()
            }
        }
        if let emitted = state.emitted {
            writer.key("emitted")
            writeEmitted(emitted, to: &writer)
        }

        writer.key("applied_offsets")
        writer.beginArray()
        for entry in state.appliedOffsets.entries {
            writer.beginObject()
            writer.field("topic", entry.topic)
            writer.field("partition", Int(entry.partition))
            writer.field("offset", Int(entry.offset))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    private static func writeMarketing(_ marketing: MarketingState, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("page_views", marketing.pageViews)
        writer.field("high_value_page_views", marketing.highValuePageViews)
        writer.field("form_submissions", marketing.formSubmissions)
        writer.field("content_downloads", marketing.contentDownloads)
        writer.field("email_campaigns", marketing.email.campaigns.count)
        writeLatest("lead_score", marketing.leadScore, to: &writer) { $0.integer($1) }
        writeLatest("mql", marketing.mql, to: &writer) { $0.bool($1) }
        writer.endObject()
    }

    private static func writeSales(_ sales: SalesState, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("activities_logged", sales.activitiesLogged)
        writer.field("calls_logged", sales.callsLogged)
        writer.field("longest_call_minutes", sales.longestCallMinutes)
        writer.field("meetings_booked", sales.meetingsBooked)
        writer.field("meetings_attended", sales.meetingsAttended)
        writer.field("meetings_missed", sales.meetingsMissed)
        writer.field("email_replies", sales.emailReplies)
        writer.field("objections", sales.objections)
        writeLatest("latest_booking", sales.latestBooking, to: &writer) { writer, booking in
            writer.beginObject()
            writer.field("meeting_id", booking.meetingID)
            writer.field("starts_at", booking.startsAt.rfc3339)
            writer.endObject()
        }
        writeLatest("feedback", sales.feedback, to: &writer) { writer, feedback in
            writer.beginObject()
            switch feedback {
            case .accepted:
                writer.field("verdict", "accepted")
            case .rejected(let reason):
                writer.field("verdict", "rejected")
                writer.field("reason", reason)
            }
            writer.endObject()
        }

        writer.key("deals")
        writer.beginArray()
        for deal in sales.deals.deals {
            writer.beginObject()
            writer.field("deal_id", deal.dealID)
            writer.field("stage", deal.stage.value.rawValue)
            writer.field("amount", deal.amount?.value)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func writeService(_ service: ServiceState, to writer: inout JSONWriter) {
        writer.beginObject()
        writeLatest("customer", service.customer, to: &writer) { $0.bool($1) }
        writeLatest("customer_since", service.customerSince, to: &writer) { $0.string($1.rfc3339) }
        writer.field("tickets_opened", service.ticketsOpened)
        writer.field("tickets_closed", service.ticketsClosed)
        writer.field("csat_responses", service.csatCount)
        if service.csatCount > 0 {
            writer.field("csat_average", Double(service.csatSumThousandths) / ServiceState.csatScale / Double(service.csatCount))
        }
        writeLatest("nps", service.nps, to: &writer) { $0.integer($1) }
        writeLatest("product_usage", service.productUsage, to: &writer) { $0.number($1) }
        writer.field("expansions", service.expansionCount)
        writer.field("expansion_total", Double(service.expansionSumTenThousandths) / ServiceState.moneyScale)
        writer.endObject()
    }

    private static func writeProfile(_ profile: ProfileState, to writer: inout JSONWriter) {
        writer.beginObject()
        writeLatest("company", profile.company, to: &writer) { $0.string($1) }
        writeLatest("industry", profile.industry, to: &writer) { $0.string($1) }
        writeLatest("employees", profile.employees, to: &writer) { $0.integer($1) }
        writeLatest("company_size", profile.companySize, to: &writer) { $0.string($1) }
        writeLatest("annual_revenue", profile.annualRevenue, to: &writer) { $0.number($1) }
        writeLatest("job_title", profile.jobTitle, to: &writer) { $0.string($1) }
        writeLatest("job_function", profile.jobFunction, to: &writer) { $0.string($1) }
        writeLatest("decision_maker", profile.decisionMaker, to: &writer) { $0.bool($1) }
        writeLatest("owner_id", profile.ownerID, to: &writer) { $0.string($1) }
        writer.endObject()
    }

    private static func writeEmitted(_ emitted: EmittedQualification, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("score", emitted.score)
        writer.field("status", emitted.status)
        writer.field("nurture_track", emitted.nurtureTrack)
        writer.field("lifecycle_stage", emitted.lifecycleStage)
        writer.field("sql_entered_at", emitted.sqlEnteredAt?.rfc3339)
        writer.field("model_version", emitted.modelVersion)
        writer.field("causing_event_id", emitted.causingEventID)
        writer.endObject()
    }

    /// Writes `"name": {"value": ..., "occurred_at": ..., "event_id": ...}`, or nothing when `latest` is nil.
    private static func writeLatest<Value>(_ name: String, _ latest: LatestValue<Value>?, to writer: inout JSONWriter,
                                           _ writeValue: (inout JSONWriter, Value) -> Void) {
        guard let latest else { return }
        writer.key(name)
        writeLatest(latest, to: &writer, writeValue)
    }

    private static func writeLatest<Value>(_ latest: LatestValue<Value>, to writer: inout JSONWriter,
                                           _ writeValue: (inout JSONWriter, Value) -> Void) {
        writer.beginObject()
        writer.key("value")
        writeValue(&writer, latest.value)
        writer.field("occurred_at", latest.occurredAt.rfc3339)
        writer.field("event_id", latest.eventID)
        writer.endObject()
    }
}
