extension Duration {
    /// Creates a duration from a whole number and a unit: `30d`, `4h`, `90m`
    /// or `45s`. A bare `0` is zero. Returns nil for any other text, and for
    /// counts too large for microsecond event times.
    public init?(unitText text: String) {
        if text == "0" {
            self = .zero
            return
        }
        let units: [Character: Int64] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]
        guard let unit = text.last, let secondsPerUnit = units[unit],
              let count = Int64(text.dropLast()), count >= 0,
              count <= Int64.max / secondsPerUnit / EventTime.microsecondsPerSecond else {
            return nil
        }
        self = .seconds(count * secondsPerUnit)
    }
}
