import CrossHubService
import Dispatch
import Foundation

/// `crosshub bench generate`: journey generation speed, next to Foundation's
/// JSON encoder on the same events as a baseline measured in the same run.
enum BenchGenerateCommand: Command {
    static let name = "generate"
    static let summary = "Generation rate of synthetic journeys against JSONSerialization encoding the same events."

    static let parser = OptionParser(command: "bench generate", synopsis: "[OPTIONS]", options: [
        OptionSpec("contacts", default: "20000",
                   help: "Contacts to generate; 20000 gives about one million lines."),
        OptionSpec("baseline-events", default: "100000",
                   help: "Events that JSONSerialization encodes for the baseline."),
        OptionSpec("seed", default: "1", help: "Random seed of the generated population."),
    ])

    static func run(_ arguments: [String]) async -> Int32 {
        var options = JourneyGeneratorOptions()
        let baselineCount: Int
        do {
            let parsed = try parser.parse(arguments)
            if parsed.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            options.contacts = try parsed.int("contacts", in: 1...JourneyGeneratorOptions.maximumContacts)
                ?? options.contacts
            options.seed = UInt64(try parsed.int("seed", in: 0...Int.max) ?? 1)
            baselineCount = try parsed.int("baseline-events", in: 1_000...10_000_000) ?? 100_000
        } catch {
            printError("crosshub bench generate: \(error)")
            return ExitStatus.usage
        }

        let generator: JourneyGenerator
        do {
            generator = try JourneyGenerator(options: options)
        } catch {
            printError("crosshub bench generate: \(error)")
            return ExitStatus.usage
        }

        // Warm-up: page in the code and the vocabulary tables.
        var warmUp = options
        warmUp.contacts = min(options.contacts, 1_000)
        _ = try? JourneyGenerator(options: warmUp).generate()

        let (serial, serialSeconds) = measure { generator.generate(concurrently: false) }
        let (_, parallelSeconds) = measure { generator.generate(concurrently: true) }
        var written = 0
        let (_, writeSeconds) = measure {
            serial.write(format: .jsonl) { chunk in written += chunk.count }
        }

        // Baseline: Foundation encoding the same events from parsed objects.
        let sample = (0..<min(baselineCount, serial.count)).compactMap { index in
            try? JSONSerialization.jsonObject(with: Data(serial.event(at: index).value))
        }
        var encodedBytes = 0
        let (_, baselineSeconds) = measure {
            for object in sample {
                encodedBytes += (try? JSONSerialization.data(withJSONObject: object))?.count ?? 0
            }
        }

        let lines = Double(serial.count)
        let serialRate = lines / serialSeconds
        let baselineRate = Double(sample.count) / baselineSeconds
        print("generate: \(options.contacts) contacts, \(serial.count) lines, \(written / 1_048_576) MiB of JSON lines")
        print(String(format: "  one thread:    %10.0f lines/s  (%.2f s)", serialRate, serialSeconds))
        print(String(format: "  all %d cores:   %10.0f lines/s  (%.2f s)", ProcessInfo.processInfo.activeProcessorCount,
                     lines / parallelSeconds, parallelSeconds))
        print(String(format: "  write jsonl:   %10.0f MiB/s", Double(written) / 1_048_576 / writeSeconds))
        print(String(format: "  baseline, JSONSerialization encoding %d of the same events: %.0f events/s (%d bytes)",
                     sample.count, baselineRate, encodedBytes))
        print(String(format: "  ratio, one-thread generation to baseline encoding: %.1fx", serialRate / baselineRate))
        return ExitStatus.success
    }

    private static func measure<Result>(_ body: () -> Result) -> (Result, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (result, max(seconds, 1e-9))
    }
}
