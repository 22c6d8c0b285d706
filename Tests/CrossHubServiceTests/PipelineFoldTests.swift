import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct PipelineFoldTests {
    @Test func serviceStateMatchesOfflineFold() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try JourneyGenerator(options: generationOptions(contacts: 30, duplicateRate: 0.05)).events()
        try environment.produce(events)

        let logs = MemoryLogSink()
        let service = try environment.startService(environment.configuration(group: "fold"), logs: logs)
        try waitUntil("every event processed") { service.metrics.snapshot().totalConsumed == UInt64(events.count) }

        var session = FoldSession()
        for event in events {
            event.value.withUnsafeBytes { bytes in _ = try? session.fold(json: bytes) }
        }
        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) == UInt64(session.tally.folded))
        #expect(metrics.total(.duplicate) == UInt64(session.tally.duplicates))
        #expect(metrics.total(.deadLettered) == UInt64(session.tally.invalid))
        #expect(service.contacts.count == session.contacts.count)
        for (contactID, state) in session.contacts {
            let published = try #require(service.contacts.lookup(contactID))
            #expect(published.state.features() == state.features(), "features of \(contactID)")
        }
        #expect(metrics.transactionsCommitted > 0)
        #expect(metrics.transactionsAborted == 0)

        service.requestStop()
        #expect(service.waitUntilStopped(timeout: .seconds(30)) == .stopped)
        // Leaving the group revokes every partition, which drops its contacts.
        #expect(service.contacts.count == 0)
        #expect(service.status.snapshot().phase == .stopped)
    }
}

