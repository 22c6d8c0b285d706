import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct TransactionFaultTests {
    // The embedded broker does not hide aborted records from readers, so the
    // output topics contain the aborted batch's records next to their redo.
    // The test therefore compares distinct output ids and their values, not
    // raw record counts. It cannot read the offsets of a transaction either
    // (the broker drops them), so it checks that no event was folded twice.
    @Test(arguments: [KafkaAPIKey.produce, .addPartitionsToTxn])
    func abortedBatchIsUndoneAndRedone(api: KafkaAPIKey) throws {
        let events = try ServiceTestCluster.orderedEvents(contacts: 4, seed: 9)
        let reference = try ServiceTestCluster.referenceOutputs(events, partitions: 2)

        let environment = try ServiceTestCluster(partitions: 2)
        var configuration = environment.configuration(group: "aborts")
        configuration.batchMaxEvents = 1
        configuration.backlogBatchMaxEvents = 1
        let logs = MemoryLogSink()
        let service = try environment.startService(configuration, logs: logs)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the instance ready") { service.status.isReady }

        // MSG_SIZE_TOO_LARGE fails a record of the batch, and
        // TOPIC_AUTHORIZATION_FAILED fails adding a partition to the
        // transaction. librdkafka makes both abortable.
        let code: KafkaError.Code = api == .produce ? .messageSizeTooLarge : .topicAuthorizationFailed
        // Pushed after the test's own records are written, so that the
        // service's next request gets the error, not the test's producer.
        try environment.produce(events)
        environment.cluster.pushRequestErrors(api, [code])
        try waitUntil("every event folded") { service.metrics.snapshot().total(.folded) == UInt64(events.count) }

        let metrics = service.metrics.snapshot()
        #expect(metrics.transactionsAborted >= 1)
        #expect(metrics.batchesRetried >= 1)
        #expect(logs.records.contains { $0.message == "transaction failed; aborting it" })

        var session = FoldSession()
        for event in events {
            event.value.withUnsafeBytes { bytes in _ = try? session.fold(json: bytes) }
        }
        for (contactID, state) in session.contacts {
            let published = try #require(service.contacts.lookup(contactID))
            #expect(published.state.foldedEventCount == state.foldedEventCount, "events of \(contactID) folded once")
            #expect(published.state.features() == state.features(), "features of \(contactID)")
        }
        #expect(try environment.allOutputs() == reference)
    }

    @Test func fencedProducerStopsTheInstance() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let logs = MemoryLogSink()
        let service = try environment.startService(environment.configuration(group: "fenced"), logs: logs)
        try waitUntil("the instance ready") { service.status.isReady }

        // The embedded broker does not fence a second producer with the same
        // transactional.id, so the fencing error is injected.
        environment.cluster.pushRequestErrors(.endTxn, [.producerFenced])
        try environment.produce(try ServiceTestCluster.orderedEvents(contacts: 1))

        let exit = try #require(service.waitUntilStopped(timeout: .seconds(60)))
        guard case .failed(let reason) = exit else {
            Issue.record("expected a failure, got \(exit)")
            return
        }
        #expect(exit.exitStatus == 1)
        #expect(reason.contains("FENCED"), "reason: \(reason)")
        #expect(service.status.snapshot().phase == .failed)
        // librdkafka's own lines (with kafka.facility) keep their level; the service writes one critical line.
        let critical = logs.records.filter { record in
            record.level == .critical && !record.fields.contains { $0.0 == "kafka.facility" }
        }
        #expect(critical.map(\.message) == ["stopping on an error that retrying cannot fix"])
        #expect(service.metrics.snapshot().total(.folded) == 0)
    }
}
