import Qualification

/// The names of the metrics crosshub exposes, with the unit in the name as
/// Prometheus naming conventions ask (`_seconds`, `_total` for counters).
public enum CrossHubMetricName {
    public static let eventsConsumed = "crosshub_events_consumed_total"
    public static let outputs = "crosshub_outputs_total"
    public static let deadLetters = "crosshub_dead_letters_total"
    public static let processingLatency = "crosshub_processing_latency_seconds"
    public static let eventAge = "crosshub_event_age_seconds"
    public static let batchEvents = "crosshub_batch_events"
    public static let transactions = "crosshub_transactions_total"
    public static let batchRetries = "crosshub_batch_retries_total"
    public static let offsetCommitFailures = "crosshub_offset_commit_failures_total"
    public static let kafkaCallRetries = "crosshub_kafka_call_retries_total"
    public static let rebalances = "crosshub_rebalances_total"
    public static let restoreDuration = "crosshub_restore_duration_seconds"
    public static let restoreRecords = "crosshub_restore_records_total"
    public static let restoreCorruptRecords = "crosshub_restore_corrupt_records_total"
    public static let contacts = "crosshub_contacts"
    public static let consumerLag = "crosshub_consumer_lag"
    public static let qualificationStatus = "crosshub_qualification_status"
    public static let ready = "crosshub_ready"
}

extension CrossHubMetricsSnapshot {
    /// Maps the snapshot onto Prometheus metric families.
    ///
    /// Label sets that are known in advance appear with 0 before anything
    /// happens, so that `rate()` and alerts work from the first scrape: every
    /// outcome for each topic seen, both transaction outcomes and every
    /// qualification status.
    ///
    /// - Throws: `PrometheusMetricError.duplicateSeries` when `consumerLag`
    ///   lists one topic-partition twice.
    public func metricFamilies() throws(PrometheusMetricError) -> [PrometheusMetricFamily] {
        var families: [PrometheusMetricFamily] = []

        var consumed = try PrometheusMetricFamily(
            name: CrossHubMetricName.eventsConsumed, help: "Input events consumed, by topic and outcome (folded, duplicate, dead_lettered).",
            type: .counter, labelNames: ["topic", "outcome"])
        for topic in Set(eventsConsumed.keys.map(\.topic)) {
            for outcome in EventOutcome.allCases {
                let count = eventsConsumed[EventCountKey(topic: topic, outcome: outcome)] ?? 0
                try consumed.add(Double(count), labels: [topic, outcome.rawValue])
            }
        }
        families.append(consumed)

        families.append(try labeledCounter(CrossHubMetricName.outputs,
                                           "Records written and acknowledged, by topic: outputs, dead letters and changelog snapshots.",
                                           label: "topic", outputs))
        families.append(try labeledCounter(CrossHubMetricName.deadLetters,
                                           "Input events written to the dead-letter topic, by reason code.",
                                           label: "reason", deadLetters))

        families.append(try histogramFamily(CrossHubMetricName.processingLatency,
                                            "Seconds from consuming an input event to committing the batch that contains it.",
                                            processingLatency))
        families.append(try histogramFamily(CrossHubMetricName.eventAge,
                                            "Seconds from an input record's Kafka timestamp to committing the batch that contains it.",
                                            eventAge))
        families.append(try histogramFamily(CrossHubMetricName.batchEvents, "Input events per processed batch.", batchEvents))

        var transactionFamily = try PrometheusMetricFamily(
            name: CrossHubMetricName.transactions, help: "Transactions ended, by result (committed, aborted).",
            type: .counter, labelNames: ["result"])
        for outcome in TransactionOutcome.allCases {
            try transactionFamily.add(Double(transactions[outcome] ?? 0), labels: [outcome.rawValue])
        }
        families.append(transactionFamily)
        families.append(try singleValue(CrossHubMetricName.batchRetries,
                                        "Batches undone in memory and read again after an aborted transaction or a failed delivery.",
                                        .counter, Double(batchRetries)))
        families.append(try singleValue(CrossHubMetricName.offsetCommitFailures,
                                        "Failed commits of input offsets under at-least-once; the records are read again and skipped.",
                                        .counter, Double(offsetCommitFailures)))
        families.append(try singleValue(CrossHubMetricName.kafkaCallRetries, "Kafka calls repeated after a retriable error.",
                                        .counter, Double(kafkaCallRetries)))

        families.append(try singleValue(CrossHubMetricName.rebalances, "Partition assignments and revocations handled.",
                                        .counter, Double(rebalances)))
        families.append(try histogramFamily(CrossHubMetricName.restoreDuration,
                                            "Seconds to restore one partition's contact state from the changelog.",
                                            restoreDuration))
        families.append(try singleValue(CrossHubMetricName.restoreRecords, "Changelog records read while restoring state.",
                                        .counter, Double(restoreRecords)))
        families.append(try singleValue(CrossHubMetricName.restoreCorruptRecords,
                                        "Changelog records skipped while restoring because they do not decode or their key differs from their contact id.",
                                        .counter, Double(restoreCorruptRecords)))

        var contacts = try PrometheusMetricFamily(
            name: CrossHubMetricName.contacts, help: "Contacts held in state, by assigned partition.",
            type: .gauge, labelNames: ["partition"])
        for (partition, count) in contactsPerPartition {
            try contacts.add(Double(count), labels: [String(partition)])
        }
        families.append(contacts)

        var lag = try PrometheusMetricFamily(
            name: CrossHubMetricName.consumerLag, help: "Messages not yet consumed, by input topic and assigned partition.",
            type: .gauge, labelNames: ["topic", "partition"])
        for entry in consumerLag {
            try lag.add(Double(entry.messages), labels: [entry.topic, String(entry.partition)])
        }
        families.append(lag)

        var statuses = try PrometheusMetricFamily(
            name: CrossHubMetricName.qualificationStatus, help: "Contacts in this instance's state, by current qualification status.",
            type: .gauge, labelNames: ["status"])
        for status in QualificationStatus.allCases {
            try statuses.add(Double(qualificationStatus[status] ?? 0), labels: [status.rawValue])
        }
        families.append(statuses)

        if let ready {
            families.append(try singleValue(CrossHubMetricName.ready,
                                            "1 when every assigned partition is restored and the consumer is not stalled, else 0.",
                                            .gauge, ready ? 1 : 0))
        }
        return families
    }

    private func histogramFamily(_ name: String, _ help: String,
                                 _ histogram: PrometheusHistogram) throws(PrometheusMetricError) -> PrometheusMetricFamily {
        var family = try PrometheusMetricFamily(name: name, help: help, type: .histogram)
        try family.add(histogram)
        return family
    }

    private func labeledCounter(_ name: String, _ help: String, label: String,
                                _ counts: [String: UInt64]) throws(PrometheusMetricError) -> PrometheusMetricFamily {
        var family = try PrometheusMetricFamily(name: name, help: help, type: .counter, labelNames: [label])
        for (value, count) in counts {
            try family.add(Double(count), labels: [value])
        }
        return family
    }

    private func singleValue(_ name: String, _ help: String, _ type: PrometheusMetricType,
                             _ value: Double) throws(PrometheusMetricError) -> PrometheusMetricFamily {
        var family = try PrometheusMetricFamily(name: name, help: help, type: type)
        try family.add(value)
        return family
    }
}
