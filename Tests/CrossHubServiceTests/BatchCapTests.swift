import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct BatchCapTests {
    @Test func capFollowsQueuedRecords() {
        let cap = BatchCap(normal: 500, backlog: 5000)
        #expect(cap.limit(queued: 0) == 500)
        #expect(cap.limit(queued: 499) == 500)
        #expect(cap.limit(queued: 500) == 5000)
        #expect(cap.limit(queued: 80_000) == 5000)
    }

    @Test func backlogCapNeverBelowNormal() {
        let cap = BatchCap(normal: 500, backlog: 100)
        #expect(cap.backlog == 500)
        #expect(cap.limit(queued: 10_000) == 500)
    }

    @Test func capReadsConfiguration() {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "cap")
        configuration.batchMaxEvents = 20
        configuration.backlogBatchMaxEvents = 300
        #expect(BatchCap(configuration) == BatchCap(normal: 20, backlog: 300))
    }

    @Test func invalidBacklogCapRejected() {
        var configuration = ServiceConfiguration(bootstrapServers: "localhost:9092", instanceID: "cap")
        configuration.backlogBatchMaxEvents = 0
        #expect(throws: ServiceConfigurationError.self) { try configuration.validate() }
        configuration.backlogBatchMaxEvents = 100_001
        #expect(throws: ServiceConfigurationError.self) { try configuration.validate() }
    }

    /// Records produced before the instance starts are a backlog: the
    /// batches grow past `batchMaxEvents` up to the backlog cap, and every
    /// record is still folded once.
    @Test func backlogBatchesGrowToBacklogCap() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try JourneyGenerator(options: generationOptions(contacts: 40)).events()
        try #require(events.count > 400)
        try environment.produce(events)

        var configuration = environment.configuration(group: "backlog")
        configuration.batchMaxEvents = 10
        configuration.backlogBatchMaxEvents = 200
        // A long interval, so that only the caps close batches.
        configuration.commitInterval = .seconds(3)
        let service = try environment.startService(configuration)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("every event processed") { service.metrics.snapshot().totalConsumed == UInt64(events.count) }

        let metrics = service.metrics.snapshot()
        let sizes = metrics.batchSizes.cumulativeCounts
        let atMostTen = sizes[try #require(metrics.batchSizes.upperBounds.firstIndex(of: 10))]
        let atMostTwoHundredFifty = sizes[try #require(metrics.batchSizes.upperBounds.firstIndex(of: 250))]
        #expect(atMostTen < metrics.batchSizes.count, "some batch holds more than batchMaxEvents records")
        #expect(atMostTwoHundredFifty == metrics.batchSizes.count, "no batch holds more than 250 records")
        #expect(metrics.batchSizes.sum == Double(events.count))
        #expect(metrics.batchesCommitted < UInt64(events.count / 10), "fewer batches than with a cap of 10")
    }
}
