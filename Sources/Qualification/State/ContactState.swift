/// Everything crosshub keeps about one contact: what the features are derived
/// from, what duplicate detection needs, and the last published qualification.
///
/// Memory is bounded whatever the number of events:
/// - counts and sums are fixed-size, and latest values keep one value each;
/// - windows keep at most `EngagementHistory.dayCount` days and
///   `EmailCampaignWindow.campaignLimit` campaigns;
/// - at most `DealBook.dealLimit` deals, `RecentTouches.capacity` touches and
///   `RecentEventIDs.capacity` event ids are kept.
///
/// Invariant: folding the same set of distinct events in any order gives the
/// same features (see `ContactState+Fold.swift` for the rules). Only
/// `recentEventIDs`, `appliedOffsets` and `emitted` depend on arrival order.
public struct ContactState: Sendable, Equatable {
    public let contactID: String
    /// The newest `occurredAt` folded; features are derived as of this time.
    public internal(set) var newestEventAt: EventTime?
    /// Events folded, duplicates excluded.
    public internal(set) var foldedEventCount = 0

    public internal(set) var profile = ProfileState()
    public internal(set) var marketing = MarketingState()
    public internal(set) var sales = SalesState()
    public internal(set) var service = ServiceState()
    public internal(set) var engagement = EngagementHistory()
    public internal(set) var touches = RecentTouches()
    /// The newest override event: a set override, or nil after a clear. See `activeOverride(at:)`.
    public internal(set) var overrideDecision: LatestValue<HumanOverride?>?

    /// The last published qualification; the service sets it, the fold leaves it alone.
    public var emitted: EmittedQualification?

    public internal(set) var appliedOffsets = AppliedOffsets()
    public internal(set) var recentEventIDs = RecentEventIDs()

    public init(contactID: String) {
        self.contactID = contactID
    }
}
