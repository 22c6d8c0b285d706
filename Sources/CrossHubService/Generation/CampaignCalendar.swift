/// The marketing emails sent during the generation window: scheduled
/// campaigns with a send time and an audience, and triggered nurture emails
/// that a contact receives after a form.
struct CampaignCalendar {
    enum Audience {
        case everyone
        case prospects
        case customers
    }

    struct Campaign {
        var id: String
        var sendTime: Int64
        var audience: Audience
        /// Share of the audience that receives it, after list hygiene and segmentation.
        var reach: Double
    }

    /// Every campaign id. The first `scheduled.count` entries belong to the
    /// scheduled campaigns, in the same order; nurture steps follow.
    private(set) var ids: [String] = []
    private(set) var scheduled: [Campaign] = []
    /// Index into `ids` of nurture step `n` (0, 1, 2) of each nurture track.
    private(set) var nurtureSteps: [[Int]] = []

    static let nurtureTracks = ["nurture-onboarding", "nurture-evaluation", "nurture-reengagement"]

    /// Lays out the campaigns sent from `start` to `end`, in seconds since the
    /// Unix epoch. A newsletter goes out every Tuesday at 14:00 UTC and a
    /// product update every four weeks. Prospects get a webinar invitation
    /// every two weeks, and customers a customer newsletter every 30 days.
    init(start: Int64, end: Int64) {
        let day: Int64 = 86_400
        let startDay = start / day
        // Day 0, 1970-01-01, was a Thursday, so (day + 4) % 7 counts from Sunday = 0.
        let weekday = Int((startDay + 4) % 7)
        let daysToTuesday = Int64((2 - weekday + 7) % 7)
        let firstTuesday = (startDay + daysToTuesday) * day + 14 * 3600

        addSeries("newsletter", first: firstTuesday, every: 7 * day, until: end, audience: .everyone, reach: 0.95)
        addSeries("product-update", first: firstTuesday + 9 * day + 2 * 3600, every: 28 * day, until: end,
                  audience: .everyone, reach: 0.9)
        addSeries("webinar-invite", first: firstTuesday + 2 * day - 3 * 3600, every: 14 * day, until: end,
                  audience: .prospects, reach: 0.6)
        addSeries("customer-news", first: firstTuesday + 16 * day, every: 30 * day, until: end,
                  audience: .customers, reach: 1.0)

        for track in Self.nurtureTracks {
            var steps: [Int] = []
            for step in 1...3 {
                steps.append(ids.count)
                ids.append("\(track)-step-\(step)")
            }
            nurtureSteps.append(steps)
        }
    }

    private mutating func addSeries(_ name: String, first: Int64, every interval: Int64, until end: Int64,
                                    audience: Audience, reach: Double) {
        var sendTime = first
        while sendTime < end {
            let date = RFC3339Time.civilDate(fromDays: sendTime / 86_400)
            let id = "\(name)-\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
            scheduled.append(Campaign(id: id, sendTime: sendTime, audience: audience, reach: reach))
            ids.append(id)
            sendTime += interval
        }
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
