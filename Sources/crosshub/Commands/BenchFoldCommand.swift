import Foundation
import Qualification

/// `crosshub bench fold`: decode + fold events per second on one thread (one
/// core), beside two baselines from the same run on the same bytes: the JSON
/// syntax check alone, and Foundation's JSONSerialization. Also prints the
/// snapshot size per contact.
///
/// "New contacts" starts each pass from an empty session, so it includes
/// creating every state and growing the table. "Known contacts" first folds
/// the mix, then times a second mix of the same contacts, as in a running
/// service after its states are restored.
enum BenchFoldCommand: Command {
    static let name = "fold"
    static let summary = "Decode + fold events per second per core, beside JSON parsing baselines; snapshot bytes per contact."

    static let parser = OptionParser(
        command: "bench fold",
        synopsis: "[--events N] [--contacts N] [--seed N] [--rounds N]",
        options: BenchMixSettings.options(events: 1_000_000, contacts: 50_000)
    )

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: BenchMixSettings
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            settings = try BenchMixSettings(options)
        } catch {
            printError("crosshub bench fold: \(error)")
            return ExitStatus.usage
        }
        let (events, contacts, seed, rounds) = (settings.events, settings.contacts, settings.seed, settings.rounds)

        #if DEBUG
        printError("crosshub bench fold: this is a debug build; build with 'swift build -c release' for real figures")
        #endif

        let mix = EventMix(events: events, contacts: contacts, seed: UInt64(seed))
        print("mix: \(mix.count) events over \(contacts) contacts, \(mix.bytes.count / mix.count) bytes per event on average (seed \(seed))")

        let (foldRate, session) = measure(rounds: rounds, events: mix.count) { () -> FoldSession in
            var session = FoldSession()
            mix.bytes.withUnsafeBytes { buffer in
                for index in 0..<mix.count {
                    _ = try? session.fold(json: mix.line(index, in: buffer))
                }
            }
            return session
        }
        let (decodeRate, _) = measure(rounds: rounds, events: mix.count) {
            let decoder = EventDecoder()
            var decoded = 0
            mix.bytes.withUnsafeBytes { buffer in
                for index in 0..<mix.count where (try? decoder.decode(mix.line(index, in: buffer))) != nil {
                    decoded += 1
                }
            }
            precondition(decoded == mix.count, "the generated mix must decode")
        }
        // Steady state: every contact already has a state, as in a service that has been running.
        let laterMix = EventMix(events: events, contacts: contacts, seed: UInt64(seed) &+ 1)
        var steadyRates: [Double] = []
        for _ in 0..<rounds {
            var warmed = FoldSession()
            mix.bytes.withUnsafeBytes { buffer in
                for index in 0..<mix.count {
                    _ = try? warmed.fold(json: mix.line(index, in: buffer))
                }
            }
            let start = ThreadCPUClock.seconds()
            laterMix.bytes.withUnsafeBytes { buffer in
                for index in 0..<laterMix.count {
                    _ = try? warmed.fold(json: laterMix.line(index, in: buffer))
                }
            }
            steadyRates.append(Double(laterMix.count) / (ThreadCPUClock.seconds() - start))
            precondition(warmed.tally.folded == mix.count + laterMix.count, "every generated event must fold")
        }
        let steadyRate = medianRate(steadyRates)

        let decoder = EventDecoder()
        let decodedEvents: [Event] = mix.bytes.withUnsafeBytes { buffer in
            (0..<mix.count).compactMap { try? decoder.decode(mix.line($0, in: buffer)) }
        }
        let (foldOnlyRate, _) = measure(rounds: rounds, events: mix.count) { () -> FoldSession in
            var foldOnly = FoldSession()
            for event in decodedEvents {
                foldOnly.fold(event)
            }
            return foldOnly
        }
        let (syntaxRate, _) = measure(rounds: rounds, events: mix.count) {
            mix.bytes.withUnsafeBytes { buffer in
                for index in 0..<mix.count {
                    _ = try? JSONValue.validate(mix.line(index, in: buffer))
                }
            }
        }
        let sample = min(mix.count, 200_000)
        let (foundationRate, _) = measure(rounds: rounds, events: sample) {
            for index in 0..<sample {
                let end = index + 1 < mix.lineStarts.count ? mix.lineStarts[index + 1] - 1 : mix.bytes.count - 1
                _ = try? JSONSerialization.jsonObject(with: Data(mix.bytes[mix.lineStarts[index]..<end]))
            }
        }

        let tally = session.tally
        print("folded \(tally.folded), duplicate \(tally.duplicates), invalid \(tally.invalid), contacts \(session.contacts.count)")
        print("")
        print("events per CPU-second on one thread, median of \(rounds) passes; last column: rate / new-contacts decode + fold rate")
        print(row("decode + fold, known contacts", steadyRate, against: foldRate))
        print(row("decode + fold, new contacts", foldRate, against: foldRate))
        print(row("decode only", decodeRate, against: foldRate))
        print(row("fold only, new contacts", foldOnlyRate, against: foldRate))
        print(row("JSON syntax check only", syntaxRate, against: foldRate))
        print(row("Foundation JSONSerialization", foundationRate, against: foldRate) + "   (first \(sample) events)")
        print("")
        printSnapshotSizes(session)
        return ExitStatus.success
    }

    /// Runs `body` `rounds` times and returns the median rate in events per
    /// second of this thread's CPU time, so that other processes competing
    /// for the cores do not lower the figure, and the last round's result.
    /// A round's result is freed after the clock stops, outside the timing.
    static func measure<Result>(rounds: Int, events: Int, _ body: () -> Result) -> (Double, Result) {
        var rates: [Double] = []
        var result: Result?
        for _ in 0..<rounds {
            let start = ThreadCPUClock.seconds()
            let roundResult = body()
            rates.append(Double(events) / (ThreadCPUClock.seconds() - start))
            result = roundResult
        }
        return (medianRate(rates), result!)
    }

    static func row(_ label: String, _ rate: Double, against reference: Double) -> String {
        let padded = label.padding(toLength: 30, withPad: " ", startingAt: 0)
        let rateText = String(Int(rate.rounded()))
        let padding = String(repeating: " ", count: max(0, 10 - rateText.count))
        return "  \(padded) \(padding)\(rateText) /s   \(String(format: "%5.2f", rate / reference))"
    }

    private static func printSnapshotSizes(_ session: FoldSession) {
        let sizes = session.contacts.values.map { $0.snapshotBytes().count }.sorted()
        let eventsPerContact = session.contacts.values.map(\.foldedEventCount).sorted()
        print("snapshot bytes per contact (\(sizes.count) contacts):")
        print("  median \(sizes[sizes.count / 2]) (median contact has \(eventsPerContact[eventsPerContact.count / 2]) events), p90 \(sizes[sizes.count * 9 / 10]), p99 \(sizes[sizes.count * 99 / 100]), max \(sizes.last!)")
        print("  worst case at every bound (256 campaigns, 64 deals, 64 ids, longest strings): \(worstCaseState().snapshotBytes().count)")
    }
}
