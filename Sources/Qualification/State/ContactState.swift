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
/// same features (see `ContactState+Fold.swift` for the rules), as long as no
/// campaign or deal limit was reached. What does depend on arrival order is
/// internal: the stored order of campaigns and deals, `recentEventIDs` and
/// `appliedOffsets`, and so the snapshot bytes.
public struct ContactState: Sendable {
    public let contactID: String
    /// The newest `occurredAt` folded; features are derived as of this time.
    ///
    /// NOTE: nothing bounds event times against the wall clock, so one event
    /// dated far in the future moves this ahead for good and empties the windows.
    public internal(set) var newestEventAt: EventTime?
    /// Events folded, duplicates excluded.
    public internal(set) var foldedEventCount = 0
    // Every fold reads the event ids, so they follow the first fields in memory.
    public internal(set) var recentEventIDs = RecentEventIDs()

    public internal(set) var marketing = MarketingState()
    public internal(set) var sales = SalesState()
    public internal(set) var service = ServiceState()
    public internal(set) var engagement = EngagementHistory()
    public internal(set) var touches = RecentTouches()
    public internal(set) var appliedOffsets = AppliedOffsets()

    /// The profile, the override and the emitted qualification, which change
    /// rarely; boxed so that the parts every event touches stay small in
    /// memory. Nil until one of them is first set.
    private var rarelyChanged: RarelyChangedState?

    public init(contactID: String) {
        self.contactID = contactID
    }

    public internal(set) var profile: ProfileState {
        get { rarelyChanged?.profile ?? ProfileState() }
        set { uniqueRarelyChanged().profile = newValue }
    }

    /// The newest override event: a set override, or nil after a clear. See `activeOverride(at:)`.
    public internal(set) var overrideDecision: LatestValue<HumanOverride?>? {
        get { rarelyChanged?.overrideDecision }
        set { uniqueRarelyChanged().overrideDecision = newValue }
    }

    /// The last published qualification; the service sets it, the fold leaves it alone.
    public var emitted: EmittedQualification? {
        get { rarelyChanged?.emitted }
        set { uniqueRarelyChanged().emitted = newValue }
    }

    /// Returns the box, copying it first when another state value shares it (copy-on-write).
    private mutating func uniqueRarelyChanged() -> RarelyChangedState {
        if let box = rarelyChanged, isKnownUniquelyReferenced(&rarelyChanged!) {
            return box
        }
        let box = RarelyChangedState(copying: rarelyChanged)
        rarelyChanged = box
        return box
    }
}

extension ContactState: Equatable {
    public static func == (lhs: ContactState, rhs: ContactState) -> Bool {
        lhs.contactID == rhs.contactID && lhs.newestEventAt == rhs.newestEventAt
            && lhs.foldedEventCount == rhs.foldedEventCount && lhs.marketing == rhs.marketing
            && lhs.sales == rhs.sales && lhs.service == rhs.service && lhs.engagement == rhs.engagement
            && lhs.touches == rhs.touches && lhs.appliedOffsets == rhs.appliedOffsets
            && lhs.recentEventIDs == rhs.recentEventIDs && lhs.profile == rhs.profile
            && lhs.overrideDecision == rhs.overrideDecision && lhs.emitted == rhs.emitted
    }
}

/// The rarely changed parts of a `ContactState`, shared between copies of
/// the state until one of them writes.
///
/// `@unchecked Sendable`: `ContactState` writes to a box only after
/// `isKnownUniquelyReferenced` shows that no other value refers to it, and
/// replaces a shared box with a copy. So a box that more than one value, and
/// possibly more than one thread, can reach is never written.
private final class RarelyChangedState: @unchecked Sendable {
    var profile = ProfileState()
    var overrideDecision: LatestValue<HumanOverride?>?
    var emitted: EmittedQualification?

    init(copying other: RarelyChangedState?) {
        if let other {
            profile = other.profile
            overrideDecision = other.overrideDecision
            emitted = other.emitted
        }
    }
}
