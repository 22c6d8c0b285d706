import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct EventTopicTests {
    private let serviceEvent = Array(
        #"{"event_id":"e-svc","contact_id":"c-1","type":"service.customer_status_changed","occurred_at":"2026-02-01T10:00:00Z","data":{"customer":true}}"#.utf8)
    private let marketingEvent = Array(
        #"{"event_id":"e-mkt","contact_id":"c-1","type":"marketing.page_viewed","occurred_at":"2026-02-01T11:00:00Z","data":{"url":"https://example.com"}}"#.utf8)

    @Test func ruleFollowsConfiguredNames() {
        let rule = EventTopicRule(topics: InputTopics(marketing: "m", sales: "s", service: "v"))
        #expect(rule.violation(type: .pageViewed, topic: "m") == nil)
        #expect(rule.violation(type: .customerStatusChanged, topic: "v") == nil)
        let message = rule.violation(type: .customerStatusChanged, topic: "m")
        #expect(message?.hasPrefix("event type service.customer_status_changed belongs on topic v, not m") == true, "\(message ?? "nil")")
    }

    @Test func misroutedEventIsDeadLettered() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let marketing = environment.topics.inputs.marketing
        try environment.produceRaw(topic: marketing, key: Array("c-1".utf8), value: serviceEvent, partition: 0)
        try environment.produceRaw(topic: marketing, key: Array("c-1".utf8), value: marketingEvent, partition: 0)

        let service = try environment.startService(environment.configuration(group: "type-topic"))
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("both records committed") { service.metrics.snapshot().totalConsumed == 2 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) == 1)
        #expect(metrics.total(.deadLettered) == 1)
        #expect(metrics.total(.folded) + metrics.total(.duplicate) + metrics.total(.deadLettered) == metrics.totalConsumed)
        #expect(metrics.deadLettersByCode[EventTopicRule.code] == 1)
        let letter = try #require(try environment.readAll(environment.topics.deadLetters).first)
        #expect(letter.header(DeadLetter.codeHeader) == Array(EventTopicRule.code.utf8))
        #expect(letter.header(DeadLetter.offsetHeader) == Array("0".utf8))

        let replay = try ReplayTestSupport.replay(ReplaySettings(
            input: .topics(ReplayTestSupport.kafkaSettings(environment), .defaults, pollSize: 10), scorer: .default))
        #expect(replay.summary.invalidEvents.map(\.code) == [EventTopicRule.code])
    }

    /// A dead letter published again to its input topic after a fix is
    /// processed once on its own merits, and a second rejection carries only its own headers.
    @Test func republishedDeadLetterIsProcessedOnce() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let marketing = environment.topics.inputs.marketing
        let staleHeaders = [
            KafkaHeader(key: "trace-id", string: "t-1"),
            KafkaHeader(key: DeadLetter.codeHeader, string: "invalid_json"),
            KafkaHeader(key: DeadLetter.topicHeader, string: marketing),
            KafkaHeader(key: DeadLetter.offsetHeader, string: "41"),
        ]
        // The fixed event folds; the one still invalid is dead-lettered once more.
        try environment.produceRaw(topic: marketing, key: Array("c-1".utf8), value: marketingEvent, headers: staleHeaders, partition: 0)
        try environment.produceRaw(topic: marketing, key: Array("c-1".utf8), value: Array("{".utf8), headers: staleHeaders, partition: 0)

        let service = try environment.startService(environment.configuration(group: "republished"))
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("both records committed") { service.metrics.snapshot().totalConsumed == 2 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) == 1)
        #expect(metrics.total(.deadLettered) == 1)
        #expect(metrics.totalConsumed == 2)
        let letters = try environment.readAll(environment.topics.deadLetters)
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter.headers.filter { $0.key == DeadLetter.codeHeader }.map(\.value) == [Array("invalid_json".utf8)])
        #expect(letter.headers.filter { $0.key == DeadLetter.offsetHeader }.map(\.value) == [Array("1".utf8)])
        #expect(letter.header("trace-id") == Array("t-1".utf8))
    }
}
