import Foundation
import Qualification

/// `crosshub bench decide`: output decisions per second on one thread (one
/// core), beside scoring the same contacts in the same run.
///
/// The contacts are folded from the generated event mix of `bench fold`.
/// "First publication" decides for states with nothing published, so every
/// record kind a contact qualifies for is built. "Score changed" decides
/// after a publication whose score was one point lower, the common case of a
/// qualification record and a one-property patch. "Unchanged" decides again
/// after storing the first decision, so nothing is published: the cost of a
/// rescoring that changes nothing.
enum BenchDecideCommand: Command {
    static let name = "decide"
    static let summary = "Output decisions per second per core, beside scoring and result JSON on the same contacts."

    static let parser = OptionParser(
        command: "bench decide",
        synopsis: "[--events N] [--contacts N] [--seed N] [--rounds N]",
        options: BenchMixSettings.options(events: 400_000, contacts: 20_000)
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
            printError("crosshub bench decide: \(error)")
            return ExitStatus.usage
        }
        let (seed, rounds) = (settings.seed, settings.rounds)

        #if DEBUG
        printError("crosshub bench decide: this is a debug build; build with 'swift build -c release' for real figures")
        #endif

        let mix = BenchFoldCommand.EventMix(events: settings.events, contacts: settings.contacts, seed: UInt64(seed))
        var session = FoldSession()
        var causes: [String: DecisionCause] = [:]
        let decoder = EventDecoder()
        mix.bytes.withUnsafeBytes { buffer in
            for index in 0..<mix.count {
                guard let event = try? decoder.decode(mix.line(index, in: buffer)), session.fold(event) == .folded else { continue }
                // Times in the mix rise with a jitter of up to a day, so keep the newest event seen.
                if let current = causes[event.contactID], current.occurredAt > event.occurredAt { continue }
                causes[event.contactID] = DecisionCause(eventID: event.eventID, eventType: event.type,
                                                        occurredAt: event.occurredAt, source: nil)
            }
        }

        let scorer = Scorer.default
        let decider: QualificationDecider
        do {
            decider = try QualificationDecider()
        } catch {
            printError("crosshub bench decide: the default decision policy is invalid: \(error)")
            return ExitStatus.failure
        }
        let states = session.contacts.keys.sorted().map { session.contacts[$0]! }
        let features = states.map { $0.features() }
        let firstInputs = zip(states, features).map { state, features in
            DecisionInput(state: state, result: scorer.score(features), cause: causes[state.contactID]!)
        }
        let unchangedInputs = firstInputs.map { input in
            var state = input.state
            state.emitted = decider.decide(input).emitted
            return DecisionInput(state: state, result: input.result, cause: input.cause)
        }
        let scoreChangedInputs = unchangedInputs.map { input in
            var state = input.state
            state.emitted?.score -= 1
            return DecisionInput(state: state, result: input.result, cause: input.cause)
        }

        let (scoreRate, _) = BenchFoldCommand.measure(rounds: rounds, events: features.count) {
            for document in features {
                blackHole(scorer.score(document))
            }
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        let (encodeRate, _) = BenchFoldCommand.measure(rounds: rounds, events: features.count) {
            for input in firstInputs {
                buffer.removeAll(keepingCapacity: true)
                input.result.writeJSON(into: &buffer)
                blackHole(buffer.count)
            }
        }
        var records = 0
        var bytes = 0
        let (firstRate, _) = BenchFoldCommand.measure(rounds: rounds, events: firstInputs.count) {
            records = 0
            bytes = 0
            for input in firstInputs {
                let decision = decider.decide(input)
                records += decision.outputs.count
                bytes += decision.outputs.reduce(0) { $0 + $1.value.count }
            }
        }
        let (scoreChangedRate, _) = BenchFoldCommand.measure(rounds: rounds, events: scoreChangedInputs.count) {
            for input in scoreChangedInputs {
                blackHole(decider.decide(input))
            }
        }
        let (unchangedRate, _) = BenchFoldCommand.measure(rounds: rounds, events: unchangedInputs.count) {
            for input in unchangedInputs {
                blackHole(decider.decide(input))
            }
        }

        print("mix: \(mix.count) events, \(states.count) contacts (seed \(seed)); first publication: \(records) records, \(bytes / max(records, 1)) bytes per record on average")
        print("")
        print("contacts per CPU-second on one thread, median of \(rounds) passes; last column: rate / score rate")
        print(BenchFoldCommand.row("score", scoreRate, against: scoreRate))
        print(BenchFoldCommand.row("encode result JSON only", encodeRate, against: scoreRate))
        print(BenchFoldCommand.row("decide, first publication", firstRate, against: scoreRate))
        print(BenchFoldCommand.row("decide, score changed", scoreChangedRate, against: scoreRate))
        print(BenchFoldCommand.row("decide, unchanged", unchangedRate, against: scoreRate))
        return ExitStatus.success
    }
}
