/// An instant on the event-time clock: microseconds since 1970-01-01T00:00:00Z.
///
/// Parsed from RFC 3339 timestamps by hand (no Foundation formatter) because
/// every event carries at least one.
public struct EventTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var microsecondsSinceEpoch: Int64

    public static let microsecondsPerSecond: Int64 = 1_000_000
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Parses an RFC 3339 date-time with a time zone offset.
    ///
    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` with `T` and
    /// `Z` in either case, years 0001 through 9999 and calendar-valid days.
    /// Fractions keep microseconds and drop further digits. Leap seconds
    /// (`:60`) are rejected, as JSON Schema's `date-time` format checkers do.
    ///
    /// - Returns: nil when the text is not such a timestamp.
    public init?(rfc3339 text: String) {
        var text = text
        guard let time = text.withUTF8({ EventTime.parseRFC3339($0) }) else { return nil }
        self = time
    }

    /// The UTC calendar day: whole days since 1970-01-01, negative before it.
    public var utcDay: Int {
        Int(floorDivide(microsecondsSinceEpoch, EventTime.microsecondsPerDay))
    }

    /// Returns this instant moved by a number of whole days.
    public func adding(days: Int) -> EventTime {
        EventTime(microsecondsSinceEpoch: microsecondsSinceEpoch + Int64(days) * EventTime.microsecondsPerDay)
    }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// The instant in RFC 3339 UTC form, with a fraction only when it is not
    /// whole seconds: `2026-03-04T15:20:00Z`, `2026-03-04T15:20:00.250Z`.
    public var rfc3339: String {
        let fast = String(unsafeUninitializedCapacity: EventTime.maxRFC3339Bytes) { buffer in
            writeRFC3339(into: buffer) ?? 0
        }
        return fast.isEmpty ? paddedRFC3339 : fast
    }

    /// The longest text `writeRFC3339(into:)` writes: `2026-03-04T15:20:00.123456Z`.
    static let maxRFC3339Bytes = 27

    /// Writes the text of `rfc3339` for years 1 to 9999 and returns its
    /// length, or returns nil for other years, which `paddedRFC3339` formats.
    ///
    /// - Precondition: `buffer` has room for `maxRFC3339Bytes`.
    func writeRFC3339(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        precondition(buffer.count >= EventTime.maxRFC3339Bytes, "an RFC 3339 time needs 27 bytes")
        let micros = microsecondsSinceEpoch
        let day = floorDivide(micros, EventTime.microsecondsPerDay)
        let microsOfDay = micros - day * EventTime.microsecondsPerDay
        let (year, month, dayOfMonth) = civilDate(fromDays: day)
        guard (1...9999).contains(year) else { return nil }
        let seconds = microsOfDay / EventTime.microsecondsPerSecond
        let fraction = microsOfDay % EventTime.microsecondsPerSecond

        var count = 0
        func put(_ value: Int64, digits: Int) {
            var rest = value
            for position in stride(from: count + digits - 1, through: count, by: -1) {
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            count += digits
        }
        func put(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
        put(year, digits: 4)
        put(UInt8(ascii: "-"))
        put(month, digits: 2)
        put(UInt8(ascii: "-"))
        put(dayOfMonth, digits: 2)
        put(UInt8(ascii: "T"))
        put(seconds / 3600, digits: 2)
        put(UInt8(ascii: ":"))
        put(seconds / 60 % 60, digits: 2)
        put(UInt8(ascii: ":"))
        put(seconds % 60, digits: 2)
        if fraction != 0 {
            put(UInt8(ascii: "."))
            if fraction % 1000 == 0 {
                put(fraction / 1000, digits: 3)
            } else {
                put(fraction, digits: 6)
            }
        }
        put(UInt8(ascii: "Z"))
        return count
    }

    /// The `rfc3339` text built with padding, for every year, including
    /// those that `writeRFC3339(into:)` leaves out.
    var paddedRFC3339: String {
        let micros = microsecondsSinceEpoch
        let day = floorDivide(micros, EventTime.microsecondsPerDay)
        let microsOfDay = micros - day * EventTime.microsecondsPerDay
        let (year, month, dayOfMonth) = civilDate(fromDays: day)
        let seconds = microsOfDay / EventTime.microsecondsPerSecond
        let fraction = microsOfDay % EventTime.microsecondsPerSecond

        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))T"
        text += "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 {
            text += fraction % 1000 == 0 ? ".\(pad(fraction / 1000, 3))" : ".\(pad(fraction, 6))"
        }
        return text + "Z"
    }

    public var description: String { rfc3339 }

    /// Parses the bytes of an RFC 3339 timestamp; see `init?(rfc3339:)`.
    static func parseRFC3339(_ bytes: UnsafeBufferPointer<UInt8>) -> EventTime? {
        // The shortest form is `YYYY-MM-DDTHH:MM:SSZ`, 20 bytes.
        guard bytes.count >= 20 else { return nil }
        guard let year = digits(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = digits(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = digits(bytes, 8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"),
              let hour = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = digits(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
              let second = digits(bytes, 17, 2) else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59 else { return nil }

        var index = 19
        var fractionMicros: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            var scale: Int64 = 100_000
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                fractionMicros += Int64(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > fractionStart else { return nil }
        }

        guard index < bytes.count else { return nil }
        var offsetSeconds: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard bytes.count - index == 6,
                  let offsetHours = digits(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinutes = digits(bytes, index + 4, 2),
                  offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            offsetSeconds = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        let days = daysFromCivil(year: year, month: month, day: day)
        let localSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let utcSeconds = localSeconds - offsetSeconds
        return EventTime(microsecondsSinceEpoch: utcSeconds * microsecondsPerSecond + fractionMicros)
    }
}

// MARK: Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

private func digitValue(_ byte: UInt8) -> Int? {
    let value = byte &- UInt8(ascii: "0")
    return value < 10 ? Int(value) : nil
}

private func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
        guard let digit = digitValue(bytes[index]) else { return nil }
        value = value * 10 + digit
    }
    return value
}

private func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

private func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

private func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
}

/// Days since 1970-01-01 of a civil date, by shifting the year to start in March
/// so that the leap day falls at the end of a 400-year era.
private func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int64(era * 146_097 + dayOfEra - 719_468)
}

/// The inverse of `daysFromCivil`.
private func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
