extension LeadFeatures {
    /// Writes the document as one JSON object, keys in the declaration order of
    /// `LeadFeatures` (contact and as-of first, then marketing, sales, service,
    /// company and role, behavioral), absent fields omitted.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("contact_id", contactID)
        writer.field("as_of", asOf)

        writer.field("lead_score", leadScore)
        writer.field("marketing_qualified_lead", marketingQualifiedLead)
        writer.field("num_page_views", numPageViews)
        writer.field("num_form_submissions", numFormSubmissions)
        writer.field("email_open_rate", emailOpenRate)
        writer.field("email_click_rate", emailClickRate)
        writer.field("content_downloads", contentDownloads)
        writer.field("high_value_page_visits", highValuePageVisits)

        writer.field("num_sales_activities", numSalesActivities)
        writer.field("meeting_showed", meetingShowed)
        writer.field("deal_created", dealCreated)
        writer.field("deal_stage", dealStage)
        writer.field("objections_raised", objectionsRaised)
        writer.field("sales_email_replies", salesEmailReplies)
        writer.field("sales_call_duration", salesCallDuration)

        writer.field("previous_customer", previousCustomer)
        writer.field("days_as_customer", daysAsCustomer)
        writer.field("support_ticket_count", supportTicketCount)
        writer.field("average_csat", averageCSAT)
        writer.field("nps_score", npsScore)
        writer.field("product_usage_score", productUsageScore)
        writer.field("expansion_revenue", expansionRevenue)

        writer.field("industry", industry)
        switch companySize {
        case .band(let label)?:
            writer.field("company_size", label)
        case .employees(let count)?:
            writer.field("company_size", count)
        case nil:
            break
        }
        writer.field("annual_revenue", annualRevenue)
        writer.field("job_title", jobTitle)
        writer.field("job_function", jobFunction)
        writer.field("decision_maker", decisionMaker)

        writer.field("engagement_recency", engagementRecency)
        writer.field("engagement_frequency", engagementFrequency)
        writer.field("engagement_velocity", engagementVelocity)

        writer.endObject()
    }

    /// The document as JSON text; see `write(to:)`.
    public var jsonText: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }
}
