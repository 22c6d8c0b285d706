/// Email campaigns a contact received over a rolling window, for the open and click rates.
///
/// Each campaign keeps the UTC day of its newest delivery, open and click. A
/// click implies an open and an open implies a delivery, so a click alone
/// counts as all three. A campaign is in the window when its newest delivery
/// falls on one of the `windowDays` days ending with the as-of day. It counts
/// as opened or clicked when its newest open or click does too. Campaigns that
/// leave the window are dropped as newer events arrive.
public struct EmailCampaignWindow: Sendable, Equatable {
    /// The window, in UTC days ending with the as-of day.
    public static let windowDays = 90
    /// The maximum number of campaigns kept.
    public static let campaignLimit = 256

    public struct Campaign: Sendable, Equatable {
        public var campaignID: String
        public var lastDeliveredDay: Int
        public var lastOpenedDay: Int?
        public var lastClickedDay: Int?
    }

    public enum Interaction: Sendable {
        case delivered, opened, clicked
    }

    /// Campaigns in the order first seen.
    public private(set) var campaigns: [Campaign] = []
    /// The newest UTC day of any email event; the window ends on it or later.
    public private(set) var newestDay: Int?

    public init() {}

    init(campaigns: [Campaign], newestDay: Int?) {
        self.campaigns = campaigns
        self.newestDay = newestDay
    }

    /// Records a delivery, open or click of a campaign on a UTC day.
    public mutating func record(_ interaction: Interaction, campaignID: String, day: Int) {
        if let newest = newestDay, day <= newest - EmailCampaignWindow.windowDays {
            return  // Already outside every window a feature can ask for.
        }
        if newestDay.map({ day > $0 }) ?? true {
            newestDay = day
            campaigns.removeAll { $0.lastDeliveredDay <= day - EmailCampaignWindow.windowDays }
        }

        let index: Int
        if let existing = campaigns.firstIndex(where: { $0.campaignID == campaignID }) {
            index = existing
            campaigns[index].lastDeliveredDay = max(campaigns[index].lastDeliveredDay, day)
        } else {
            campaigns.append(Campaign(campaignID: campaignID, lastDeliveredDay: day))
            index = campaigns.count - 1
        }
        if interaction != .delivered {
            campaigns[index].lastOpenedDay = max(campaigns[index].lastOpenedDay ?? day, day)
        }
        if interaction == .clicked {
            campaigns[index].lastClickedDay = max(campaigns[index].lastClickedDay ?? day, day)
        }

        if campaigns.count > EmailCampaignWindow.campaignLimit {
            // NOTE: past the limit the campaign with the oldest delivery is dropped, so a
            // late event for it starts a fresh entry and the rates then depend on arrival order.
            let oldest = campaigns.indices.min {
                (campaigns[$0].lastDeliveredDay, campaigns[$0].campaignID) < (campaigns[$1].lastDeliveredDay, campaigns[$1].campaignID)
            }!
            campaigns.remove(at: oldest)
        }
    }

    /// Counts the campaigns delivered, opened and clicked in the window ending on `asOfDay`.
    public func counts(asOfDay: Int) -> (delivered: Int, opened: Int, clicked: Int) {
        let cutoff = asOfDay - EmailCampaignWindow.windowDays
        var delivered = 0
        var opened = 0
        var clicked = 0
        for campaign in campaigns where campaign.lastDeliveredDay > cutoff {
            delivered += 1
            if let day = campaign.lastOpenedDay, day > cutoff { opened += 1 }
            if let day = campaign.lastClickedDay, day > cutoff { clicked += 1 }
        }
        return (delivered, opened, clicked)
    }
}
