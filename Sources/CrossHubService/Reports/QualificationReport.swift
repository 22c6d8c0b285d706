import Qualification

/// The success measures of a qualification program over a history of events.
///
/// Every contact is replayed in event-time order and rescored after each
/// event (``ContactTimeline``). Definitions:
/// - qualification accuracy: of the contacts that ever scored SQL, the share
///   with a deal created at or after their first SQL time;
/// - sales acceptance rate: `sales.lead_accepted` events over accepted plus
///   `sales.lead_rejected` events;
/// - time to SQL: from a contact's first event to its first SQL time, as the
///   median and p90 by nearest rank, in days;
/// - time to deal: from the first SQL time to the first deal created at or
///   after it, in the same form;
/// - won revenue from qualified leads: the `amount` of the first Closed Won
///   event of each deal whose contact scored SQL before that event;
/// - status counts per week: the contacts in each status at the end of each
///   week (Monday 00:00 UTC to Monday 00:00 UTC), counting contacts from their first event.
public struct QualificationReport: Sendable {
    /// A median and a 90th percentile in days, over `count` contacts.
    public struct Duration: Sendable, Equatable {
        public var count: Int
        public var medianDays: Double?
        public var p90Days: Double?
    }

    /// The status counts at the end of one week.
    public struct Week: Sendable, Equatable {
        /// The Monday that starts the week, 00:00 UTC.
        public var start: EventTime
        /// Contacts by status, in `QualificationStatus.allCases` order.
        public var counts: [Int]
    }

    public let modelVersion: String
    public let contacts: Int
    public let sqlContacts: Int
    public let sqlWithDeal: Int
    /// Contacts that scored SQL after a deal had already been created, so the deal cannot follow the qualification.
    public let sqlWithEarlierDeal: Int
    public let leadsAccepted: Int
    public let leadsRejected: Int
    public let timeToSQL: Duration
    public let timeToDeal: Duration
    public let wonDeals: Int
    public let wonRevenue: Double
    public let wonDealsFromQualified: Int
    public let wonRevenueFromQualified: Double
    /// Won deals without an amount; they add nothing to the revenue.
    public let wonDealsWithoutAmount: Int
    public let weeks: [Week]

    /// SQLs that became deals, 0 to 1; nil without SQLs.
    public var qualificationAccuracy: Double? {
        sqlContacts > 0 ? Double(sqlWithDeal) / Double(sqlContacts) : nil
    }

    /// Accepted over accepted plus rejected, 0 to 1; nil without feedback.
    public var acceptanceRate: Double? {
        leadsAccepted + leadsRejected > 0 ? Double(leadsAccepted) / Double(leadsAccepted + leadsRejected) : nil
    }

    /// Replays every contact of `history` with `scorer` and computes the measures.
    public init(history: EventHistory, scorer: Scorer) {
        let contactIDs = history.events.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let timelines = contactIDs.map { ContactTimeline(contactID: $0, events: history.events[$0]!, scorer: scorer) }
        modelVersion = scorer.modelVersion
        contacts = timelines.count

        var toSQL: [Double] = []
        var toDeal: [Double] = []
        var sqlWithEarlierDeal = 0
        var accepted = 0, rejected = 0
        var won = 0, wonQualified = 0, withoutAmount = 0
        var revenue = 0.0, qualifiedRevenue = 0.0
        for timeline in timelines {
            accepted += timeline.leadsAccepted
            rejected += timeline.leadsRejected
            if let firstSQL = timeline.firstSQL, let firstTouch = timeline.firstTouch {
                toSQL.append(Self.days(from: firstTouch, to: firstSQL))
                if timeline.hadDealBeforeSQL { sqlWithEarlierDeal += 1 }
                if let deal = timeline.firstDealAfterSQL { toDeal.append(Self.days(from: firstSQL, to: deal)) }
            }
            for (_, deal) in timeline.wonDeals.sorted(by: { $0.key < $1.key }) {
                won += 1
                revenue += deal.amount ?? 0
                if deal.amount == nil { withoutAmount += 1 }
                if deal.afterSQL {
                    wonQualified += 1
                    qualifiedRevenue += deal.amount ?? 0
                }
            }
        }
        sqlContacts = toSQL.count
        sqlWithDeal = toDeal.count
        self.sqlWithEarlierDeal = sqlWithEarlierDeal
        leadsAccepted = accepted
        leadsRejected = rejected
        timeToSQL = Self.duration(toSQL)
        timeToDeal = Self.duration(toDeal)
        wonDeals = won
        wonRevenue = revenue
        wonDealsFromQualified = wonQualified
        wonRevenueFromQualified = qualifiedRevenue
        wonDealsWithoutAmount = withoutAmount
        weeks = Self.weeks(timelines)
    }

    static func days(from start: EventTime, to end: EventTime) -> Double {
        Double(end.microsecondsSinceEpoch - start.microsecondsSinceEpoch) / Double(EventTime.microsecondsPerDay)
    }

    static func duration(_ values: [Double]) -> Duration {
        guard !values.isEmpty else { return Duration(count: 0, medianDays: nil, p90Days: nil) }
        let sorted = values.sorted()
        func percentile(_ fraction: Double) -> Double {
            let rank = Int((fraction * Double(sorted.count)).rounded(.up))
            return sorted[max(0, min(sorted.count - 1, rank - 1))]
        }
        return Duration(count: sorted.count, medianDays: percentile(0.5), p90Days: percentile(0.9))
    }

    /// Counts the contacts per status at the end of every week, from the first event's week to the last event's.
    static func weeks(_ timelines: [ContactTimeline]) -> [Week] {
        let starts = timelines.compactMap(\.firstTouch)
        let ends = timelines.compactMap { $0.statusChanges.last?.at }
        guard let first = starts.min(), let last = ends.max() else { return [] }

        // 1970-01-01 was a Thursday, so Mondays are 4 days after a multiple of 7 days since the epoch.
        let day = EventTime.microsecondsPerDay
        let firstDay = first.utcDay
        var weekStart = Int64(firstDay - ((firstDay - 4) % 7 + 7) % 7) * day
        var weeks: [Week] = []
        while weekStart <= last.microsecondsSinceEpoch {
            let weekEnd = EventTime(microsecondsSinceEpoch: weekStart + 7 * day)
            var counts = [Int](repeating: 0, count: QualificationStatus.allCases.count)
            for timeline in timelines {
                if let status = timeline.status(before: weekEnd) { counts[status.rank] += 1 }
            }
            weeks.append(Week(start: EventTime(microsecondsSinceEpoch: weekStart), counts: counts))
            weekStart += 7 * day
        }
        return weeks
    }
}
