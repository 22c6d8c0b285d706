extension BusinessHours {
    /// The weekday abbreviations, Monday first, as the text form uses them.
    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Parses `DAYS HH:MM-HH:MM OFFSET`, for example `Mon-Fri 09:00-17:00 +00:00`
    /// or `Sun-Thu,Sat 08:30-16:30 +03:00`.
    ///
    /// DAYS is a comma-separated list of days (`Mon` ... `Sun`, any case) and
    /// ranges of days (`Mon-Fri`; a range may wrap, as `Fri-Mon`). The closing
    /// time may be `24:00`. OFFSET is `+HH:MM`, `-HH:MM` or `Z`; without it
    /// the hours are in UTC.
    ///
    /// - Throws: `DecisionPolicyError` for the `businessHours` field, naming the
    ///   part that is invalid.
    public init(parsing text: String) throws(DecisionPolicyError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw Self.invalid(text, "expected DAYS HH:MM-HH:MM [OFFSET], such as 'Mon-Fri 09:00-17:00 +00:00'")
        }
        let days = try Self.parseDays(parts[0], in: text)

        let window = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard window.count == 2, let opens = Self.parseClock(window[0]), let closes = Self.parseClock(window[1]) else {
            throw Self.invalid(text, "the hours '\(parts[1])' must be HH:MM-HH:MM, such as 09:00-17:00")
        }

        var offset = 0
        if parts.count == 3 {
            guard let parsed = Self.parseOffset(parts[2]) else {
                throw Self.invalid(text, "the UTC offset '\(parts[2])' must be +HH:MM, -HH:MM or Z")
            }
            offset = parsed
        }

        self.init(openDays: days, opensAtMinute: opens, closesAtMinute: closes, utcOffsetMinutes: offset)
        if let problem = problems().first {
            throw Self.invalid(text, problem)
        }
    }

    private static func invalid(_ text: String, _ reason: String) -> DecisionPolicyError {
        DecisionPolicyError(field: .businessHours, value: text, reason: reason)
    }

    private static func parseDays(_ text: String, in whole: String) throws(DecisionPolicyError) -> Set<Int> {
        var days = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { weekday(String($0)) }
            switch ends.count {
            case 1:
                guard let day = ends[0] else { throw invalid(whole, unknownDay(item)) }
                days.insert(day)
            case 2:
                guard let first = ends[0], let last = ends[1] else { throw invalid(whole, unknownDay(item)) }
                var day = first
                days.insert(day)
                while day != last {
                    day = day % 7 + 1
                    days.insert(day)
                }
            default:
                throw invalid(whole, unknownDay(item))
            }
        }
        return days
    }

    private static func unknownDay(_ item: Substring) -> String {
        "'\(item)' is not a day or a range of days; use Mon, Tue, Wed, Thu, Fri, Sat, Sun or a range such as Mon-Fri"
    }

    /// The ISO weekday of an abbreviation such as `mon`, or nil.
    private static func weekday(_ name: String) -> Int? {
        dayNames.firstIndex { $0.lowercased() == name.lowercased() }.map { $0 + 1 }
    }

    /// Minutes after midnight of `HH:MM`, from 00:00 to 24:00.
    private static func parseClock(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 2, fields[1].count == 2,
              let hours = Int(fields[0]), let minutes = Int(fields[1]),
              (0...24).contains(hours), (0...59).contains(minutes) else { return nil }
        let total = hours * 60 + minutes
        return total <= 1440 ? total : nil
    }

    /// Minutes east of UTC of `+HH:MM`, `-HH:MM` or `Z`.
    private static func parseOffset(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-", let minutes = parseClock(String(text.dropFirst())) else {
            return nil
        }
        return sign == "-" ? -minutes : minutes
    }

    // MARK: Text form

    /// `Mon-Fri`, `Mon,Wed,Fri`, `Sat-Sun`: runs of three or more days as ranges, Monday first.
    static func daysText(_ days: Set<Int>) -> String {
        let sorted = days.filter { (1...7).contains($0) }.sorted()
        var runs: [[Int]] = []
        for day in sorted {
            if let last = runs.last?.last, last + 1 == day {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.map { run in
            let names = run.map { dayNames[$0 - 1] }
            return run.count >= 3 ? "\(names.first!)-\(names.last!)" : names.joined(separator: ",")
        }.joined(separator: ",")
    }

    /// `HH:MM` of minutes after midnight.
    static func clockText(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    /// `+HH:MM` or `-HH:MM` of minutes east of UTC.
    static func offsetText(_ minutes: Int) -> String {
        (minutes < 0 ? "-" : "+") + clockText(abs(minutes))
    }
}
