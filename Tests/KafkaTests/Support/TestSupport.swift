import Foundation
@testable import Kafka

/// Log lines and errors collected from client handlers, for assertions.
final class HandlerRecorder: @unchecked Sendable {
    // `@unchecked Sendable`: both arrays are only touched under `lock`.
    private let lock = NSLock()
    private var logRecords: [KafkaLogRecord] = []
    private var errorRecords: [KafkaError] = []

    var handlers: KafkaClientHandlers {
        KafkaClientHandlers(
            log: { [self] record in lock.withLock { logRecords.append(record) } },
            error: { [self] error in lock.withLock { errorRecords.append(error) } })
    }

    var logs: [KafkaLogRecord] { lock.withLock { logRecords } }
    var errors: [KafkaError] { lock.withLock { errorRecords } }
}

/// Thrown by `waitUntil` and `consume` when the deadline passes first.
struct DeadlineExceeded: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` every `interval` until it returns true or `timeout` passes.
func waitUntil(_ what: String, timeout: Duration = .seconds(15), interval: Duration = .milliseconds(20),
               _ condition: () throws -> Bool) throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return }
        Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
    }
    throw DeadlineExceeded(description: "timed out after \(timeout) waiting for \(what)")
}

/// Calls `poll` until it has returned `count` items in total or `timeout` passes.
func collect<Item>(_ count: Int, _ what: String, timeout: Duration = .seconds(15), _ poll: () throws -> [Item]) throws -> [Item] {
    var items: [Item] = []
    let deadline = ContinuousClock.now + timeout
    while items.count < count {
        guard ContinuousClock.now < deadline else {
            throw DeadlineExceeded(description: "timed out after \(timeout) with \(items.count) of \(count) \(what)")
        }
        items += try poll()
    }
    return items
}

/// Polls `consumer` until `count` messages arrived or `timeout` passes.
func consume(_ consumer: KafkaConsumer, count: Int, timeout: Duration = .seconds(15)) throws -> [KafkaConsumerMessage] {
    try collect(count, "messages", timeout: timeout) { try consumer.poll(maxMessages: 500, timeout: .milliseconds(100)) }
}

/// Polls `producer` until `count` delivery reports arrived or `timeout` passes.
func deliveryReports(_ producer: KafkaProducer, count: Int, timeout: Duration = .seconds(15)) throws -> [KafkaDeliveryReport] {
    try collect(count, "delivery reports", timeout: timeout) { producer.poll(timeout: .milliseconds(100)) }
}

/// Polls `consumer` for the whole of `duration` and returns every message that arrived.
func messagesDuring(_ duration: Duration, from consumer: KafkaConsumer) throws -> [KafkaConsumerMessage] {
    var messages: [KafkaConsumerMessage] = []
    let end = ContinuousClock.now + duration
    while ContinuousClock.now < end {
        messages += try consumer.poll(timeout: .milliseconds(100))
    }
    return messages
}

/// Starts a transactional producer with `transactional.id` `scorer-0` and initializes its transactions.
func transactionalProducer(_ cluster: EmbeddedKafkaCluster) throws -> KafkaProducer {
    let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(
        bootstrapServers: cluster.bootstrapServers, transactionalID: "scorer-0"))
    try producer.initTransactions(timeout: .seconds(10))
    return producer
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
