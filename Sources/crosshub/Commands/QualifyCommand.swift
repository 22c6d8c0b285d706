import Foundation
import Qualification

/// `crosshub qualify`: folds events from JSON lines, then scores and decides each contact once.
enum QualifyCommand: Command {
    static let name = "qualify"
    static let summary = "Fold events (JSON lines) and print each contact's qualification record, overrides applied."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--as-of TIME] [--model FILE] [--all-outputs] [policy options] [--max-event-bytes N] [--max-errors N] [FILE]",
        options: FoldCommand.parser.options + [
            ModelLoading.option,
            OptionSpec("all-outputs", .flag,
                       help: "Print every output record the service would publish first for each contact (qualification, property update, note, task, notifications, enrollments), not only the qualification record."),
        ] + DecisionPolicyOptions.options
    )

    static var usage: String {
        parser.help + """


        Reads events as JSON lines from FILE, or from standard input when FILE is
        absent or '-', folds them per contact as 'crosshub fold' does, scores each
        contact's features once, and decides the outputs as the service does for a
        contact it publishes for the first time. Writes each contact's
        qualification record (schema crosshub.qualification/v1) to standard output,
        sorted by contact id, and a summary to standard error. A human override in
        force at the contact's as-of time sets the record's 'status'; the model's
        own status is in 'model_status'. The record's cause is the contact's newest
        event. Invalid lines are reported as 'line N: FIELD: REASON' and skipped;
        the exit status is then 1.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: FoldSettings
        let scorer: Scorer
        let decider: QualificationDecider
        let allOutputs: Bool
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            settings = try FoldSettings(options)
            scorer = try ModelLoading.scorer(path: options.string("model"))
            decider = try QualificationDecider(policy: DecisionPolicyOptions.policy(from: options))
            allOutputs = options.flag("all-outputs")
        } catch {
            printError("crosshub qualify: \(error)")
            return ExitStatus.usage
        }

        guard let run = FoldRun.read(settings, command: name) else { return ExitStatus.failure }
        var overridden = 0
        run.writeContactLines(asOf: settings.asOf) { state, features in
            // Every contact in the session folded at least one event, so it has a newest one.
            guard let cause = run.newestEvents[state.contactID] else { return [] }
            let decision = decider.decide(DecisionInput(state: state, result: scorer.score(features), cause: cause))
            let records = allOutputs ? decision.outputs : decision.outputs.filter { $0.kind == .qualification }
            if decision.emitted?.overrideEventID != nil {
                overridden += 1
            }
            return records.map(\.value)
        }
        printError("crosshub qualify: \(run.summary), \(overridden) with an override in force, model \(scorer.modelVersion)")
        return run.exitStatus
    }
}
