import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub run`: the qualification service.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "Run the qualification service: consume the input topics, rescore contacts, publish outputs."

    static let parser = OptionParser(command: "run", synopsis: "[OPTIONS]", options: RunOptions.specs)

    static func run(_ arguments: [String]) async -> Int32 {
        let settings: RunSettings
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(parser.help)
                return ExitStatus.success
            }
            settings = try RunOptions.settings(from: options)
        } catch {
            printError("crosshub run: \(error)")
            return ExitStatus.usage
        }

        let logger = Logger(level: settings.logLevel, sink: StreamLogSink(format: settings.logFormat))
        let service: QualificationService
        do {
            let decider = try QualificationDecider(policy: settings.policy)
            service = try QualificationService(configuration: settings.configuration, scorer: settings.scorer,
                                               decider: decider, logger: logger, version: VersionCommand.version)
        } catch {
            printError("crosshub run: \(error)")
            return ExitStatus.usage
        }

        let endpoint: HTTPServer?
        do {
            endpoint = try service.startOperationsEndpoint()
        } catch {
            logger.critical("the operations endpoint failed to start; the service does not start", ("error", "\(error)"))
            return ExitStatus.failure
        }

        let signals = TerminationSignals(
            onFirst: { signal in
                logger.notice("received \(signal); finishing the open batch and stopping", ("signal", signal))
                service.requestStop()
            },
            onRepeat: { signal in
                logger.warning("received \(signal) again while stopping; exiting at once", ("signal", signal),
                               ("exit.status", "130"))
                exit(130)
            })
        service.start()
        let result = service.waitUntilStopped()
        // The endpoint outlives the pipeline so that /readyz reports the shutdown until the end.
        endpoint?.stop()
        signals.cancel()
        return result.exitStatus
    }
}
