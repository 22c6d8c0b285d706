import Foundation
import Synchronization
import Testing
@testable import Kafka

/// librdkafka's log lines reach the handler while a blocking call still waits.
@Suite struct LogDeliveryTests {
    @Test func logsArriveDuringMetadataWait() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        try cluster.setBrokerDown(nil)
        let recorder = HandlerRecorder()
        let admin = try KafkaAdminClient(configuration: KafkaAdminConfiguration(bootstrapServers: cluster.bootstrapServers),
                                         handlers: recorder.handlers)

        let returned = Mutex(false)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? admin.listTopics(timeout: .seconds(6))
            returned.withLock { $0 = true }
            finished.signal()
        }

        // A refused connection logs a FAIL line at once; before the log
        // thread it was written only when listTopics returned.
        try waitUntil("a librdkafka line while the metadata request waits", timeout: .seconds(4)) {
            recorder.logs.contains { $0.facility != "SWIFT" }
        }
        #expect(!returned.withLock { $0 }, "the line must arrive before the call returns")
        let lines = recorder.logs.filter { $0.facility != "SWIFT" }.map { "\($0.facility): \($0.message)" }
        #expect(lines.contains { $0.contains("FAIL") }, "\(lines)")
        finished.wait()
    }
}
