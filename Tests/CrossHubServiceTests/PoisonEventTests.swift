import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct PoisonEventTests {
    private func event(_ id: String, contact: String, type: String = "marketing.page_viewed",
                       data: String = #"{"url":"https://example.com/pricing"}"#) -> [UInt8] {
        Array(#"{"event_id":"\#(id)","contact_id":"\#(contact)","type":"\#(type)","occurred_at":"2026-02-01T10:00:00Z","data":\#(data)}"#.utf8)
    }

    @Test func poisonRecordsAreDeadLettered() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let topic = environment.topics.inputs.marketing
        let contact = Array("c-1".utf8)
        let originalHeader = KafkaHeader(key: "trace-id", string: "abc-123")

        try environment.produceRaw(topic: topic, key: contact, value: event("e-1", contact: "c-1"))
        let poison: [(code: String, key: [UInt8]?, value: [UInt8]?)] = [
            ("invalid_json", contact, Array(#"{"event_id": "e-2", "#.utf8)),
            ("wrong_type", contact, event("e-3", contact: "c-1", data: #"{"url": 42}"#)),
            ("unknown_type", contact, event("e-4", contact: "c-1", type: "marketing.page_liked")),
            ("oversized", contact, Array(repeating: UInt8(ascii: " "), count: 3000) + event("e-5", contact: "c-1")),
            ("key_mismatch", Array("c-2".utf8), event("e-6", contact: "c-1")),
            ("missing_key", nil, event("e-7", contact: "c-1")),
            ("missing_value", contact, nil),
        ]
        for record in poison {
            try environment.produceRaw(topic: topic, key: record.key, value: record.value, headers: [originalHeader], partition: 0)
        }
        try environment.produceRaw(topic: topic, key: contact, value: event("e-8", contact: "c-1"), partition: 0)
        try environment.produceRaw(topic: topic, key: contact, value: event("e-8", contact: "c-1"), partition: 0)
        let total = 1 + poison.count + 2

        var configuration = environment.configuration(group: "poison")
        configuration.maxEventBytes = 2048
        let logs = MemoryLogSink()
        let service = try environment.startService(configuration, logs: logs)
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("every record processed") { service.metrics.snapshot().totalConsumed == UInt64(total) }

        let metrics = service.metrics.snapshot()
        let counts = try #require(metrics.eventsConsumed[topic])
        #expect(counts[.folded] == 2)
        #expect(counts[.duplicate] == 1)
        #expect(counts[.deadLettered] == UInt64(poison.count))
        #expect((counts[.folded] ?? 0) + (counts[.duplicate] ?? 0) + (counts[.deadLettered] ?? 0) == UInt64(total))
        #expect(service.contacts.lookup("c-1")?.state.foldedEventCount == 2)

        let deadLetters = try environment.readAll(environment.topics.deadLetters)
        #expect(deadLetters.count == poison.count)
        for (index, record) in poison.enumerated() {
            let letter = try #require(deadLetters.first { $0.header(DeadLetter.codeHeader).map { String(decoding: $0, as: UTF8.self) } == record.code },
                                      "a dead letter with code \(record.code)")
            #expect(letter.key.map(Array.init) == record.key, "\(record.code) keeps the key")
            #expect(letter.value.map(Array.init) == record.value, "\(record.code) keeps the value")
            #expect(letter.header("trace-id") == Array("abc-123".utf8), "\(record.code) keeps the original headers")
            #expect(letter.header(DeadLetter.topicHeader) == Array(topic.utf8))
            #expect(letter.header(DeadLetter.partitionHeader) == Array("0".utf8))
            #expect(letter.header(DeadLetter.offsetHeader) == Array(String(index + 1).utf8))
            #expect(letter.header(DeadLetter.timestampHeader) != nil)
            let message = letter.header(DeadLetter.messageHeader).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(!message.isEmpty, "\(record.code) has a message")
            let deadLetteredAt = letter.header(DeadLetter.deadLetteredAtHeader).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(RFC3339Time.parse(deadLetteredAt) != nil, "\(record.code) dead_lettered_at \(deadLetteredAt)")
        }

        // Dead letters are logged with code, topic, partition and offset.
        let logged = logs.records.filter { $0.message == "dead-lettered an input record" }
        #expect(!logged.isEmpty)
        #expect(logged.allSatisfy { record in record.fields.contains { $0.0 == "kafka.offset" } })
    }
}
