import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// Changelog records name their consumer group, and another group does not restore them.
@Suite struct ChangelogGroupTests {
    /// Produces `events`, runs one instance of `group` until it has folded them all, and stops it.
    private func processAll(_ events: [GeneratedEvent], group: String, in environment: ServiceTestCluster) throws {
        try environment.produce(events)
        let service = try environment.startService(environment.configuration(group: group, instance: "\(group)-1"))
        try waitUntil("every event folded") { service.metrics.snapshot().total(.folded) == UInt64(events.count) }
        service.requestStop()
        #expect(service.waitUntilStopped(timeout: .seconds(30)) == .stopped)
    }

    @Test func otherGroupRejectsChangelog() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try ServiceTestCluster.orderedEvents(contacts: 2, seed: 13)
        try processAll(events, group: "first", in: environment)

        let changelog = try environment.readAll(environment.topics.changelog)
        #expect(!changelog.isEmpty)
        for record in changelog {
            #expect(record.header("crosshub.group_id").map { String(decoding: $0, as: UTF8.self) } == "first",
                    "offset \(record.offset)")
        }

        let logs = MemoryLogSink()
        let second = try environment.startService(environment.configuration(group: "second", instance: "second-1"), logs: logs)
        let exit = try #require(second.waitUntilStopped(timeout: .seconds(60)))
        guard case .failed(let reason) = exit else {
            Issue.record("expected a failure, got \(exit)")
            return
        }
        #expect(reason.contains("contains state of consumer group 'first'"), "\(reason)")
        #expect(reason.contains("this instance is in group 'second'"), "\(reason)")
        #expect(reason.contains("--changelog-topic"), "\(reason)")
        #expect(reason.contains("'crosshub reset'"), "\(reason)")
        #expect(second.metrics.snapshot().total(.folded) == 0)
        #expect(second.contacts.lookup(events[0].key) == nil)
    }

    @Test func tombstonesReleaseChangelog() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let events = try ServiceTestCluster.orderedEvents(contacts: 2, seed: 14)
        try processAll(events, group: "retired", in: environment)

        // A tombstone per key, as 'crosshub reset' writes them, clears the retired group's state.
        let keys = Set(try environment.readAll(environment.topics.changelog).compactMap { $0.key.map(Array.init) })
        for key in keys {
            try environment.produceRaw(topic: environment.topics.changelog, key: key, value: nil, partition: 0)
        }

        let second = try environment.startService(environment.configuration(group: "successor", instance: "successor-1"))
        defer {
            second.requestStop()
            _ = second.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("every event folded by the new group", timeout: .seconds(60)) {
            second.metrics.snapshot().total(.folded) == UInt64(events.count)
        }
        #expect(second.exitResult == nil)
    }
}
