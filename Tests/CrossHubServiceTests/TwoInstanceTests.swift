import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct TwoInstanceTests {
    @Test func partitionsSplitAndFailOver() throws {
        let events = try ServiceTestCluster.orderedEvents(contacts: 8, seed: 5)
        let firstPart = events.count / 2
        let reference = try ServiceTestCluster.referenceOutputs(events, partitions: 4)

        let environment = try ServiceTestCluster(partitions: 4)
        var first = environment.configuration(group: "pair", instance: "pair-1")
        first.batchMaxEvents = 1
        first.backlogBatchMaxEvents = 1
        var second = first
        second.instanceID = "pair-2"

        let one = try environment.startService(first)
        let two = try environment.startService(second)
        defer {
            one.requestStop()
            _ = one.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("both instances ready with two partitions each") {
            let a = one.status.snapshot()
            let b = two.status.snapshot()
            return a.isReady && b.isReady && a.assignedPartitions.count == 2 && b.assignedPartitions.count == 2
        }
        let inputs = environment.topics.inputs.all
        for status in [one.status.snapshot(), two.status.snapshot()] {
            // The range assignor gives each instance the same partition numbers of all three inputs.
            let expected = inputs.flatMap { topic in status.assignedPartitions.map { KafkaTopicPartition(topic: topic, partition: $0) } }
            #expect(status.assignment == expected.sorted())
        }
        #expect(Set(one.status.snapshot().assignedPartitions).isDisjoint(with: two.status.snapshot().assignedPartitions))

        try environment.produce(Array(events[..<firstPart]))
        try waitUntil("the first part processed by both") {
            one.metrics.snapshot().total(.folded) + two.metrics.snapshot().total(.folded) == UInt64(firstPart)
        }
        #expect(one.metrics.snapshot().total(.folded) > 0)
        #expect(two.metrics.snapshot().total(.folded) > 0)

        two.requestStop()
        #expect(two.waitUntilStopped(timeout: .seconds(30)) == .stopped)
        try waitUntil("the remaining instance owns every partition") {
            let status = one.status.snapshot()
            return status.isReady && status.assignedPartitions == [0, 1, 2, 3]
        }
        #expect(one.metrics.snapshot().restoredContacts > 0)

        try environment.produce(Array(events[firstPart...]))
        let foldedByTwo = two.metrics.snapshot().total(.folded)
        try waitUntil("every event folded once") {
            one.metrics.snapshot().total(.folded) + foldedByTwo == UInt64(events.count)
        }
        #expect(try environment.allOutputs() == reference)
    }
}
