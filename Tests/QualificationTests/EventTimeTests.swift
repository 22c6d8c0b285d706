import Testing
@testable import Qualification

@Test(arguments: [
    ("1970-01-01T00:00:00Z", Int64(0)),
    ("1970-01-01T00:00:01.5Z", Int64(1_500_000)),
    ("2026-03-04T15:20:00Z", Int64(1_772_637_600_000_000)),
    ("2026-03-04T16:20:00+01:00", Int64(1_772_637_600_000_000)),
    ("2026-03-04T10:50:00-04:30", Int64(1_772_637_600_000_000)),
    ("2024-02-29T00:00:00Z", Int64(1_709_164_800_000_000)),
    ("1969-12-31T23:59:59.999999Z", Int64(-1)),
    ("0001-01-01T00:00:00Z", Int64(-62_135_596_800_000_000)),
    ("9999-12-31T23:59:59Z", Int64(253_402_300_799_000_000)),
    ("2026-03-04t15:20:00.1234567z", Int64(1_772_637_600_123_456)),
])
func timestampsParse(text: String, micros: Int64) {
    #expect(EventTime(rfc3339: text)?.microsecondsSinceEpoch == micros)
}

@Test(arguments: [
    "2026-03-04", "2026-03-04T15:20Z", "2026-03-04T15:20:00", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z", "2026-00-10T00:00:00Z", "2026-03-04T15:60:00Z", "2026-03-04T15:20:00+01",
    "2026-03-04T15:20:00+01:60", " 2026-03-04T15:20:00Z", "2026-03-04T15:20:00Z ", "+2026-03-04T15:20:00Z",
])
func invalidTimestampsAreRejected(text: String) {
    #expect(EventTime(rfc3339: text) == nil)
}

@Test func formattingRoundTrips() {
    var generator = SplitMix64(seed: 9)
    for _ in 0..<5_000 {
        let micros = Int64.random(in: -62_135_596_800_000_000...253_402_300_799_999_999, using: &generator)
        let time = EventTime(microsecondsSinceEpoch: micros)
        #expect(EventTime(rfc3339: time.rfc3339) == time, "\(time.rfc3339)")
    }
    #expect(EventTime(microsecondsSinceEpoch: 1_500_000).rfc3339 == "1970-01-01T00:00:01.500Z")
    #expect(EventTime(microsecondsSinceEpoch: 1_000_001).rfc3339 == "1970-01-01T00:00:01.000001Z")
}

@Test func utcDayFloorsBeforeEpoch() {
    #expect(EventTime(microsecondsSinceEpoch: -1).utcDay == -1)
    #expect(EventTime(microsecondsSinceEpoch: 0).utcDay == 0)
    #expect(EventTime(rfc3339: "2026-03-04T23:59:59Z")!.utcDay == EventTime(rfc3339: "2026-03-04T00:00:00Z")!.utcDay)
}
