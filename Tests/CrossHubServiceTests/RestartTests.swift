import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct RestartTests {
    // NOTE: the embedded broker drops the offsets of TxnOffsetCommit, so in
    // exactly-once mode a restarted instance reads the inputs again from the
    // earliest offset. The applied offsets in the restored snapshots make it
    // skip those events as duplicates, so the test asserts folded counts
    // there; in at-least-once mode plain commits work and it asserts the
    // consumed counts too.
    @Test(arguments: [DeliveryGuarantee.exactlyOnce, .atLeastOnce])
    func restartResumesFromChangelog(guarantee: DeliveryGuarantee) throws {
        let events = try ServiceTestCluster.orderedEvents(contacts: 6)
        let firstPart = events.count / 2
        let reference = try ServiceTestCluster.referenceOutputs(events, partitions: 2)

        let environment = try ServiceTestCluster(partitions: 2)
        var configuration = environment.configuration(group: "restart", instance: "restart-1", guarantee: guarantee)
        configuration.batchMaxEvents = 1
        configuration.backlogBatchMaxEvents = 1

        try environment.produce(Array(events[..<firstPart]))
        let first = try environment.startService(configuration)
        try waitUntil("the first part processed") { first.metrics.snapshot().totalConsumed == UInt64(firstPart) }
        first.requestStop()
        #expect(first.waitUntilStopped(timeout: .seconds(30)) == .stopped)
        let firstFolded = first.metrics.snapshot().total(.folded)

        try environment.produce(Array(events[firstPart...]))
        let second = try environment.startService(configuration)
        defer {
            second.requestStop()
            _ = second.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the rest processed") { second.metrics.snapshot().total(.folded) + firstFolded == UInt64(events.count) }

        let metrics = second.metrics.snapshot()
        #expect(metrics.restoredRecords > 0)
        #expect(metrics.restoredContacts > 0)
        #expect(firstFolded == UInt64(firstPart))
        #expect(metrics.total(.folded) == UInt64(events.count - firstPart))
        if guarantee == .atLeastOnce {
            #expect(metrics.totalConsumed == UInt64(events.count - firstPart))
        } else {
            #expect(metrics.total(.duplicate) == metrics.totalConsumed - metrics.total(.folded))
        }

        let outputs = try environment.allOutputs()
        #expect(outputs.count == reference.count)
        #expect(outputs == reference)
    }
}
