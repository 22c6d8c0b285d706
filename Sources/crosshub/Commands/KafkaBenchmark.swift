import CKafkaBaseline
import Foundation
import Kafka

/// One run of `crosshub bench kafka`: consume and produce comparisons on one embedded broker.
struct KafkaBenchmark {
    let settings: BenchKafkaCommand.Settings
    private let keys: [[UInt8]]
    private let value: [UInt8]

    init(settings: BenchKafkaCommand.Settings) {
        self.settings = settings
        keys = (0..<10_000).map { Array(String(format: "contact-%06d", $0).utf8) }
        value = (0..<settings.valueBytes).map { UInt8(truncatingIfNeeded: $0 % 64 + 32) }
    }

    /// A measured rate: messages per second over a run.
    struct Rate {
        let messages: Int
        let seconds: Double
        var perSecond: Double { Double(messages) / seconds }
    }

    func run() throws {
        let cluster = try EmbeddedKafkaCluster(brokers: 1)
        print("crosshub bench kafka: \(settings.messages) messages, 14-byte keys, \(settings.valueBytes)-byte values, \(settings.partitions) partitions, \(settings.passes) passes (consume reads the topic and produce writes its size that many times), \(settings.rounds) rounds, librdkafka \(librdkafkaVersion), embedded broker in this process, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        try cluster.createTopic("bench.consume", partitions: settings.partitions)
        let filled = try produceSwift(bootstrap: cluster.bootstrapServers, topic: "bench.consume", count: settings.messages)
        print(String(format: "pre-produced %d messages in %.2f s", filled.messages, filled.seconds))

        var consumeRatios: [Double] = []
        for round in 1...settings.rounds {
            // Alternate which side runs first so that warm-up and drift do not favour one of them.
            var c = Rate(messages: 0, seconds: 1)
            var swift = Rate(messages: 0, seconds: 1)
            if round % 2 == 1 {
                c = try consumeC(bootstrap: cluster.bootstrapServers)
                swift = try consumeSwift(bootstrap: cluster.bootstrapServers)
            } else {
                swift = try consumeSwift(bootstrap: cluster.bootstrapServers)
                c = try consumeC(bootstrap: cluster.bootstrapServers)
            }
            consumeRatios.append(swift.perSecond / c.perSecond)
            report("consume", round: round, c: c, swift: swift)
        }

        // Each side writes to one topic of its own in every round. The mock
        // drops the oldest batches, so memory stays at about 5 MiB per partition.
        let cTopic = "bench.produce.c"
        let swiftTopic = "bench.produce.swift"
        try cluster.createTopic(cTopic, partitions: settings.partitions)
        try cluster.createTopic(swiftTopic, partitions: settings.partitions)
        let produceCount = settings.messages * settings.passes
        var produceRatios: [Double] = []
        for round in 1...settings.rounds {
            var c = Rate(messages: 0, seconds: 1)
            var swift = Rate(messages: 0, seconds: 1)
            if round % 2 == 1 {
                c = try produceC(bootstrap: cluster.bootstrapServers, topic: cTopic, count: produceCount)
                swift = try produceSwift(bootstrap: cluster.bootstrapServers, topic: swiftTopic, count: produceCount)
            } else {
                swift = try produceSwift(bootstrap: cluster.bootstrapServers, topic: swiftTopic, count: produceCount)
                c = try produceC(bootstrap: cluster.bootstrapServers, topic: cTopic, count: produceCount)
            }
            produceRatios.append(swift.perSecond / c.perSecond)
            report("produce", round: round, c: c, swift: swift)
        }

        summarize("consume", consumeRatios)
        summarize("produce", produceRatios)
    }

    private func report(_ kind: String, round: Int, c: Rate, swift: Rate) {
        print(String(format: "%@ round %d: C %.0f msg/s (%.2f s), Swift %.0f msg/s (%.2f s), Swift/C %.3f",
                     kind, round, c.perSecond, c.seconds, swift.perSecond, swift.seconds, swift.perSecond / c.perSecond))
    }

    private func summarize(_ kind: String, _ ratios: [Double]) {
        let sorted = ratios.sorted()
        let median = sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        print(String(format: "%@ Swift/C ratio: median %.3f, min %.3f, max %.3f over %d rounds (target >= 0.8)",
                     kind, median, sorted.first ?? 0, sorted.last ?? 0, sorted.count))
    }

    private func consumeC(bootstrap: String) throws -> Rate {
        let result = ckb_consume(bootstrap, "bench.consume", Int32(settings.partitions),
                                 Int64(settings.messages), Int32(settings.passes), Int32(settings.batch),
                                 String(settings.fetchErrorBackoffMilliseconds), 30_000)
        return try rate(result, "C consume", expected: settings.messages * settings.passes)
    }

    private func consumeSwift(bootstrap: String) throws -> Rate {
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(
            bootstrapServers: bootstrap, properties: ["fetch.error.backoff.ms": String(settings.fetchErrorBackoffMilliseconds)]))
        defer { try? consumer.close() }
        var starts: [KafkaTopicPartition: KafkaOffset] = [:]
        for partition in 0..<settings.partitions {
            starts[KafkaTopicPartition(topic: "bench.consume", partition: Int32(partition))] = .beginning
        }

        var start: ContinuousClock.Instant?
        var lastProgress = ContinuousClock.now
        try consumer.assign(starts)
        var count = 0
        var passCount = 0
        var pass = 1
        var bytes = 0
        while count < settings.messages * settings.passes {
            let messages = try consumer.poll(maxMessages: settings.batch, timeout: .milliseconds(100))
            if start == nil, !messages.isEmpty { start = .now }
            for message in messages {
                bytes += (message.value?.count ?? 0) + (message.key?.count ?? 0)
                for header in message.headers { bytes += header.value?.count ?? 0 }
            }
            count += messages.count
            passCount += messages.count

            if passCount == settings.messages, pass < settings.passes {
                passCount = 0
                pass += 1
                try consumer.seek(to: starts, timeout: .seconds(30))
            }
            if !messages.isEmpty {
                lastProgress = .now
            } else if ContinuousClock.now - lastProgress > .seconds(30) {
                throw BenchmarkFailure("Swift consume: no progress for 30 s after \(count) of \(settings.messages * settings.passes) messages")
            }
        }
        guard let start, bytes > 0 else {
            throw BenchmarkFailure("Swift consume: no bytes read")
        }
        return Rate(messages: count, seconds: seconds(since: start))
    }

    private func produceC(bootstrap: String, topic: String, count: Int) throws -> Rate {
        let cKeys = keys.map { key in strdup(String(decoding: key, as: UTF8.self))! }
        defer { cKeys.forEach { free($0) } }
        let pointers = cKeys.map { UnsafePointer($0) as UnsafePointer<CChar>? }
        let result = pointers.withUnsafeBufferPointer { keyBuffer in
            value.withUnsafeBytes { valueBuffer in
                ckb_produce(bootstrap, topic, Int64(count), keyBuffer.baseAddress, keyBuffer.count,
                            valueBuffer.baseAddress, valueBuffer.count, 60_000)
            }
        }
        return try rate(result, "C produce", expected: count)
    }

    private func produceSwift(bootstrap: String, topic: String, count: Int) throws -> Rate {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrap))
        var delivered = 0
        var failed = 0

        let start = ContinuousClock.now
        for index in 0..<count {
            try producer.send(KafkaProducerMessage(topic: topic, key: keys[index % keys.count], value: value),
                              token: UInt64(index))
            if index % 1000 == 0 {
                for report in producer.poll() {
                    if report.error == nil { delivered += 1 } else { failed += 1 }
                }
            }
        }
        try producer.flush(timeout: .seconds(60))
        for report in producer.drainDeliveryReports() {
            if report.error == nil { delivered += 1 } else { failed += 1 }
        }
        let elapsed = seconds(since: start)
        producer.close()

        guard failed == 0, delivered == count else {
            throw BenchmarkFailure("Swift produce: \(delivered) delivered and \(failed) failed of \(count)")
        }
        return Rate(messages: delivered, seconds: elapsed)
    }

    private func rate(_ result: ckb_result, _ what: String, expected: Int) throws -> Rate {
        guard result.error == 0, result.messages == Int64(expected) else {
            let detail = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw BenchmarkFailure("\(what): \(result.messages) of \(expected) messages; \(detail.isEmpty ? "delivery failures" : detail)")
        }
        return Rate(messages: Int(result.messages), seconds: result.seconds)
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// A benchmark run that could not complete, with the reason.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
