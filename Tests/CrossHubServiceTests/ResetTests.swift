import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// `ApplicationReset` on the embedded broker, where the active-member check joins the group.
@Suite struct ResetTests {
    private func committedOffsets(_ environment: ServiceTestCluster, group: String) throws -> [Int64?] {
        let reader = try KafkaConsumer(configuration: KafkaConsumerConfiguration(bootstrapServers: environment.bootstrapServers, groupID: group))
        defer { try? reader.close() }
        let partitions = InputTopics.defaults.all.flatMap { topic in
            (0..<environment.partitions).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) }
        }
        return try reader.committed(partitions, timeout: .seconds(10)).map(\.offset)
    }

    private func changelogKeys(_ environment: ServiceTestCluster, settings: ReplayKafkaSettings) throws -> Int {
        let clearer = ChangelogClearer(settings: settings, topic: environment.topics.changelog, partitions: environment.partitions)
        return try clearer.liveKeys().values.reduce(0) { $0 + $1.count }
    }

    @Test func rejectsActiveGroupThenResets() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try ServiceTestCluster.orderedEvents(contacts: 30)
        try environment.produce(events)
        let configuration = environment.configuration(group: "rebuild", guarantee: .atLeastOnce)
        let settings = ReplayTestSupport.kafkaSettings(environment)
        var plan = ResetPlan(groupID: "rebuild", inputs: .defaults, changelog: environment.topics.changelog)
        plan.joinTimeout = .seconds(30)

        let first = try environment.startService(configuration)
        try waitUntil("the first run consumed every event") { first.metrics.snapshot().totalConsumed == UInt64(events.count) }
        try waitUntil("the first run committed its offsets") {
            try committedOffsets(environment, group: "rebuild").compactMap { $0 }.reduce(0, +) == Int64(events.count)
        }
        let committedBefore = try committedOffsets(environment, group: "rebuild")
        #expect(try changelogKeys(environment, settings: settings) == 30)

        #expect(throws: ResetRejected.self) { try ApplicationReset(settings: settings, plan: plan).run() }
        #expect(try committedOffsets(environment, group: "rebuild") == committedBefore, "a rejected reset moved the offsets")
        #expect(try changelogKeys(environment, settings: settings) == 30, "a rejected reset cleared the changelog")

        first.requestStop()
        _ = first.waitUntilStopped(timeout: .seconds(30))

        var dryRun = plan
        dryRun.dryRun = true
        let preview = try ApplicationReset(settings: settings, plan: dryRun).run()
        #expect(!preview.offsetsCommitted)
        #expect(preview.changelogKeys == 30)
        #expect(preview.offsets.map(\.target) == Array(repeating: 0, count: 6))
        #expect(try committedOffsets(environment, group: "rebuild") == committedBefore, "a dry run moved the offsets")
        #expect(try changelogKeys(environment, settings: settings) == 30, "a dry run cleared the changelog")

        let outcome = try ApplicationReset(settings: settings, plan: plan).run()
        #expect(outcome.offsetsCommitted)
        #expect(outcome.changelogKeys == 30)
        #expect(try committedOffsets(environment, group: "rebuild") == Array(repeating: 0, count: 6))
        #expect(try changelogKeys(environment, settings: settings) == 0)

        // The restarted instance restores nothing, so no event counts as already applied, and it rescores everyone.
        let logs = MemoryLogSink()
        var debugConfiguration = configuration
        debugConfiguration.kafkaProperties = debugConfiguration.kafkaProperties.merging(["debug": "cgrp"])
        let second = try environment.startService(debugConfiguration, logs: logs)
        defer {
            second.requestStop()
            _ = second.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the rebuild consumed every event", timeout: .seconds(60)) { second.metrics.snapshot().totalConsumed == UInt64(events.count) }
        let metrics = second.metrics.snapshot()
        #expect(metrics.restoredContacts == 0)
        #expect(metrics.total(.folded) == UInt64(events.count))
        #expect(metrics.total(.duplicate) == 0)
        try waitUntil("the rebuild published every contact") { second.contacts.count == 30 }
    }

    @Test func timestampRejectedOnEmbedded() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        var plan = ResetPlan(groupID: "rebuild", inputs: .defaults, changelog: environment.topics.changelog)
        plan.target = .timestamp(try #require(EventTime(rfc3339: "2026-01-01T00:00:00Z")))
        #expect(throws: ReplayError.self) {
            try ApplicationReset(settings: ReplayTestSupport.kafkaSettings(environment), plan: plan).run()
        }
    }
}
