import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// `/metrics` of a running service, scraped over HTTP and parsed with Python's
/// `prometheus_client`, against the records sent and published.
@Suite struct OperationsMetricsTests {
    @Test func countersMatchRecordsSent() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let options = generationOptions(contacts: 12, seed: 31, duplicateRate: 0.08, invalidRate: 0.08)
        let events = try JourneyGenerator(options: options).events()
        let expected = expectedOutcomes(events)
        try #require(expected.values.contains { ($0[.duplicate] ?? 0) > 0 }, "the generator made duplicates")
        try #require(expected.values.contains { ($0[.deadLettered] ?? 0) > 0 }, "the generator made invalid lines")
        try environment.produce(events)

        let instance = try ServedInstance(environment, environment.configuration(group: "metrics"), decider: QualificationDecider())
        defer { instance.stop() }
        try instance.waitUntilConsumed(events.count)
        let metrics = try scrapeMetrics(port: instance.port)

        for topic in environment.topics.inputs.all {
            for outcome in EventOutcome.allCases {
                let value = metrics.value("crosshub_events_consumed_total", ["topic": topic, "outcome": outcome.rawValue])
                #expect(value == Double(expected[topic]?[outcome] ?? 0), "\(topic) \(outcome.rawValue)")
            }
        }
        #expect(metrics.sum("crosshub_events_consumed_total") == Double(events.count))

        for kind in OutputKind.allCases {
            let topic = environment.topics.topic(for: kind)
            let published = try environment.readAll(topic).count
            #expect(metrics.value("crosshub_outputs_total", ["topic": topic]) == Double(published), "\(topic)")
        }
        let qualifications = try environment.readAll(environment.topics.topic(for: .qualification)).count
        #expect(qualifications > 0)

        let deadLetters = try environment.readAll(environment.topics.deadLetters)
        #expect(metrics.value("crosshub_outputs_total", ["topic": environment.topics.deadLetters]) == Double(deadLetters.count))
        var reasons: [String: Int] = [:]
        for letter in deadLetters {
            let code = letter.header(DeadLetter.codeHeader).map { String(decoding: $0, as: UTF8.self) } ?? "none"
            reasons[code, default: 0] += 1
        }
        for (reason, count) in reasons {
            #expect(metrics.value("crosshub_dead_letters_total", ["reason": reason]) == Double(count), "\(reason)")
        }
        #expect(metrics.sum("crosshub_dead_letters_total") == Double(deadLetters.count))

        let changelog = try environment.readAll(environment.topics.changelog).count
        #expect(metrics.value("crosshub_outputs_total", ["topic": environment.topics.changelog]) == Double(changelog))
    }

    @Test func gaugesAndHistogramsMatchState() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try JourneyGenerator(options: generationOptions(contacts: 10, seed: 17)).events()
        let contactIDs = Set(events.map(\.key))
        try environment.produce(events)

        let instance = try ServedInstance(environment, environment.configuration(group: "gauges"), decider: QualificationDecider())
        defer { instance.stop() }
        try instance.waitUntilConsumed(events.count)

        // Statistics arrive every second; wait until they report every partition that received events as consumed.
        let fed = Set(events.map { "\($0.topic)/\(KafkaPartitioner.partition(forKey: Array($0.key.utf8), partitionCount: 2))" })
        var metrics = try scrapeMetrics(port: instance.port)
        try waitUntil("the consumer lag of every fed partition at 0", timeout: .seconds(15), interval: .milliseconds(200)) {
            metrics = try scrapeMetrics(port: instance.port)
            let lags = metrics.samples.filter { $0.name == "crosshub_consumer_lag" }
            let reported = Set(lags.map { "\($0.labels["topic"] ?? "")/\($0.labels["partition"] ?? "")" })
            return fed.isSubset(of: reported) && lags.allSatisfy { $0.value == 0 }
        }

        #expect(metrics.sum("crosshub_contacts") == Double(contactIDs.count))
        #expect(metrics.value("crosshub_contacts", ["partition": "0"]) != nil)
        #expect(metrics.value("crosshub_contacts", ["partition": "1"]) != nil)
        #expect(metrics.sum("crosshub_qualification_status") == Double(contactIDs.count))
        #expect(metrics.value("crosshub_processing_latency_seconds_count", [:]) == Double(events.count))
        #expect(metrics.value("crosshub_event_age_seconds_count", [:]) == Double(events.count))
        #expect(metrics.value("crosshub_batch_events_sum", [:]) == Double(events.count))

        let committed = try #require(metrics.value("crosshub_transactions_total", ["result": "committed"]))
        #expect(committed >= 1)
        #expect(metrics.value("crosshub_batch_events_count", [:]) == committed)
        #expect(metrics.value("crosshub_transactions_total", ["result": "aborted"]) == 0)
        #expect(metrics.value("crosshub_batch_retries_total", [:]) == 0)
        #expect(metrics.value("crosshub_rebalances_total", [:]) == 1)
        #expect(metrics.value("crosshub_restore_records_total", [:]) == 0)
        #expect(metrics.value("crosshub_ready", [:]) == 1)
    }
}
