import Qualification

extension ServiceMetrics.Snapshot {
    /// Maps the collected figures onto the metrics that `/metrics` exposes.
    ///
    /// Every input topic and every output topic appears from the start, with 0
    /// until something is counted, so that `rate()` and alerts work from the
    /// first scrape. Dead letters and changelog snapshots count as outputs of
    /// their topics, next to the output records.
    ///
    /// - Parameters:
    ///   - topics: the service's topics.
    ///   - ready: whether `/readyz` returns 200, for `crosshub_ready`.
    func exposition(topics: ServiceTopics, ready: Bool) -> CrossHubMetricsSnapshot {
        var exposed = CrossHubMetricsSnapshot()

        for topic in topics.inputs.all {
            exposed.eventsConsumed[.init(topic: topic, outcome: .folded)] = 0
        }
        for (topic, outcomes) in eventsConsumed {
            for (outcome, count) in outcomes {
                exposed.eventsConsumed[.init(topic: topic, outcome: outcome)] = count
            }
        }

        for topic in topics.outputTopics {
            exposed.outputs[topic] = 0
        }
        exposed.outputs.merge(outputsByTopic) { $0 + $1 }
        exposed.outputs[topics.deadLetters, default: 0] += total(.deadLettered)
        exposed.outputs[topics.changelog, default: 0] += changelogRecords
        exposed.deadLetters = deadLettersByCode

        exposed.processingLatency = processingLatency
        exposed.eventAge = eventAge
        exposed.batchEvents = batchSizes
        exposed.transactions = [.committed: transactionsCommitted, .aborted: transactionsAborted]
        exposed.batchRetries = batchesRetried
        exposed.offsetCommitFailures = offsetCommitFailures
        exposed.kafkaCallRetries = callRetries

        exposed.rebalances = rebalances.values.reduce(0, +)
        exposed.restoreDuration = restoreDuration
        exposed.restoreRecords = restoredRecords
        exposed.restoreCorruptRecords = corruptSnapshots
        exposed.contactsPerPartition = contactsPerPartition
        exposed.consumerLag = consumerLag
        for (status, count) in statusCounts {
            // Snapshots written by the service carry QualificationStatus raw values; any other value is left out.
            guard let status = QualificationStatus(rawValue: status) else { continue }
            exposed.qualificationStatus[status] = count
        }
        exposed.ready = ready
        return exposed
    }
}
