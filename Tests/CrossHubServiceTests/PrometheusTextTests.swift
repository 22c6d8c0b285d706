import Foundation
import Qualification
import Testing
@testable import CrossHubService

@Suite struct PrometheusTextTests {
    @Test func counterAndGaugeRenderExactly() throws {
        var outputs = try PrometheusMetricFamily(name: "crosshub_outputs_total", help: "Output records.", type: .counter,
                                                 labelNames: ["topic"])
        try outputs.add(3, labels: ["crosshub.tasks"])
        try outputs.add(12, labels: ["crosshub.notes"])
        var contacts = try PrometheusMetricFamily(name: "crosshub_contacts", help: "Contacts.", type: .gauge,
                                                  labelNames: ["partition"])
        try contacts.add(5, labels: ["10"])
        try contacts.add(7, labels: ["2"])
        try contacts.add(0.25, labels: ["3"])

        let text = try PrometheusTextWriter.render([outputs, contacts])

        #expect(text == """
            # HELP crosshub_contacts Contacts.
            # TYPE crosshub_contacts gauge
            crosshub_contacts{partition="2"} 7
            crosshub_contacts{partition="3"} 0.25
            crosshub_contacts{partition="10"} 5
            # HELP crosshub_outputs_total Output records.
            # TYPE crosshub_outputs_total counter
            crosshub_outputs_total{topic="crosshub.notes"} 12
            crosshub_outputs_total{topic="crosshub.tasks"} 3

            """)
    }

    @Test func histogramWritesCumulativeBuckets() throws {
        var histogram = try PrometheusHistogram(upperBounds: [0.1, 1, 5])
        for value in [0.05, 0.1, 0.5, 1, 3, 7, .nan] {
            histogram.observe(value)
        }
        var family = try PrometheusMetricFamily(name: "crosshub_latency_seconds", help: "Latency.", type: .histogram)
        try family.add(histogram)

        let text = try PrometheusTextWriter.render([family])

        #expect(histogram.count == 6)
        #expect(histogram.bucketCounts == [2, 2, 1, 1])
        #expect(text == """
            # HELP crosshub_latency_seconds Latency.
            # TYPE crosshub_latency_seconds histogram
            crosshub_latency_seconds_bucket{le="0.1"} 2
            crosshub_latency_seconds_bucket{le="1"} 4
            crosshub_latency_seconds_bucket{le="5"} 5
            crosshub_latency_seconds_bucket{le="+Inf"} 6
            crosshub_latency_seconds_sum 11.65
            crosshub_latency_seconds_count 6

            """)
    }

    @Test func labelValuesAndHelpAreEscaped() throws {
        var family = try PrometheusMetricFamily(name: "crosshub_test", help: "Path C:\\temp\nsecond line \"quoted\"",
                                                type: .gauge, labelNames: ["value"])
        try family.add(1, labels: ["back\\slash \"quote\"\nnewline"])

        let text = try PrometheusTextWriter.render([family])

        #expect(text.contains(#"# HELP crosshub_test Path C:\\temp\nsecond line "quoted""#))
        #expect(text.contains(#"crosshub_test{value="back\\slash \"quote\"\nnewline"} 1"#))
    }

    @Test func numbersUseExpositionSpelling() {
        #expect(PrometheusTextWriter.formatNumber(42) == "42")
        #expect(PrometheusTextWriter.formatNumber(-3) == "-3")
        #expect(PrometheusTextWriter.formatNumber(0.005) == "0.005")
        #expect(PrometheusTextWriter.formatNumber(1e-7) == "1e-07")
        #expect(PrometheusTextWriter.formatNumber(1e20) == "1e+20")
        #expect(PrometheusTextWriter.formatNumber(.nan) == "NaN")
        #expect(PrometheusTextWriter.formatNumber(.infinity) == "+Inf")
        #expect(PrometheusTextWriter.formatNumber(-.infinity) == "-Inf")
    }

    @Test func invalidFamiliesAreRejected() throws {
        #expect(throws: PrometheusMetricError.invalidMetricName("1bad")) {
            try PrometheusMetricFamily(name: "1bad", help: "", type: .gauge)
        }
        #expect(throws: PrometheusMetricError.invalidLabelName(metric: "ok", label: "__reserved")) {
            try PrometheusMetricFamily(name: "ok", help: "", type: .gauge, labelNames: ["__reserved"])
        }
        #expect(throws: PrometheusMetricError.invalidLabelName(metric: "ok", label: "a-b")) {
            try PrometheusMetricFamily(name: "ok", help: "", type: .gauge, labelNames: ["a-b"])
        }
        #expect(throws: PrometheusMetricError.reservedLabelName(metric: "ok", label: "le")) {
            try PrometheusMetricFamily(name: "ok", help: "", type: .histogram, labelNames: ["le"])
        }
        #expect(throws: PrometheusMetricError.duplicateLabelName(metric: "ok", labels: ["a", "a"])) {
            try PrometheusMetricFamily(name: "ok", help: "", type: .gauge, labelNames: ["a", "a"])
        }
    }

    @Test func invalidSeriesAreRejected() throws {
        var counter = try PrometheusMetricFamily(name: "ok_total", help: "", type: .counter, labelNames: ["topic"])
        #expect(throws: PrometheusMetricError.negativeCounter(metric: "ok_total", value: -1)) {
            try counter.add(-1, labels: ["a"])
        }
        #expect(throws: PrometheusMetricError.labelCountMismatch(metric: "ok_total", expected: ["topic"], values: [])) {
            try counter.add(1)
        }
        try counter.add(1, labels: ["a"])
        #expect(throws: PrometheusMetricError.duplicateSeries(metric: "ok_total", labelValues: ["a"])) {
            try counter.add(2, labels: ["a"])
        }
        #expect(throws: PrometheusMetricError.wrongValueType(metric: "ok_total", expected: .counter)) {
            try counter.add(try PrometheusHistogram(upperBounds: [1]), labels: ["b"])
        }
        #expect(throws: PrometheusMetricError.duplicateFamily("ok_total")) {
            try PrometheusTextWriter.render([counter, counter])
        }
    }

    @Test func histogramBoundsAreChecked() throws {
        #expect(throws: PrometheusMetricError.self) { try PrometheusHistogram(upperBounds: [1, 1]) }
        #expect(throws: PrometheusMetricError.self) { try PrometheusHistogram(upperBounds: [2, 1]) }
        #expect(throws: PrometheusMetricError.self) { try PrometheusHistogram(upperBounds: [1, .infinity]) }
        #expect(throws: PrometheusMetricError.self) {
            try PrometheusHistogram(upperBounds: [1], bucketCounts: [1], sum: 0)
        }

        var first = try PrometheusHistogram(upperBounds: [1, 2])
        first.observe(0.5)
        var second = try PrometheusHistogram(upperBounds: [1, 2])
        second.observe(1.5)
        second.observe(9)
        try first.merge(second)
        #expect(first.bucketCounts == [1, 1, 1])
        #expect(first.sum == 11)
        #expect(throws: PrometheusMetricError.self) { try first.merge(try PrometheusHistogram(upperBounds: [1])) }
    }

    @Test func emptyFamilyKeepsHelpAndType() throws {
        let family = try PrometheusMetricFamily(name: "crosshub_consumer_lag", help: "Lag.", type: .gauge,
                                                labelNames: ["topic", "partition"])
        #expect(try PrometheusTextWriter.render([family]) == "# HELP crosshub_consumer_lag Lag.\n# TYPE crosshub_consumer_lag gauge\n")
    }

    @Test func snapshotParsesWithPrometheusClient() throws {
        let snapshot = try Self.sampleSnapshot()
        let text = try PrometheusTextWriter.render(try snapshot.metricFamilies())

        let parsed = try parseWithPrometheusClient(text)

        #expect(parsed.types["crosshub_events_consumed"] == "counter")
        #expect(parsed.types["crosshub_processing_latency_seconds"] == "histogram")
        #expect(parsed.types["crosshub_contacts"] == "gauge")
        #expect(parsed.types["crosshub_ready"] == "gauge")
        #expect(parsed.types["crosshub_event_age_seconds"] == "histogram")
        #expect(parsed.types.count == 18)

        #expect(parsed.value("crosshub_events_consumed_total", ["topic": "sales.events", "outcome": "folded"]) == 40)
        #expect(parsed.value("crosshub_events_consumed_total", ["topic": "sales.events", "outcome": "dead_lettered"]) == 2)
        #expect(parsed.value("crosshub_events_consumed_total", ["topic": "sales.events", "outcome": "duplicate"]) == 0)
        #expect(parsed.value("crosshub_events_consumed_total", ["topic": "marketing.events", "outcome": "duplicate"]) == 3)
        #expect(parsed.value("crosshub_outputs_total", ["topic": "crosshub.qualifications"]) == 17)
        #expect(parsed.value("crosshub_transactions_total", ["result": "committed"]) == 9)
        #expect(parsed.value("crosshub_transactions_total", ["result": "aborted"]) == 0)
        #expect(parsed.value("crosshub_rebalances_total", [:]) == 2)
        #expect(parsed.value("crosshub_restore_records_total", [:]) == 1234)
        #expect(parsed.value("crosshub_contacts", ["partition": "4"]) == 321)
        #expect(parsed.value("crosshub_consumer_lag", ["topic": "service.events", "partition": "4"]) == 15)
        #expect(parsed.value("crosshub_qualification_status", ["status": "SALES_QUALIFIED_LEAD"]) == 11)
        #expect(parsed.value("crosshub_qualification_status", ["status": "LEAD"]) == 0)
        #expect(parsed.value("crosshub_ready", [:]) == 1)

        #expect(parsed.value("crosshub_processing_latency_seconds_bucket", ["le": "0.01"]) == 2)
        #expect(parsed.value("crosshub_processing_latency_seconds_bucket", ["le": "+Inf"]) == 3)
        #expect(parsed.value("crosshub_processing_latency_seconds_count", [:]) == 3)
        #expect(parsed.value("crosshub_processing_latency_seconds_sum", [:]) == 12.008)
        #expect(parsed.value("crosshub_batch_events_bucket", ["le": "500"]) == 1)
        #expect(parsed.value("crosshub_restore_duration_seconds_count", [:]) == 1)

        #expect(parsed.value("crosshub_dead_letters_total", ["reason": "invalid_json"]) == 2)
        #expect(parsed.value("crosshub_event_age_seconds_bucket", ["le": "60"]) == 1)
        #expect(parsed.value("crosshub_event_age_seconds_bucket", ["le": "30"]) == 0)
        #expect(parsed.value("crosshub_batch_retries_total", [:]) == 1)
        #expect(parsed.value("crosshub_offset_commit_failures_total", [:]) == 0)
        #expect(parsed.value("crosshub_kafka_call_retries_total", [:]) == 3)
        #expect(parsed.value("crosshub_restore_corrupt_records_total", [:]) == 1)
    }

    @Test func renderingIsDeterministic() throws {
        let snapshot = try Self.sampleSnapshot()
        let first = try PrometheusTextWriter.render(try snapshot.metricFamilies())
        for _ in 0..<5 {
            #expect(try PrometheusTextWriter.render(try snapshot.metricFamilies().reversed()) == first)
        }
    }

    @Test func duplicateLagEntryIsRejected() throws {
        var snapshot = CrossHubMetricsSnapshot()
        snapshot.consumerLag = [ConsumerLag(topic: "a", partition: 0, messages: 1), ConsumerLag(topic: "a", partition: 0, messages: 2)]
        #expect(throws: PrometheusMetricError.duplicateSeries(metric: "crosshub_consumer_lag", labelValues: ["a", "0"])) {
            try snapshot.metricFamilies()
        }
    }

    static func sampleSnapshot() throws -> CrossHubMetricsSnapshot {
        var snapshot = CrossHubMetricsSnapshot()
        snapshot.eventsConsumed[.init(topic: "sales.events", outcome: .folded)] = 40
        snapshot.eventsConsumed[.init(topic: "sales.events", outcome: .deadLettered)] = 2
        snapshot.eventsConsumed[.init(topic: "marketing.events", outcome: .duplicate)] = 3
        snapshot.outputs["crosshub.qualifications"] = 17
        snapshot.outputs["crosshub.contact-state"] = 40
        snapshot.deadLetters["invalid_json"] = 2
        snapshot.eventAge.observe(42)
        snapshot.batchRetries = 1
        snapshot.kafkaCallRetries = 3
        snapshot.restoreCorruptRecords = 1
        for seconds in [0.003, 0.005, 12] {
            snapshot.processingLatency.observe(seconds)
        }
        snapshot.batchEvents.observe(420)
        snapshot.transactions[.committed] = 9
        snapshot.rebalances = 2
        snapshot.restoreDuration.observe(1.5)
        snapshot.restoreRecords = 1234
        snapshot.contactsPerPartition = [4: 321, 11: 7]
        snapshot.consumerLag = [ConsumerLag(topic: "service.events", partition: 4, messages: 15),
                                ConsumerLag(topic: "sales.events", partition: 11, messages: 0)]
        snapshot.qualificationStatus = [.salesQualifiedLead: 11, .subscriber: 300]
        snapshot.ready = true
        return snapshot
    }
}

/// Samples and family types as Python's `prometheus_client` parser reads them.
struct ParsedExposition {
    /// Family type by family name; the parser drops `_total` from counter family names.
    var types: [String: String]
    var samples: [(name: String, labels: [String: String], value: Double)]

    func value(_ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }
}

/// Parses `text` with `prometheus_client.parser.text_string_to_metric_families`,
/// which raises on any line that breaks the exposition format.
func parseWithPrometheusClient(_ text: String) throws -> ParsedExposition {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID().uuidString).txt")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }

    let script = """
        import json, sys
        try:
            from prometheus_client.parser import text_string_to_metric_families
        except ImportError:
            print("python3 has no prometheus_client module: run 'make deps' or 'pip install prometheus_client'")
            sys.exit(2)
        families = list(text_string_to_metric_families(open(sys.argv[1]).read()))
        print(json.dumps({"types": {f.name: f.type for f in families},
                          "samples": [[s.name, s.labels, s.value] for f in families for s in f.samples]}))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw HTTPTestClientError(description: "prometheus_client rejected the text (exit \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self)) \(errorText)\n\(text)")
    }

    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    let types = object["types"] as? [String: String] ?? [:]
    let samples = (object["samples"] as? [[Any]] ?? []).map { entry in
        (name: entry[0] as? String ?? "", labels: entry[1] as? [String: String] ?? [:], value: (entry[2] as? NSNumber)?.doubleValue ?? .nan)
    }
    return ParsedExposition(types: types, samples: samples)
}
