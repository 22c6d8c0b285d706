import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// `/healthz` and `/readyz` of a service that restores a changelog from the embedded broker.
@Suite struct OperationsReadinessTests {
    /// Returns contact states with one folded page view each, as the changelog would contain them.
    private static func restoredStates(_ count: Int) throws -> [ContactState] {
        try (0..<count).map { index in
            let contactID = "restored-\(index)"
            let json = #"{"event_id":"e-\#(index)","contact_id":"\#(contactID)","type":"marketing.page_viewed","occurred_at":"2026-02-01T10:00:00Z","data":{"url":"https://example.com/pricing"}}"#
            var state = ContactState(contactID: contactID)
            _ = state.fold(try EventDecoder().decode(Array(json.utf8)))
            return state
        }
    }

    @Test func readyzWaitsForRestore() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let states = try Self.restoredStates(400)
        try writeChangelog(states, topic: environment.topics.changelog, partitions: 2,
                           bootstrapServers: environment.bootstrapServers)
        // Only the changelog reader fetches before the assignment is restored,
        // so slow Fetch responses stretch the restore long enough to observe.
        for _ in 0..<6 {
            try environment.cluster.pushRequestError(.fetch, code: .noError, roundTripTime: .milliseconds(300), broker: 1)
        }

        let instance = try ServedInstance(environment, environment.configuration(group: "readiness"))
        defer { instance.stop() }
        let server = instance.server

        var answers: [String] = []
        var metricsWhenReady: ParsedExposition?
        try waitUntil("/readyz to return 200", timeout: .seconds(30), interval: .milliseconds(20)) {
            let health = try httpRequest("GET", "/healthz", port: server.port)
            #expect(health.status == 200)
            let readiness = try httpRequest("GET", "/readyz", port: server.port)
            let answer = "\(readiness.status) \(readiness.body.trimmingCharacters(in: .whitespacesAndNewlines))"
            if answers.last != answer { answers.append(answer) }
            guard readiness.status == 200 else { return false }
            metricsWhenReady = try scrapeMetrics(port: server.port)
            return true
        }

        #expect(answers.first == "503 not ready: starting: checking topics and waiting for the first partition assignment",
                "\(answers)")
        #expect(answers.contains { $0.hasPrefix("503 not ready: restoring the state of partitions") }, "\(answers)")
        #expect(answers.last == "200 ready", "\(answers)")

        let metrics = try #require(metricsWhenReady)
        #expect(metrics.value("crosshub_restore_records_total", [:]) == 400)
        #expect(metrics.sum("crosshub_contacts") == 400)
        #expect(metrics.value("crosshub_restore_duration_seconds_count", [:]) == 2)
        #expect(metrics.value("crosshub_ready", [:]) == 1)

        let restored = try getJSON("/contacts/restored-7", port: server.port)
        #expect(restored.status == 200)
        #expect(restored.object["partition"] as? Int
            == Int(KafkaPartitioner.partition(forKey: Array("restored-7".utf8), partitionCount: 2)))
        #expect((restored.object["state"] as? [String: Any])?["folded_events"] as? Int == 1)

        #expect(try httpRequest("GET", "/contacts", port: server.port).status == 404)
        #expect(try httpRequest("GET", "/metrics/extra", port: server.port).status == 404)
        #expect(try httpRequest("GET", "/", port: server.port).status == 404)
    }

    @Test func readyzReportsStop() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let service = try environment.startService(environment.configuration(group: "stopping"))
        let server = try serveOperations(service)
        defer { server.stop() }
        try waitUntil("the service ready") { service.status.isReady }

        service.requestStop()
        #expect(service.waitUntilStopped(timeout: .seconds(30)) == .stopped)
        let readiness = try httpRequest("GET", "/readyz", port: server.port)
        #expect(readiness.status == 503)
        #expect(readiness.body == "not ready: stopped\n")
        #expect(try httpRequest("GET", "/healthz", port: server.port).status == 200)
    }
}
