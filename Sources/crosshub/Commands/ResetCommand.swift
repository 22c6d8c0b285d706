import CrossHubService
import Foundation
import Kafka
import Qualification

/// `crosshub reset`: the application reset before a full rebuild, with every instance stopped.
enum ResetCommand: Command {
    static let name = "reset"
    static let summary = "Reset the group's input offsets and clear the changelog before a full rebuild (instances stopped)."

    static let parser = OptionParser(
        command: name,
        synopsis: "[--group-id ID] [--to-datetime TIME] [--changelog tombstones|recreate|new-topic] [--dry-run] [OPTIONS]",
        options: [
            OptionSpec("brokers", env: "CROSSHUB_BROKERS", default: "localhost:9092",
                       help: "Kafka bootstrap servers, comma-separated host:port pairs."),
            OptionSpec("group-id", env: "CROSSHUB_GROUP_ID", default: "crosshub", help: "Consumer group of the deployment to reset."),
            OptionSpec("marketing-topic", env: "CROSSHUB_MARKETING_TOPIC", default: "marketing.events", help: "Input topic of marketing events."),
            OptionSpec("sales-topic", env: "CROSSHUB_SALES_TOPIC", default: "sales.events", help: "Input topic of sales events."),
            OptionSpec("service-topic", env: "CROSSHUB_SERVICE_TOPIC", default: "service.events", help: "Input topic of service events."),
            OptionSpec("changelog-topic", env: "CROSSHUB_CHANGELOG_TOPIC", default: "crosshub.contact-state",
                       help: "Changelog of contact snapshots to clear."),
            OptionSpec("to-datetime",
                       help: "Move the offsets to the first record at or after this RFC 3339 time (record timestamps) instead of the earliest offsets. Not supported by the embedded broker."),
            OptionSpec("changelog", default: "tombstones",
                       help: "How to clear the changelog: tombstones (a null value per key, any broker), recreate (delete and create it again, needs the admin API) or new-topic (create --new-changelog-topic)."),
            OptionSpec("new-changelog-topic", help: "Name of the changelog that --changelog new-topic creates, such as crosshub.contact-state.v2."),
            OptionSpec("replication-factor", default: "-1",
                       help: "Replication factor of a changelog that recreate or new-topic creates; -1 uses the broker's default."),
            OptionSpec("dry-run", .flag, help: "Print the current and target offsets and the changelog keys, and change nothing."),
            OptionSpec("join-timeout-seconds", default: "60",
                       help: "Seconds the active-member check waits for an assignment after joining the group, 1 to 3600."),
            OptionSpec("kafka", .keyValue, env: "CROSSHUB_KAFKA",
                       help: "librdkafka property KEY=VALUE, such as security.protocol=SASL_SSL, routed to consumers or producers as in 'crosshub run'; a flag overrides the variable's comma-separated list per key."),
            OptionSpec("kafka-properties-file", env: "CROSSHUB_KAFKA_PROPERTIES_FILE",
                       help: "File of librdkafka KEY=VALUE lines (# comments), read before --kafka."),
            OptionSpec("log-level", env: "CROSSHUB_LOG_LEVEL", default: "warning",
                       help: "Lowest level logged on standard error: trace, debug, info, notice, warning, error or critical."),
        ]
    )

    static var usage: String {
        parser.help + """


        Stop every instance of the group first. The reset rejects a group with
        active members: it asks the brokers with DescribeConsumerGroups, and
        where that request is missing (the embedded broker) it joins the group
        itself, which makes any live member rebalance once, and rejects the reset
        unless it receives every input partition. It then commits the target
        offsets of every input partition for the group and clears the changelog,
        so restarted instances restore nothing and rescore every contact. Exit
        status 0 when done, 1 when rejected or failed, 2 for invalid options.
        """
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let reset: ApplicationReset
        do {
            let options = try parser.parse(arguments)
            if options.helpRequested {
                print(usage)
                return ExitStatus.success
            }
            reset = try makeReset(options)
        } catch {
            printError("crosshub reset: \(error)")
            return ExitStatus.usage
        }

        let plan = reset.plan
        print("crosshub reset\(plan.dryRun ? " (dry run)" : ""): group \(plan.groupID), inputs \(plan.inputs.all.joined(separator: ", ")), changelog \(plan.changelog), offsets to \(plan.target), changelog: \(plan.clearing)")
        do {
            let outcome = try reset.run()
            for line in outcome.lines { print(line) }
            return ExitStatus.success
        } catch let error as ResetRejected {
            printError("crosshub reset: rejected, nothing changed: \(error)")
            return ExitStatus.failure
        } catch {
            printError("crosshub reset: \(error)")
            return ExitStatus.failure
        }
    }

    private static func makeReset(_ options: ParsedOptions) throws -> ApplicationReset {
        let logger = try ReplaySourceOptions.logger(from: options)
        let settings = try ReplaySourceOptions.kafkaSettings(from: options, logger: logger, clientID: "crosshub-reset")
        let inputs = InputTopics(marketing: options.string("marketing-topic") ?? "", sales: options.string("sales-topic") ?? "",
                                 service: options.string("service-topic") ?? "")
        let group = options.string("group-id") ?? ""
        let changelog = options.string("changelog-topic") ?? ""
        for (flag, value) in [("group-id", group), ("changelog-topic", changelog), ("marketing-topic", inputs.marketing),
                              ("sales-topic", inputs.sales), ("service-topic", inputs.service)] where value.isEmpty {
            throw UsageError("invalid value '' for --\(flag): expected a name")
        }

        var plan = ResetPlan(groupID: group, inputs: inputs, changelog: changelog)
        if let time = try ReplaySourceOptions.time(options, "to-datetime") { plan.target = .timestamp(time) }
        plan.dryRun = options.flag("dry-run")
        plan.joinTimeout = .seconds(try options.int("join-timeout-seconds", in: 1...3600) ?? 60)
        let replication = try options.int("replication-factor", in: -1...32) ?? -1
        guard replication != 0 else {
            throw UsageError("invalid value '0' for --replication-factor: expected 1 to 32, or -1 for the broker's default")
        }
        switch options.string("changelog") ?? "tombstones" {
        case "tombstones":
            plan.clearing = .tombstones
        case "recreate":
            plan.clearing = .recreate(replicationFactor: replication)
        case "new-topic":
            guard let name = options.string("new-changelog-topic"), !name.isEmpty, name != changelog else {
                throw UsageError("--changelog new-topic needs --new-changelog-topic NAME, a name other than \(changelog), such as \(changelog).v2")
            }
            plan.clearing = .newTopic(name, replicationFactor: replication)
        case let other:
            throw UsageError("invalid value '\(other)' for --changelog: expected tombstones, recreate or new-topic")
        }
        return ApplicationReset(settings: settings, plan: plan)
    }
}
