extension ContactState {
    /// Folds one event into the state, unless it was already folded.
    ///
    /// The event is skipped, leaving the state unchanged, when `source` is at
    /// or below the offset already folded from its topic-partition, or when an
    /// event with the same id is among the last `RecentEventIDs.capacity`
    /// folded. A skipped record's offset still counts as applied.
    ///
    /// Rules, each independent of arrival order:
    /// - counts add one per event, and sums add in fixed point;
    /// - latest values (lead score, MQL flag, each profile field, NPS, product
    ///   usage, customer status, deal stages and amounts, sales feedback,
    ///   override decisions) take the event with the newest `occurredAt`,
    ///   ties going to the higher `eventID`;
    /// - maxima (longest call, newest engagement) take the greatest value;
    /// - windows keep days relative to the newest event of their kind.
    ///
    /// - Precondition: `event.contactID == contactID`.
    /// - Returns: whether the event was folded or skipped as a duplicate.
    @discardableResult
    public mutating func fold(_ event: Event, from source: EventSource? = nil) -> FoldOutcome {
        precondition(event.contactID == contactID, "event for contact \(event.contactID) folded into \(contactID)")

        if let source, let lastApplied = appliedOffsets.offset(topic: source.topic, partition: source.partition),
           source.offset <= lastApplied {
            return .alreadyApplied(lastAppliedOffset: lastApplied)
        }
        let idHash = RecentEventIDs.hash(event.eventID)
        if recentEventIDs.contains(hash: idHash) {
            if let source {
                appliedOffsets.record(topic: source.topic, partition: source.partition, offset: source.offset)
            }
            return .duplicateEventID
        }

        apply(event)

        recentEventIDs.insert(hash: idHash)
        if let source {
            appliedOffsets.record(topic: source.topic, partition: source.partition, offset: source.offset)
        }
        foldedEventCount += 1
        if newestEventAt.map({ $0 < event.occurredAt }) ?? true {
            newestEventAt = event.occurredAt
        }
        return .folded
    }

    private mutating func apply(_ event: Event) {
        let time = event.occurredAt
        let id = event.eventID
        if event.type.isEngagement {
            engagement.record(at: time)
        }

        switch event.payload {
        case .pageViewed(let url, let highValue):
            marketing.pageViews += 1
            if highValue == true { marketing.highValuePageViews += 1 }
            touches.record(.pageViewed, at: time, detail: url)
        case .formSubmitted(let formID):
            marketing.formSubmissions += 1
            touches.record(.formSubmitted, at: time, detail: formID)
        case .contentDownloaded(let assetID):
            marketing.contentDownloads += 1
            touches.record(.contentDownloaded, at: time, detail: assetID)
        case .emailDelivered(let campaignID):
            marketing.email.record(.delivered, campaignID: campaignID, day: time.utcDay)
        case .emailOpened(let campaignID):
            marketing.email.record(.opened, campaignID: campaignID, day: time.utcDay)
            touches.record(.emailOpened, at: time, detail: campaignID)
        case .emailClicked(let campaignID):
            marketing.email.record(.clicked, campaignID: campaignID, day: time.utcDay)
            touches.record(.emailClicked, at: time, detail: campaignID)
        case .leadScoreChanged(let score):
            marketing.leadScore.offer(score, at: time, eventID: id)
        case .mqlChanged(let mql):
            marketing.mql.offer(mql, at: time, eventID: id)

        case .profileUpdated(let update):
            profile.apply(update, at: time, eventID: id)

        case .activityLogged, .meetingBooked, .meetingAttended, .meetingNoShow, .callLogged,
             .salesEmailReplied, .dealCreated, .dealStageChanged, .objectionRaised, .leadAccepted, .leadRejected:
            applySales(event.payload, at: time, eventID: id)

        case .customerStatusChanged, .ticketOpened, .ticketClosed, .csatSubmitted, .npsSubmitted,
             .productUsageReported, .expansionRecorded:
            applyService(event.payload, at: time, eventID: id)

        case .overrideSet(let request):
            let decision = HumanOverride(status: request.status, reason: request.reason,
                                         setBy: request.setBy, expiresAt: request.expiresAt)
            overrideDecision.offer(decision, at: time, eventID: id)
        case .overrideCleared:
            overrideDecision.offer(nil, at: time, eventID: id)
        }
    }

    private mutating func applySales(_ payload: EventPayload, at time: EventTime, eventID id: String) {
        switch payload {
        case .activityLogged:
            sales.activitiesLogged += 1
        case .meetingBooked(let meetingID, let startsAt):
            sales.meetingsBooked += 1
            sales.latestBooking.offer(MeetingBooking(meetingID: meetingID, startsAt: startsAt), at: time, eventID: id)
        case .meetingAttended(let meetingID):
            sales.meetingsAttended += 1
            touches.record(.meetingAttended, at: time, detail: meetingID)
        case .meetingNoShow:
            sales.meetingsMissed += 1
        case .callLogged(let minutes):
            sales.callsLogged += 1
            sales.longestCallMinutes = max(sales.longestCallMinutes ?? minutes, minutes)
            touches.record(.callLogged, at: time, detail: "\(format(minutes)) min")
        case .salesEmailReplied:
            sales.emailReplies += 1
            touches.record(.salesEmailReplied, at: time, detail: "")
        case .dealCreated(let change), .dealStageChanged(let change):
            sales.deals.apply(change, at: time, eventID: id)
        case .objectionRaised:
            sales.objections += 1
        case .leadAccepted:
            sales.feedback.offer(.accepted, at: time, eventID: id)
        case .leadRejected(let reason):
            sales.feedback.offer(.rejected(reason: reason), at: time, eventID: id)
        default:
            preconditionFailure("\(payload.type.rawValue) is not a sales event type")
        }
    }

    private mutating func applyService(_ payload: EventPayload, at time: EventTime, eventID id: String) {
        switch payload {
        case .customerStatusChanged(let isCustomer, let since):
            service.customer.offer(isCustomer, at: time, eventID: id)
            if isCustomer {
                service.customerSince.offer(since ?? time, at: time, eventID: id)
            }
        case .ticketOpened(let ticketID):
            service.ticketsOpened += 1
            touches.record(.ticketOpened, at: time, detail: ticketID)
        case .ticketClosed:
            service.ticketsClosed += 1
        case .csatSubmitted(let score):
            service.csatCount += 1
            service.csatSumThousandths += Int64((score * ServiceState.csatScale).rounded())
            touches.record(.csatSubmitted, at: time, detail: format(score))
        case .npsSubmitted(let score):
            service.nps.offer(score, at: time, eventID: id)
            touches.record(.npsSubmitted, at: time, detail: String(score))
        case .productUsageReported(let usage):
            service.productUsage.offer(usage, at: time, eventID: id)
        case .expansionRecorded(let amount):
            service.expansionCount += 1
            let (sum, overflow) = service.expansionSumTenThousandths
                .addingReportingOverflow(Int64((amount * ServiceState.moneyScale).rounded()))
            service.expansionSumTenThousandths = overflow ? Int64.max : sum
        default:
            preconditionFailure("\(payload.type.rawValue) is not a service event type")
        }
    }
}
