/// Settings of a synthetic journey run. The same options, seed included,
/// always give byte-identical output.
public struct JourneyGeneratorOptions: Sendable, Equatable {
    /// Number of contacts, from 1 to `maximumContacts`.
    public var contacts: Int = 1_000

    /// The largest population: a contact averages about 50 lines, and the
    /// whole output is held in memory at about 28 KiB per contact (measured
    /// with the default 90-day window), so 1,000,000 contacts need about
    /// 27 GiB.
    public static let maximumContacts = 1_000_000

    /// Length of the window in days, from 1 to 3,650; the window ends at `end`.
    public var days: Int = 90

    /// End of the window, in seconds since the Unix epoch. No event occurs
    /// after it. The default is fixed, 2026-03-01T00:00:00Z, so that output
    /// does not depend on the clock.
    public var end: Int64 = JourneyGeneratorOptions.defaultEnd

    public var seed: UInt64 = 1

    /// Share of journey events emitted a second time with the same
    /// `event_id` and bytes, as an at-least-once producer does after a
    /// retry. From 0 to 1.
    public var duplicateRate: Double = 0

    /// Expected share of output lines that are invalid events, from 0 to 0.5.
    /// The kinds are in `InvalidLineKind`, and nothing in a line marks it.
    public var invalidRate: Double = 0

    /// Emits the events in a seeded random order instead of by `occurred_at`.
    public var shuffle: Bool = false

    /// Writes each contact's `occurred_at` in the contact's local UTC offset
    /// (such as `2026-03-04T10:20:00-05:00`) instead of UTC, as feeds from
    /// several systems do. The instants, and so the order, stay the same.
    public var localTimes: Bool = false

    /// Emits only the events routed to this topic family; nil emits all three.
    public var family: InputTopicFamily?

    public var topics: InputTopics = .defaults

    /// Text in front of every contact number in `contact_id`, such as `c-`
    /// in `c-42`; 1 to 64 printable ASCII characters without spaces. Two
    /// runs with different prefixes produce disjoint contacts and event ids.
    public var contactIDPrefix: String = "c-"

    /// 2026-03-01T00:00:00Z.
    public static let defaultEnd: Int64 = 1_772_323_200

    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: `JourneyGeneratorOptionsError` naming the first invalid
    ///   setting, its value and the accepted range.
    public func validate() throws(JourneyGeneratorOptionsError) {
        guard (1...Self.maximumContacts).contains(contacts) else {
            throw .init(option: "--contacts", value: "\(contacts)",
                        expected: "an integer from 1 to \(Self.maximumContacts)")
        }
        guard (1...3650).contains(days) else {
            throw .init(option: "--days", value: "\(days)", expected: "an integer from 1 to 3650")
        }
        // The window must start after 1971 and end before 9999 so that every
        // generated timestamp has a four-digit year.
        let earliestEnd = RFC3339Time.daysSinceEpoch(year: 1971, month: 1, day: 1) * 86_400 + Int64(days) * 86_400
        let latestEnd = RFC3339Time.daysSinceEpoch(year: 9998, month: 1, day: 1) * 86_400
        guard end >= earliestEnd, end <= latestEnd else {
            throw .init(option: "--end", value: RFC3339Time.format(end),
                        expected: "a time from \(RFC3339Time.format(earliestEnd)) to \(RFC3339Time.format(latestEnd))")
        }
        guard duplicateRate.isFinite, (0...1).contains(duplicateRate) else {
            throw .init(option: "--duplicate-rate", value: "\(duplicateRate)", expected: "a share from 0 to 1")
        }
        guard invalidRate.isFinite, (0...0.5).contains(invalidRate) else {
            throw .init(option: "--invalid-rate", value: "\(invalidRate)", expected: "a share from 0 to 0.5")
        }
        let printable = contactIDPrefix.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard (1...64).contains(contactIDPrefix.utf8.count), printable else {
            throw .init(option: "--id-prefix", value: contactIDPrefix,
                        expected: "1 to 64 printable ASCII characters without spaces")
        }
        for name in topics.all where name.isEmpty {
            throw .init(option: "topics", value: "\"\"", expected: "non-empty topic names")
        }
    }

    /// First second of the window.
    var start: Int64 { end - Int64(days) * 86_400 }
}

/// An invalid generator setting.
public struct JourneyGeneratorOptionsError: Error, Equatable, CustomStringConvertible {
    /// The option's command-line flag, such as `--invalid-rate`.
    public var option: String
    public var value: String
    public var expected: String

    public var description: String {
        "invalid value '\(value)' for \(option): expected \(expected)"
    }
}
