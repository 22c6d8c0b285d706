import Foundation
import Kafka

extension DemoRun {
    /// Publishes every generated record to its input topic, keyed by contact
    /// id, while the service consumes them, and returns how many the broker
    /// acknowledged.
    ///
    /// Publishing waits while the records not yet committed by the service
    /// exceed ``DemoSettings/backlogBytesPerPartition`` on average, so that
    /// the embedded broker's retention never drops a record the service has
    /// not read.
    ///
    /// - Throws: ``DemoError`` when a record is rejected or not acknowledged,
    ///   when the service stops, or when the catch-up deadline passes.
    func publish(_ generated: GeneratedEventBatch, bootstrapServers: String, service: QualificationService,
                 started: ContinuousClock.Instant, reporter: inout DemoProgressReporter) throws -> Int {
        var configuration = KafkaProducerConfiguration(bootstrapServers: bootstrapServers)
        configuration.clientID = "crosshub-demo-publisher"
        configuration.linger = .milliseconds(5)
        let producer: KafkaProducer
        do {
            producer = try KafkaProducer(configuration: configuration, handlers: clientHandlers())
        } catch {
            throw DemoError("creating the producer that publishes the population failed: \(error)")
        }
        defer { producer.close() }

        let maxBacklog = maxBacklogRecords(generated)
        var deliveries = DeliveryTally()
        var processed = 0
        for index in 0..<generated.count {
            if index % 256 == 0 {
                deliveries.add(producer.poll(timeout: .zero))
                processed = Int(service.metrics.snapshot().totalConsumed)
                reporter.tick(.publishing, published: deliveries.acknowledged, total: generated.count, processed: processed)
            }
            while index - processed > maxBacklog {
                try checkRunning(service, while: "processing")
                try checkCatchUpDeadline(started: started, processed: processed, published: deliveries.acknowledged)
                deliveries.add(producer.poll(timeout: .milliseconds(10)))
                processed = Int(service.metrics.snapshot().totalConsumed)
                reporter.tick(.publishing, published: deliveries.acknowledged, total: generated.count, processed: processed)
            }

            do {
                try generated.withValue(at: index) { topic, key, value in
                    try producer.send(KafkaProducerMessage(topic: topic, key: Array(key), value: Array(value)))
                }
            } catch {
                throw DemoError("publishing record \(index + 1) of \(generated.count) failed: \(error)")
            }
        }

        do {
            try producer.flush(timeout: .seconds(60))
        } catch {
            throw DemoError("the embedded broker did not acknowledge every published record: \(error)")
        }
        deliveries.add(producer.drainDeliveryReports())
        if let failure = deliveries.firstFailure {
            throw DemoError("\(deliveries.failed) of \(generated.count) published records were not acknowledged; "
                + "first error: \(failure)")
        }
        logger.info("published the population", ("demo.records", String(deliveries.acknowledged)))
        return deliveries.acknowledged
    }

    /// Returns the backlog limit in records, from the average size of the generated records.
    private func maxBacklogRecords(_ generated: GeneratedEventBatch) -> Int {
        var bytes = 0
        for index in 0..<generated.count {
            bytes += generated.withValue(at: index) { _, key, value in key.count + value.count }
        }
        let averageBytes = max(1, bytes / max(1, generated.count))
        return max(1_000, settings.backlogBytesPerPartition * settings.partitions / averageBytes)
    }
}

/// Delivery reports of the publisher, counted.
private struct DeliveryTally {
    var acknowledged = 0
    var failed = 0
    var firstFailure: KafkaError?

    mutating func add(_ reports: [KafkaDeliveryReport]) {
        for report in reports {
            if let error = report.error {
                failed += 1
                if firstFailure == nil { firstFailure = error }
            } else {
                acknowledged += 1
            }
        }
    }
}
