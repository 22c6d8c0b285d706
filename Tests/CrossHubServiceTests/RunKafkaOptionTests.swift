import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// `crosshub run --kafka` together with `CROSSHUB_KAFKA`, in a child process.
@Suite struct RunKafkaOptionTests {
    @Test func flagsMergeWithVariable() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let variable = "session.timeout.ms=6000,heartbeat.interval.ms=500,client.rack=rack-from-env,fetch.min.bytes=2"
        let child = try ChildProcess(ChildProcess.crosshub,
                                     ["run", "--brokers", environment.bootstrapServers, "--group-id", "merge",
                                      "--instance-id", "merge-1", "--kafka", "client.rack=rack-from-flag",
                                      "--kafka", "producer.linger.ms=7", "--log-level", "debug"],
                                     environment: ["CROSSHUB_KAFKA": variable])
        try waitUntil("the first assignment", timeout: .seconds(60)) {
            child.standardError.contains("msg=\"partitions assigned\"")
        }
        child.signal(SIGTERM)
        #expect(try child.waitForExit() == 0)

        let log = child.standardError
        #expect(log.contains("config.kafka.session.timeout.ms=6000"))
        #expect(log.contains("config.kafka.heartbeat.interval.ms=500"))
        #expect(log.contains("config.kafka.fetch.min.bytes=2"))
        #expect(log.contains("config.kafka.client.rack=rack-from-flag"))
        #expect(log.contains("config.kafka.producer.linger.ms=7"))
        #expect(!log.contains("rack-from-env"))
        let warnings = log.split(separator: "\n").filter { $0.contains("kafka.facility=CONFWARN") }
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
