extension EventType {
    /// True for prospect-initiated touches, the events the behavioral features count.
    ///
    /// Engagements: page views, form submissions, content downloads, email
    /// opens and clicks, meetings attended, replies to sales emails, logged
    /// calls, tickets opened, and CSAT and NPS survey responses. Not engagements:
    /// email deliveries, rep-only activity (logged activities, bookings,
    /// no-shows, deal changes, objections, sales feedback), score and status
    /// changes, profile updates, product usage reports, expansions and overrides.
    public var isEngagement: Bool {
        switch self {
        case .pageViewed, .formSubmitted, .contentDownloaded, .emailOpened, .emailClicked,
             .meetingAttended, .salesEmailReplied, .callLogged, .ticketOpened,
             .csatSubmitted, .npsSubmitted:
            true
        case .emailDelivered, .leadScoreChanged, .mqlChanged, .profileUpdated, .activityLogged,
             .meetingBooked, .meetingNoShow, .dealCreated, .dealStageChanged, .objectionRaised,
             .leadAccepted, .leadRejected, .customerStatusChanged, .ticketClosed,
             .productUsageReported, .expansionRecorded, .overrideSet, .overrideCleared:
            false
        }
    }
}
