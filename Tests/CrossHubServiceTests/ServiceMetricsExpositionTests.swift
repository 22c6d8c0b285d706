import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// Maps the service's collected figures onto the exposed metrics.
@Suite struct ServiceMetricsExpositionTests {
    private static func collectedMetrics() throws -> ServiceMetrics {
        let metrics = ServiceMetrics()
        var tally = BatchTally()
        for _ in 0..<3 { tally.count(.folded, topic: "sales.events") }
        tally.count(.duplicate, topic: "sales.events")
        tally.count(.deadLettered, topic: "service.events")
        tally.countDeadLetter(code: "invalid_json")
        tally.countOutput(topic: "crosshub.qualifications")
        tally.countOutput(topic: "crosshub.qualifications")
        tally.changelogRecords = 3
        metrics.recordCommittedBatch(tally, transactional: true, processingSeconds: [0.002, 0.002, 0.02, 0.02, 0.2],
                                     eventSeconds: [120])
        metrics.recordBatchRetried(transactionAborted: true)
        metrics.recordCallRetry()
        metrics.recordOffsetCommitFailure()
        metrics.recordRebalance("assigned")
        metrics.recordRebalance("revoked")
        metrics.recordRestore(records: 7, contacts: 5, corrupt: 1, seconds: 0.4)
        metrics.setContactGauges(perPartition: [0: 5, 1: 2], statusCounts: ["LEAD": 4, "SALES_QUALIFIED_LEAD": 1])
        try metrics.recordStatistics(PrometheusConsumerLagTests.document, positionBased: false)
        return metrics
    }

    @Test func countersMapOntoMetricNames() throws {
        let exposed = try Self.collectedMetrics().snapshot().exposition(topics: .defaults, ready: true)

        #expect(exposed.eventsConsumed[.init(topic: "sales.events", outcome: .folded)] == 3)
        #expect(exposed.eventsConsumed[.init(topic: "sales.events", outcome: .duplicate)] == 1)
        #expect(exposed.eventsConsumed[.init(topic: "service.events", outcome: .deadLettered)] == 1)
        #expect(exposed.eventsConsumed[.init(topic: "marketing.events", outcome: .folded)] == 0)
        #expect(exposed.deadLetters == ["invalid_json": 1])
        #expect(exposed.transactions == [.committed: 1, .aborted: 1])
        #expect(exposed.batchRetries == 1)
        #expect(exposed.kafkaCallRetries == 1)
        #expect(exposed.offsetCommitFailures == 1)
        #expect(exposed.rebalances == 2)
        #expect(exposed.restoreRecords == 7)
        #expect(exposed.restoreCorruptRecords == 1)
        #expect(exposed.ready == true)
    }

    @Test func outputsIncludeDeadLettersAndChangelog() throws {
        let exposed = try Self.collectedMetrics().snapshot().exposition(topics: .defaults, ready: false)

        #expect(exposed.outputs["crosshub.qualifications"] == 2)
        #expect(exposed.outputs["crosshub.dead-letters"] == 1)
        #expect(exposed.outputs["crosshub.contact-state"] == 3)
        #expect(exposed.outputs["crosshub.tasks"] == 0)
        #expect(exposed.outputs.count == ServiceTopics.defaults.outputTopics.count + 2)
        #expect(exposed.ready == false)
    }

    @Test func histogramsAndGaugesCarryOver() throws {
        let exposed = try Self.collectedMetrics().snapshot().exposition(topics: .defaults, ready: true)

        #expect(exposed.processingLatency.count == 5)
        #expect(exposed.processingLatency.upperBounds == PrometheusHistogram.latencySecondsBounds)
        #expect(exposed.batchEvents.count == 1)
        #expect(exposed.batchEvents.sum == 5)
        #expect(exposed.eventAge.count == 1)
        #expect(exposed.eventAge.sum == 120)
        #expect(exposed.restoreDuration.count == 1)
        #expect(exposed.contactsPerPartition == [0: 5, 1: 2])
        #expect(exposed.qualificationStatus == [.lead: 4, .salesQualifiedLead: 1])
        #expect(exposed.consumerLag == [ConsumerLag(topic: "marketing.events", partition: 2, messages: 6),
                                        ConsumerLag(topic: "marketing.events", partition: 10, messages: 0),
                                        ConsumerLag(topic: "sales.events", partition: 0, messages: 18)])
    }

    @Test func invalidStatisticsKeepLastLag() throws {
        let metrics = try Self.collectedMetrics()
        #expect(throws: KafkaStatisticsError.self) { try metrics.recordStatistics("{", positionBased: false) }
        #expect(metrics.snapshot().consumerLag.count == 3)

        try metrics.recordStatistics(PrometheusConsumerLagTests.document, positionBased: true)
        #expect(metrics.snapshot().consumerLag == [ConsumerLag(topic: "marketing.events", partition: 2, messages: 6),
                                                   ConsumerLag(topic: "marketing.events", partition: 10, messages: 0),
                                                   ConsumerLag(topic: "sales.events", partition: 0, messages: 8)])
    }
}
