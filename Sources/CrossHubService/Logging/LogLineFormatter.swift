import Foundation

/// Formats a log record as one logfmt or JSON line.
enum LogLineFormatter {
    static func format(_ record: LogRecord, as format: LogFormat) -> String {
        let time = timestamp(record.time)
        switch format {
        case .logfmt:
            var line = "time=\(time) level=\(record.level) msg=\(logfmtValue(record.message))"
            for (key, value) in record.fields {
                line += " \(key)=\(logfmtValue(value))"
            }
            return line
        case .json:
            var line = "{\"time\":\(jsonString(time)),\"level\":\(jsonString(record.level.description)),\"msg\":\(jsonString(record.message))"
            for (key, value) in record.fields {
                line += ",\(jsonString(key)):\(jsonString(value))"
            }
            return line + "}"
        }
    }

    /// RFC 3339 in UTC with milliseconds, e.g. `2026-12-04T19:46:50.123Z`.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds / 1000
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      year, month, day,
                      Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60),
                      Int(milliseconds - seconds * 1000))
    }

    /// Converts days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civilDate(fromDaysSinceEpoch days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Quotes a logfmt value when it is empty or holds a space, quote, equals sign or control character.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.value < 0x20
        }
        return needsQuotes ? jsonString(value) : value
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
