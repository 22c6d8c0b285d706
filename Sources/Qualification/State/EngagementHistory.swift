/// Prospect engagements per UTC day over the last 56 days, for the behavioral features.
///
/// A ring of daily counts ends on the day of the newest engagement. Days fall
/// out of the ring as newer days arrive, and an engagement older than the
/// ring is only reflected in `lastEngagedAt`. Because the as-of day is never
/// earlier than the newest engagement, every day a feature reads is either in
/// the ring or older than anything a feature needs, so results do not depend
/// on arrival order.
public struct EngagementHistory: Sendable, Equatable {
    /// Days kept: 8 weeks, the span of `engagement_frequency`.
    public static let dayCount = 56

    /// The UTC day of the newest engagement; the ring ends on it.
    public private(set) var newestDay: Int?
    /// Engagements per day, indexed by the day modulo `dayCount`; counts saturate at `UInt32.max`.
    private(set) var dailyCounts: [UInt32] = []
    /// The newest engagement, absent when the contact never engaged.
    public private(set) var lastEngagedAt: EventTime?

    public init() {}

    init(newestDay: Int?, dailyCounts: [UInt32], lastEngagedAt: EventTime?) {
        self.newestDay = newestDay
        self.dailyCounts = dailyCounts
        self.lastEngagedAt = lastEngagedAt
    }

    /// Counts one engagement at `time`.
    public mutating func record(at time: EventTime) {
        if lastEngagedAt.map({ $0 < time }) ?? true {
            lastEngagedAt = time
        }

        let day = time.utcDay
        guard let newest = newestDay else {
            dailyCounts = [UInt32](repeating: 0, count: EngagementHistory.dayCount)
            newestDay = day
            dailyCounts[slot(day)] = 1
            return
        }
        if day > newest {
            // Clear the slots of the days the ring moves past; at most one full turn.
            let clearFrom = max(newest + 1, day - EngagementHistory.dayCount + 1)
            for cleared in clearFrom...day {
                dailyCounts[slot(cleared)] = 0
            }
            newestDay = day
        } else if day <= newest - EngagementHistory.dayCount {
            return
        }
        let index = slot(day)
        if dailyCounts[index] < UInt32.max {
            dailyCounts[index] += 1
        }
    }

    /// Returns the engagements on a UTC day; 0 for days outside the ring.
    public func count(onDay day: Int) -> UInt32 {
        guard let newest = newestDay, day <= newest, day > newest - EngagementHistory.dayCount else { return 0 }
        return dailyCounts[slot(day)]
    }

    /// Returns the engagements on the days `first...last`, inclusive.
    public func count(fromDay first: Int, throughDay last: Int) -> Int {
        guard let newest = newestDay else { return 0 }
        let first = max(first, newest - EngagementHistory.dayCount + 1)
        let last = min(last, newest)
        guard first <= last else { return 0 }
        var total = 0
        for day in first...last {
            total += Int(count(onDay: day))
        }
        return total
    }

    private func slot(_ day: Int) -> Int {
        let remainder = day % EngagementHistory.dayCount
        return remainder < 0 ? remainder + EngagementHistory.dayCount : remainder
    }
}
