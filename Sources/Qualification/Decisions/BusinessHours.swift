/// The working week used for sales task due times: open days and one daily
/// window, at a fixed offset from UTC.
///
/// The default is Monday to Friday, 09:00 to 17:00 at UTC+00:00. The text form
/// is `Mon-Fri 09:00-17:00 +00:00` (see `init(parsing:)`).
///
/// NOTE: the offset is fixed, so a region with daylight saving time is off by
/// the shift for part of the year, and public holidays count as open days.
public struct BusinessHours: Sendable, Equatable, CustomStringConvertible {
    /// ISO 8601 weekday numbers: 1 is Monday, 7 is Sunday.
    public var openDays: Set<Int>
    /// Opening time in minutes after local midnight, 0 to 1439.
    public var opensAtMinute: Int
    /// Closing time in minutes after local midnight, after `opensAtMinute`, at most 1440.
    public var closesAtMinute: Int
    /// Local time minus UTC, in minutes: 60 for +01:00, -300 for -05:00.
    public var utcOffsetMinutes: Int

    /// The largest offset accepted, ±18:00, as in `java.time.ZoneOffset`.
    public static let maxOffsetMinutes = 18 * 60

    public init(openDays: Set<Int>, opensAtMinute: Int, closesAtMinute: Int, utcOffsetMinutes: Int) {
        self.openDays = openDays
        self.opensAtMinute = opensAtMinute
        self.closesAtMinute = closesAtMinute
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Monday to Friday, 09:00 to 17:00 at UTC+00:00.
    public static let standard = BusinessHours(openDays: [1, 2, 3, 4, 5], opensAtMinute: 9 * 60,
                                               closesAtMinute: 17 * 60, utcOffsetMinutes: 0)

    /// Returns the problems with these hours, each naming the fix; empty when they are valid.
    public func problems() -> [String] {
        var problems: [String] = []
        if openDays.isEmpty {
            problems.append("no open day; list at least one day, such as Mon-Fri")
        }
        if let day = openDays.first(where: { !(1...7).contains($0) }) {
            problems.append("weekday \(day) is not 1 (Monday) to 7 (Sunday)")
        }
        if !(0..<1440).contains(opensAtMinute) {
            problems.append("opening minute \(opensAtMinute) is not 0 to 1439 (00:00 to 23:59)")
        }
        if closesAtMinute <= opensAtMinute || closesAtMinute > 1440 {
            problems.append("closing time \(Self.clockText(closesAtMinute)) must be after the opening time \(Self.clockText(opensAtMinute)) and at most 24:00; windows that cross midnight are not supported")
        }
        if abs(utcOffsetMinutes) > Self.maxOffsetMinutes {
            problems.append("UTC offset \(Self.offsetText(utcOffsetMinutes)) is outside -18:00 to +18:00")
        }
        return problems
    }

    /// Returns the time that lies `businessMicroseconds` of open time after
    /// `start`, counting only open days between opening and closing.
    ///
    /// A start outside business hours counts from the next opening, so
    /// Friday 16:00 plus 4 hours is Monday 12:00 under the standard hours, and
    /// a Saturday start plus 4 hours is Monday 13:00. A due time that falls
    /// exactly on a closing time stays there instead of moving to the next
    /// opening. The hours must be valid (`problems()` empty).
    public func adding(businessMicroseconds: Int64, to start: EventTime) -> EventTime {
        let offset = Int64(utcOffsetMinutes) * 60 * EventTime.microsecondsPerSecond
        let day = EventTime.microsecondsPerDay
        let opens = Int64(opensAtMinute) * 60 * EventTime.microsecondsPerSecond
        let closes = Int64(closesAtMinute) * 60 * EventTime.microsecondsPerSecond

        let local = start.microsecondsSinceEpoch + offset
        var dayNumber = Self.floorDivide(local, day)
        var timeOfDay = local - dayNumber * day
        var remaining = max(0, businessMicroseconds)

        while true {
            if isOpen(dayNumber: dayNumber) && timeOfDay < closes {
                let from = max(timeOfDay, opens)
                if from + remaining <= closes {
                    return EventTime(microsecondsSinceEpoch: dayNumber * day + from + remaining - offset)
                }
                remaining -= closes - from
            }
            dayNumber += 1
            timeOfDay = 0
        }
    }

    /// The hours in the form `init(parsing:)` reads, such as `Mon-Fri 09:00-17:00 +00:00`.
    public var description: String {
        "\(Self.daysText(openDays)) \(Self.clockText(opensAtMinute))-\(Self.clockText(closesAtMinute)) \(Self.offsetText(utcOffsetMinutes))"
    }

    /// True when the local calendar day (days since 1970-01-01) is an open day.
    private func isOpen(dayNumber: Int64) -> Bool {
        // 1970-01-01 was a Thursday, ISO weekday 4.
        let weekday = Int((dayNumber + 3) % 7 + 7) % 7 + 1
        return openDays.contains(weekday)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
