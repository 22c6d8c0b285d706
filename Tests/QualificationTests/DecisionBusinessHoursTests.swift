import Testing
@testable import Qualification

/// Task due times count only business hours.
@Suite struct DecisionBusinessHoursTests {
    static let fourHours = Int64(4 * 3600) * EventTime.microsecondsPerSecond

    static func due(_ start: String, _ hours: BusinessHours = .standard, after microseconds: Int64 = fourHours) -> String {
        hours.adding(businessMicroseconds: microseconds, to: EventTime(rfc3339: start)!).rfc3339
    }

    // 2026-03-06 is a Friday.
    @Test(arguments: [
        ("2026-03-06T16:00:00Z", "2026-03-09T12:00:00Z"),  // Friday 16:00: one hour Friday, three Monday
        ("2026-03-06T13:00:00Z", "2026-03-06T17:00:00Z"),  // ends exactly at closing
        ("2026-03-06T13:00:01Z", "2026-03-09T09:00:01Z"),  // one second past closing rolls over
        ("2026-03-07T11:00:00Z", "2026-03-09T13:00:00Z"),  // Saturday
        ("2026-03-08T23:59:59Z", "2026-03-09T13:00:00Z"),  // Sunday night
        ("2026-03-04T06:30:00Z", "2026-03-04T13:00:00Z"),  // Wednesday before opening
        ("2026-03-04T17:00:00Z", "2026-03-05T13:00:00Z"),  // Wednesday at closing
        ("2026-03-04T21:00:00Z", "2026-03-05T13:00:00Z"),  // Wednesday after closing
        ("2026-03-04T10:15:30.250Z", "2026-03-04T14:15:30.250Z"),  // inside hours, fractions kept
    ])
    func standardHours(start: String, expected: String) {
        #expect(Self.due(start) == expected)
    }

    @Test func nonZeroOffsetCountsLocalHours() throws {
        // 09:00-17:00 at +05:30 is 03:30-11:30 UTC.
        let india = try BusinessHours(parsing: "Mon-Fri 09:00-17:00 +05:30")
        #expect(Self.due("2026-03-06T10:30:00Z", india) == "2026-03-09T06:30:00Z")
        #expect(Self.due("2026-03-04T00:00:00Z", india) == "2026-03-04T07:30:00Z")
        // 09:00-17:00 at -05:00 is 14:00-22:00 UTC; Monday 02:00 UTC is still Sunday there.
        let newYork = try BusinessHours(parsing: "Mon-Fri 09:00-17:00 -05:00")
        #expect(Self.due("2026-03-09T02:00:00Z", newYork) == "2026-03-09T18:00:00Z")
        #expect(Self.due("2026-03-06T20:00:00Z", newYork) == "2026-03-09T16:00:00Z")
    }

    @Test func longDelaysSpanWeeks() {
        // 40 business hours from Monday 09:00 end at Friday 17:00; 41 at the next Monday 10:00.
        let hour = Int64(3600) * EventTime.microsecondsPerSecond
        #expect(Self.due("2026-03-09T09:00:00Z", after: 40 * hour) == "2026-03-13T17:00:00Z")
        #expect(Self.due("2026-03-09T09:00:00Z", after: 41 * hour) == "2026-03-16T10:00:00Z")
        #expect(Self.due("2026-03-07T12:00:00Z", after: 0) == "2026-03-09T09:00:00Z")
    }

    @Test func parsingAcceptsListsRangesAndWraps() throws {
        let hours = try BusinessHours(parsing: "sun-thu,Sat 08:30-24:00 Z")
        #expect(hours.openDays == [7, 1, 2, 3, 4, 6])
        #expect(hours.opensAtMinute == 510)
        #expect(hours.closesAtMinute == 1440)
        #expect(hours.utcOffsetMinutes == 0)
        #expect(hours.description == "Mon-Thu,Sat,Sun 08:30-24:00 +00:00")
        #expect(try BusinessHours(parsing: "Fri-Mon 10:00-12:00").openDays == [5, 6, 7, 1])
        #expect(try BusinessHours(parsing: "Mon-Fri 09:00-17:00 +00:00") == .standard)
        #expect(BusinessHours.standard.description == "Mon-Fri 09:00-17:00 +00:00")
    }

    @Test(arguments: [
        ("", "expected DAYS HH:MM-HH:MM [OFFSET], such as 'Mon-Fri 09:00-17:00 +00:00'"),
        ("Mon-Fri", "expected DAYS HH:MM-HH:MM [OFFSET], such as 'Mon-Fri 09:00-17:00 +00:00'"),
        ("Mon-Fry 09:00-17:00", "'Mon-Fry' is not a day or a range of days; use Mon, Tue, Wed, Thu, Fri, Sat, Sun or a range such as Mon-Fri"),
        ("Mon-Fri 9:00-17:00", "the hours '9:00-17:00' must be HH:MM-HH:MM, such as 09:00-17:00"),
        ("Mon-Fri 17:00-09:00", "closing time 09:00 must be after the opening time 17:00 and at most 24:00; windows that cross midnight are not supported"),
        ("Mon-Fri 09:00-17:00 +5", "the UTC offset '+5' must be +HH:MM, -HH:MM or Z"),
        ("Mon-Fri 09:00-17:00 +19:00", "UTC offset +19:00 is outside -18:00 to +18:00"),
    ])
    func parsingRejectsWithReason(text: String, reason: String) {
        #expect(throws: DecisionPolicyError(field: .businessHours, value: text, reason: reason)) {
            try BusinessHours(parsing: text)
        }
    }

    @Test func taskDueTimeUsesPolicy() throws {
        var policy = DecisionPolicy()
        policy.businessHours = try BusinessHours(parsing: "Mon-Fri 08:00-12:00 +01:00")
        policy.taskDueAfter = .seconds(2 * 3600)
        var run = try DecisionRun(policy: policy)
        // Friday 10:30 UTC is 11:30 local: half an hour Friday, 90 minutes Monday from 08:00 local.
        let task = try #require(run.step(85, at: "2026-03-06T10:30:00Z").first(.task))
        #expect(task.field("due_at") == "2026-03-09T08:30:00Z")
    }
}
