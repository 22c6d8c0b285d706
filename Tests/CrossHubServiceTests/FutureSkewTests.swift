import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct FutureSkewTests {
    private func event(_ id: String, occurredAt: String) -> [UInt8] {
        Array(#"{"event_id":"\#(id)","contact_id":"c-1","type":"marketing.page_viewed","occurred_at":"\#(occurredAt)","data":{"url":"https://example.com/pricing"}}"#.utf8)
    }

    /// Events dated in 2100, one hour after the test runs, and in the past.
    private func mixedEvents() -> [(id: String, value: [UInt8])] {
        let inOneHour = RFC3339Time.format(Int64(Date().timeIntervalSince1970) + 3600)
        return [("e-past", event("e-past", occurredAt: "2026-02-01T10:00:00Z")),
                ("e-2100", event("e-2100", occurredAt: "2100-01-01T00:00:00Z")),
                ("e-soon", event("e-soon", occurredAt: inOneHour))]
    }

    @Test func ruleMeasuresFromReference() {
        let rule = FutureSkewRule(maxSkew: .seconds(3600))
        let reference: Int64 = 1_772_323_200_000
        let within = EventTime(microsecondsSinceEpoch: (reference + 3_600_000) * 1000)
        let beyond = EventTime(microsecondsSinceEpoch: (reference + 3_600_001) * 1000)
        #expect(rule.violation(occurredAt: within, referenceMilliseconds: reference, reference: "r") == nil)
        let message = rule.violation(occurredAt: beyond, referenceMilliseconds: reference, reference: "the record's Kafka timestamp")
        #expect(message?.contains("more than 1h after the record's Kafka timestamp 2026-03-01T00:00:00Z") == true, "\(message ?? "nil")")
        #expect(message?.contains("--max-future-skew") == true)
    }

    @Test func futureEventIsDeadLettered() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.marketing
        for record in mixedEvents() {
            try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: record.value, partition: 0)
        }

        let configuration = environment.configuration(group: "future-skew")
        let service = try environment.startService(configuration)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("every record committed") { service.metrics.snapshot().totalConsumed == 3 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) == 2)
        #expect(metrics.total(.deadLettered) == 1)
        #expect(metrics.total(.folded) + metrics.total(.duplicate) + metrics.total(.deadLettered) == metrics.totalConsumed)
        #expect(metrics.deadLettersByCode[FutureSkewRule.code] == 1)
        let letter = try #require(try environment.readAll(environment.topics.deadLetters).first)
        #expect(letter.header(DeadLetter.codeHeader) == Array(FutureSkewRule.code.utf8))
        #expect(letter.header(DeadLetter.offsetHeader) == Array("1".utf8))
        #expect(service.contacts.lookup("c-1")?.state.foldedEventCount == 2)

        // A replay of the same records rejects the same event.
        let replay = try ReplayTestSupport.replay(ReplaySettings(
            input: .topics(ReplayTestSupport.kafkaSettings(environment), .defaults, pollSize: 10), scorer: .default))
        #expect(replay.summary.tally.invalid == 1)
        #expect(replay.summary.invalidEvents.map(\.code) == [FutureSkewRule.code])
        #expect(replay.summary.invalidEvents.first?.location == .record(topic: topic, partition: 0, offset: 1))
    }

    @Test func replayFromFileRejectsFutureEvent() throws {
        let lines = mixedEvents().map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n") + "\n"
        let file = try ReplayTestSupport.writeTemporary(Array(lines.utf8), name: "future-skew.jsonl")
        defer { try? FileManager.default.removeItem(at: file) }

        let replay = try ReplayTestSupport.replay(ReplaySettings(input: .files([file.path]), scorer: .default))
        #expect(replay.summary.tally.read == 3)
        #expect(replay.summary.tally.invalid == 1)
        #expect(replay.summary.invalidEvents.map(\.code) == [FutureSkewRule.code])
        #expect(replay.summary.invalidEvents.first?.location == .line(file: file.path, number: 2))

        var unchecked = ReplaySettings(input: .files([file.path]), scorer: .default)
        unchecked.futureSkew = nil
        #expect(try ReplayTestSupport.replay(unchecked).summary.tally.invalid == 0)
    }
}
