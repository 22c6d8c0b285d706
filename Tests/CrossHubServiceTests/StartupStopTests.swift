import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// Stopping `crosshub run` while start-up waits for an unreachable cluster.
@Suite struct StartupStopTests {
    @Test func sigtermDuringMetadataWait() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        try environment.cluster.setBrokerDown(nil)
        let child = try ChildProcess(ChildProcess.crosshub,
                                     ["run", "--brokers", environment.bootstrapServers, "--group-id", "unreachable",
                                      "--instance-id", "unreachable-1"])

        // librdkafka's line about the refused connection is written while
        // the metadata request still waits, not when it times out.
        try waitUntil("librdkafka's connection failure in the log", timeout: .seconds(10)) {
            child.standardError.contains("kafka.facility=FAIL")
        }
        let signalled = ContinuousClock.now
        child.signal(SIGTERM)
        let status = try child.waitForExit(timeout: .seconds(10))
        let elapsed = ContinuousClock.now - signalled

        let log = child.standardError
        #expect(status == 0, "\(log.suffix(2000))")
        #expect(elapsed < .seconds(3), "exit took \(elapsed)")
        #expect(log.contains("received SIGTERM"))
        #expect(log.contains("start-up stopped by a shutdown request while reading cluster metadata"), "\(log.suffix(2000))")
        #expect(log.components(separatedBy: "msg=\"crosshub run stopped\"").count - 1 == 1)
        #expect(!log.contains("level=critical"))
    }
}
