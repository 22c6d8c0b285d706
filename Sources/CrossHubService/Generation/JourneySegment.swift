/// How far down the funnel a synthetic contact goes during the window.
///
/// Each segment adds to the one before it. Subscribers receive and sometimes
/// open emails, and visitors also browse the web site. Prospects also fill
/// forms and download content. Sales-engaged contacts also meet sales, and
/// opportunities also get a deal.
public enum JourneySegment: Int, Sendable, CaseIterable, Comparable {
    case subscriber
    case visitor
    case prospect
    case salesEngaged
    case opportunity

    public var name: String {
        switch self {
        case .subscriber: "subscriber"
        case .visitor: "visitor"
        case .prospect: "prospect"
        case .salesEngaged: "sales-engaged"
        case .opportunity: "opportunity"
        }
    }

    /// Share of contacts in each segment, in case order. An estimate of a
    /// B2B database, where most contacts never go past the newsletter.
    static let shares: [Double] = [0.40, 0.25, 0.17, 0.12, 0.06]

    public static func < (lhs: JourneySegment, rhs: JourneySegment) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The traits drawn first for a contact, which shape the rest of its journey.
struct ContactTraits {
    var segment: JourneySegment
    /// A good-fit buyer whose engagement and deal peak at the end of the
    /// window: the contacts meant to reach SQL.
    var isHot: Bool
    /// A customer since before the window starts.
    var isExistingCustomer: Bool
    var customerHealth: CustomerHealth
    /// Offset of the contact's local time from UTC, in hours; engagement
    /// happens in local business hours.
    var utcOffsetHours: Int

    static func draw(using random: inout RandomSource) -> ContactTraits {
        let segment = JourneySegment(rawValue: random.weightedIndex(JourneySegment.shares)) ?? .subscriber

        // NOTE: the hot and segment shares were tuned with
        // scripts/estimate-status-mix.py, a re-implementation of the scoring
        // rules, to about 4 % SQL; recheck them against the service's scorer.
        let hotShare: Double = switch segment {
        case .opportunity: 0.35
        case .salesEngaged: 0.06
        default: 0
        }
        let customerShare: Double = switch segment {
        case .subscriber: 0.08
        case .visitor, .prospect: 0.14
        case .salesEngaged, .opportunity: 0.10
        }
        let health = CustomerHealth.allCases[random.weightedIndex([0.6, 0.25, 0.15])]
        let offsets = [-8, -7, -6, -5, -4, 0, 1, 2, 3, 5, 8, 9, 10]

        return ContactTraits(segment: segment, isHot: random.chance(hotShare),
                             isExistingCustomer: random.chance(customerShare), customerHealth: health,
                             utcOffsetHours: random.pick(offsets))
    }
}

/// A customer's satisfaction, which drives tickets, survey answers and usage.
enum CustomerHealth: CaseIterable {
    case healthy
    case neutral
    case atRisk
}
