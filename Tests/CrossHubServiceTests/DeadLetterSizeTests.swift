import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct DeadLetterSizeTests {
    private func text(_ header: String, of message: KafkaConsumerMessage) -> String? {
        message.header(header).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Invalid JSON that starts like an event, padded to `count` bytes.
    private func paddedInvalidEvent(id: String, count: Int) -> [UInt8] {
        let head = Array(#"{"event_id":"\#(id)","contact_id":"c-1","padding":""#.utf8)
        return head + Array(repeating: UInt8(ascii: "x"), count: count - head.count)
    }

    @Test func recordBelowLimitKeepsValue() {
        let value = Array(repeating: UInt8(ascii: "a"), count: 1000)
        let message = KafkaConsumerMessage(topic: "marketing.events", partition: 0, offset: 7,
                                           key: KafkaBytes(Array("c-1".utf8)), value: KafkaBytes(value),
                                           headers: [KafkaHeader(key: "trace-id", string: "t-1")])
        let reason = DeadLetterReason(code: "invalid_json", message: "unexpected end of input")
        let record = DeadLetter.record(for: message, reason: reason, topic: "dl", now: Date(), maxRecordBytes: 1_000_000)

        #expect(record.value == value)
        #expect(!record.headers.contains { $0.key == DeadLetter.truncatedHeader })
        #expect(record.headers.first?.key == "trace-id")
    }

    @Test func recordAboveLimitIsTruncated() {
        let limit = 10_000
        let value = Array(repeating: UInt8(ascii: "a"), count: limit - 100)
        let message = KafkaConsumerMessage(topic: "marketing.events", partition: 3, offset: 42,
                                           key: KafkaBytes(Array("c-1".utf8)), value: KafkaBytes(value),
                                           headers: [KafkaHeader(key: "trace-id", string: "t-1")],
                                           timestamp: KafkaTimestamp(kind: .createTime, milliseconds: 1_770_000_000_000))
        let reason = DeadLetterReason(code: "invalid_json", message: "unexpected end of input")
        let record = DeadLetter.record(for: message, reason: reason, topic: "dl", now: Date(), maxRecordBytes: limit)

        let size = (record.key?.count ?? 0) + (record.value?.count ?? 0) + DeadLetter.serializedSize(record.headers)
        #expect(size + DeadLetter.framingAllowance <= limit)
        let kept = record.value ?? []
        #expect(kept.count > limit / 2)
        #expect(kept == Array(value.prefix(kept.count)))
        #expect(record.key == Array("c-1".utf8))
        #expect(record.headers.first { $0.key == DeadLetter.truncatedHeader }?.value == Array("true".utf8))
        #expect(record.headers.first { $0.key == DeadLetter.originalBytesHeader }?.value == Array(String(value.count).utf8))
        #expect(record.headers.first { $0.key == "trace-id" }?.value == Array("t-1".utf8))
    }

    @Test func oversizedHeadersAreDropped() {
        let limit = 4_000
        let bigHeader = KafkaHeader(key: "blob", value: Array(repeating: 1, count: 5_000))
        let message = KafkaConsumerMessage(topic: "sales.events", partition: 0, offset: 1,
                                           key: KafkaBytes(Array("c-1".utf8)), value: KafkaBytes(Array("{}".utf8)),
                                           headers: [bigHeader])
        let record = DeadLetter.record(for: message, reason: DeadLetterReason(code: "missing_field", message: "m"),
                                       topic: "dl", now: Date(), maxRecordBytes: limit)

        #expect(!record.headers.contains { $0.key == "blob" })
        #expect(record.headers.first { $0.key == DeadLetter.droppedHeadersHeader }?.value == Array("1".utf8))
        let size = (record.key?.count ?? 0) + (record.value?.count ?? 0) + DeadLetter.serializedSize(record.headers)
        #expect(size + DeadLetter.framingAllowance <= limit)
    }

    @Test func republishedDeadLetterGetsFreshHeaders() {
        let stale = [KafkaHeader(key: DeadLetter.codeHeader, string: "oversized"),
                     KafkaHeader(key: DeadLetter.offsetHeader, string: "999"),
                     KafkaHeader(key: "trace-id", string: "t-1")]
        let message = KafkaConsumerMessage(topic: "marketing.events", partition: 0, offset: 5,
                                           key: KafkaBytes(Array("c-1".utf8)), value: KafkaBytes(Array("{".utf8)),
                                           headers: stale)
        let record = DeadLetter.record(for: message, reason: DeadLetterReason(code: "invalid_json", message: "m"),
                                       topic: "dl", now: Date())

        #expect(record.headers.filter { $0.key == DeadLetter.codeHeader }.map(\.value) == [Array("invalid_json".utf8)])
        #expect(record.headers.filter { $0.key == DeadLetter.offsetHeader }.map(\.value) == [Array("5".utf8)])
        #expect(record.headers.first?.key == "trace-id")
    }

    @Test(arguments: [DeliveryGuarantee.exactlyOnce, .atLeastOnce])
    func recordNearProducerLimitIsDeadLettered(guarantee: DeliveryGuarantee) throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.marketing
        // librdkafka 2.0.2 rejects a produce whose record exceeds message.max.bytes
        // (1,000,000 by default) less its framing, so the input is just below that.
        let big = paddedInvalidEvent(id: "big-1", count: 999_850)
        try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: big, partition: 0)
        try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: Array(
            #"{"event_id":"e-2","contact_id":"c-1","type":"marketing.page_viewed","occurred_at":"2026-02-01T10:00:00Z","data":{"url":"https://example.com"}}"#.utf8),
            partition: 0)

        var configuration = environment.configuration(group: "near-limit-\(guarantee.rawValue)", guarantee: guarantee)
        configuration.maxEventBytes = 1_000_000
        let service = try environment.startService(configuration)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("both records committed", timeout: .seconds(60)) { service.metrics.snapshot().totalConsumed == 2 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.folded) == 1)
        #expect(metrics.total(.deadLettered) == 1)
        #expect(metrics.total(.folded) + metrics.total(.duplicate) + metrics.total(.deadLettered) == metrics.totalConsumed)
        #expect(metrics.batchesRetried == 0)

        let letters = try environment.readAll(environment.topics.deadLetters)
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(text(DeadLetter.codeHeader, of: letter) == "invalid_json")
        #expect(text(DeadLetter.truncatedHeader, of: letter) == "true")
        #expect(text(DeadLetter.originalBytesHeader, of: letter) == "999850")
        let value = try #require(letter.value.map(Array.init))
        #expect(value.count < big.count)
        #expect(value == Array(big.prefix(value.count)))
        #expect(letter.key.map(Array.init) == Array("c-1".utf8))
    }

    @Test func oversizedInputKeepsWholeValue() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.sales
        let big = paddedInvalidEvent(id: "big-2", count: 900_000)
        try environment.produceRaw(topic: topic, key: Array("c-1".utf8), value: big, partition: 0)

        let configuration = environment.configuration(group: "oversized-900k", guarantee: .atLeastOnce)
        let service = try environment.startService(configuration)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the record committed", timeout: .seconds(60)) { service.metrics.snapshot().totalConsumed == 1 }

        let metrics = service.metrics.snapshot()
        #expect(metrics.total(.deadLettered) == 1)
        #expect(metrics.totalConsumed == 1)
        let letter = try #require(try environment.readAll(environment.topics.deadLetters).first)
        #expect(text(DeadLetter.codeHeader, of: letter) == "oversized")
        #expect(text(DeadLetter.truncatedHeader, of: letter) == nil)
        #expect(letter.value.map(Array.init) == big)
    }
}
