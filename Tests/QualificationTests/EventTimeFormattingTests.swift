import Testing
@testable import Qualification

@Suite struct EventTimeFormattingTests {
    @Test(arguments: [
        ("2026-03-04T15:20:00Z", "2026-03-04T15:20:00Z"),
        ("2026-03-04T15:20:00.250Z", "2026-03-04T15:20:00.250Z"),
        ("2026-03-04T15:20:00.000001Z", "2026-03-04T15:20:00.000001Z"),
        ("2026-03-04T15:20:00.5+01:30", "2026-03-04T13:50:00.500Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z"),
        ("1969-12-31T23:59:59.9Z", "1969-12-31T23:59:59.900Z"),
        ("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"),
    ])
    func rfc3339TextRoundTrips(input: String, expected: String) throws {
        let time = try #require(EventTime(rfc3339: input))
        #expect(time.rfc3339 == expected)
        #expect(time.paddedRFC3339 == expected)
    }

    /// The direct writer and the padded formatter agree on every time,
    /// including years outside 1 to 9999 that only the padded one formats.
    @Test func fastTextMatchesPaddedText() {
        var random = SplitMix64(seed: 42)
        var times: [Int64] = [0, -1, 1, 253_402_300_799_999_999, 253_402_300_800_000_000, -62_135_596_800_000_000,
                              -62_135_596_800_000_001, Int64.max / 2, Int64.min / 2]
        for _ in 0..<20_000 {
            let raw = Int64(bitPattern: random.next())
            // Spread over about ±12,700 years around 1970, so past both ends of
            // years 1 to 9999, with whole seconds, milliseconds and microseconds.
            var micros = raw % 400_000_000_000_000_000
            switch raw & 3 {
            case 0: micros -= micros % 1_000_000
            case 1: micros -= micros % 1000
            default: break
            }
            times.append(micros)
        }
        for micros in times {
            let time = EventTime(microsecondsSinceEpoch: micros)
            #expect(time.rfc3339 == time.paddedRFC3339, "at \(micros) µs")
        }
    }
}
