/// The options of the benchmarks that run on the generated event mix of
/// `bench fold`, and their validated values.
struct BenchMixSettings {
    let events: Int
    let contacts: Int
    let seed: Int
    let rounds: Int

    /// The option specs, with the command's defaults for the mix size.
    static func options(events: Int, contacts: Int) -> [OptionSpec] {
        [
            OptionSpec("events", default: String(events), help: "Events in the generated mix (1000 to 20000000)."),
            OptionSpec("contacts", default: String(contacts), help: "Contacts the events are spread over (1 to 10000000)."),
            OptionSpec("seed", default: "1", help: "Seed of the generated mix; the same seed gives the same events."),
            OptionSpec("rounds", default: "5", help: "Timed passes per measurement; the median is printed (1 to 50)."),
        ]
    }

    /// - Throws: `UsageError` naming the option and its accepted range.
    init(_ options: ParsedOptions) throws {
        events = try options.int("events", in: 1000...20_000_000) ?? 1000
        contacts = try options.int("contacts", in: 1...10_000_000) ?? 1
        seed = try options.int("seed", in: 0...Int.max) ?? 1
        rounds = try options.int("rounds", in: 1...50) ?? 5
    }
}
