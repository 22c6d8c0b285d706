import Foundation
import Synchronization
import Testing
@testable import CrossHubService

/// The operations routes with stand-in providers, through the router and through a live server.
@Suite struct HTTPOperationsRoutesTests {
    static let sampleContact = #"{"contact_id":"c-1","qualification":{"status":"LEAD","factors":[]}}"#

    static func routes(readiness: Readiness = .ready,
                       metrics: @escaping @Sendable () throws -> [PrometheusMetricFamily] = { [] },
                       lookups: LookupRecorder = LookupRecorder()) -> OperationsRoutes {
        OperationsRoutes(
            readiness: { readiness },
            metrics: metrics,
            contactLookup: { id in
                lookups.record(id)
                switch id {
                case "c-1": return .found(json: sampleContact)
                case "c-elsewhere": return .ownedElsewhere(partition: 7)
                default: return .notFound
                }
            })
    }

    static func get(_ path: String, _ routes: OperationsRoutes) -> HTTPResponse {
        routes.router.respond(to: HTTPRequest(method: "GET", path: path))
    }

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    @Test func healthzIsAlwaysOK() {
        let response = Self.get("/healthz", Self.routes(readiness: .notReady(reason: "restoring")))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok\n")
    }

    @Test func readyzFollowsReadiness() {
        let ready = Self.get("/readyz", Self.routes(readiness: .ready))
        #expect(ready.status == 200)
        #expect(String(decoding: ready.body, as: UTF8.self) == "ready\n")

        let restoring = Self.get("/readyz", Self.routes(readiness: .notReady(reason: "restoring partitions 3, 7")))
        #expect(restoring.status == 503)
        #expect(String(decoding: restoring.body, as: UTF8.self) == "not ready: restoring partitions 3, 7\n")
    }

    @Test func metricsRendersExpositionText() throws {
        let response = Self.get("/metrics", Self.routes(metrics: { try PrometheusTextTests.sampleSnapshot().metricFamilies() }))
        #expect(response.status == 200)
        #expect(response.contentType == "text/plain; version=0.0.4; charset=utf-8")

        let parsed = try parseWithPrometheusClient(String(decoding: response.body, as: UTF8.self))
        #expect(parsed.value("crosshub_rebalances_total", [:]) == 2)
    }

    @Test func metricsErrorIs500() {
        let response = Self.get("/metrics", Self.routes(metrics: { throw PrometheusMetricError.duplicateFamily("crosshub_x") }))
        #expect(response.status == 500)
        #expect(response.contentType == "application/json")
        #expect(Self.json(response)["error"] as? String
            == "metrics could not be rendered: two metric families are named crosshub_x; merge their series into one family")
    }

    @Test func contactFoundReturnsProviderJSON() {
        let response = Self.get("/contacts/c-1", Self.routes())
        #expect(response.status == 200)
        #expect(response.contentType == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == Self.sampleContact)
    }

    @Test func contactElsewhereNamesPartition() {
        let response = Self.get("/contacts/c-elsewhere", Self.routes())
        let body = Self.json(response)
        #expect(response.status == 404)
        #expect(response.contentType == "application/json")
        #expect(body["partition"] as? Int == 7)
        #expect(body["contact_id"] as? String == "c-elsewhere")
        #expect((body["error"] as? String)?.contains("partition 7") == true)
    }

    @Test func unknownContactIs404() {
        let response = Self.get("/contacts/nobody", Self.routes())
        let body = Self.json(response)
        #expect(response.status == 404)
        #expect(body["contact_id"] as? String == "nobody")
        #expect(body["partition"] == nil)
        #expect(body["error"] as? String == "contact not found in this instance's state")
    }

    @Test func contactIDIsPercentDecoded() {
        let lookups = LookupRecorder()
        let routes = Self.routes(lookups: lookups)
        _ = Self.get("/contacts/user%40example.com", routes)
        _ = Self.get("/contacts/a%2Fb", routes)
        _ = Self.get("/contacts/caf%C3%A9", routes)
        #expect(lookups.ids == ["user@example.com", "a/b", "café"])
    }

    @Test func contactIDLengthIsLimited() {
        let lookups = LookupRecorder()
        let routes = Self.routes(lookups: lookups)
        let longest = String(repeating: "é", count: 128)
        let escapedLongest = String(repeating: "%C3%A9", count: 128)

        #expect(Self.get("/contacts/\(escapedLongest)", routes).status == 404)
        let tooLong = Self.get("/contacts/\(escapedLongest)x", routes)
        #expect(tooLong.status == 400)
        #expect(Self.json(tooLong)["error"] as? String == "contact id is 129 characters long; the maximum is 128")
        #expect(lookups.ids == [longest])
    }

    @Test func emptyContactIDIs404() {
        let lookups = LookupRecorder()
        #expect(Self.get("/contacts/", Self.routes(lookups: lookups)).status == 404)
        #expect(Self.get("/contacts", Self.routes(lookups: lookups)).status == 404)
        #expect(lookups.ids.isEmpty)
    }

    @Test func pythonClientScrapesServer() throws {
        let routes = Self.routes(readiness: .notReady(reason: "restoring partition 3"),
                                 metrics: { try PrometheusTextTests.sampleSnapshot().metricFamilies() })
        let server = try startTestServer(handler: routes.router.handler)
        defer { server.stop() }

        let script = """
            import sys, urllib.error, urllib.request
            from prometheus_client.parser import text_string_to_metric_families
            base = "http://127.0.0.1:%s" % sys.argv[1]
            with urllib.request.urlopen(base + "/metrics", timeout=5) as response:
                print("metrics", response.status, response.headers["Content-Type"])
                families = list(text_string_to_metric_families(response.read().decode("utf-8")))
                print("families", len(families))
            try:
                urllib.request.urlopen(base + "/readyz", timeout=5)
            except urllib.error.HTTPError as error:
                print("readyz", error.code, error.read().decode("utf-8").strip())
            """
        let run = try runProcess("python3", ["-c", script, String(server.port)])

        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("metrics 200 text/plain; version=0.0.4; charset=utf-8\n"), "\(run.output)")
        #expect(run.output.contains("families 18\n"), "\(run.output)")
        #expect(run.output.contains("readyz 503 not ready: restoring partition 3\n"), "\(run.output)")
    }

    @Test func liveServerServesEveryRoute() throws {
        let metrics = Mutex(CrossHubMetricsSnapshot())
        let ready = Atomic<Bool>(false)
        let routes = OperationsRoutes(
            readiness: { ready.load(ordering: .acquiring) ? .ready : .notReady(reason: "restoring partition 0") },
            metrics: { try metrics.withLock { $0 }.metricFamilies() },
            contactLookup: { $0 == "c-1" ? .found(json: Self.sampleContact) : .ownedElsewhere(partition: 2) })
        let server = try startTestServer(handler: routes.router.handler)
        defer { server.stop() }

        #expect(try httpRequest("GET", "/healthz", port: server.port).status == 200)
        #expect(try httpRequest("GET", "/readyz", port: server.port).status == 503)
        ready.store(true, ordering: .releasing)
        #expect(try httpRequest("GET", "/readyz", port: server.port).status == 200)

        metrics.withLock { $0.eventsConsumed[.init(topic: "sales.events", outcome: .folded)] = 5 }
        let scraped = try httpRequest("GET", "/metrics", port: server.port)
        #expect(scraped.headers["content-type"] == OperationsRoutes.metricsContentType)
        let parsed = try parseWithPrometheusClient(scraped.body)
        #expect(parsed.value("crosshub_events_consumed_total", ["topic": "sales.events", "outcome": "folded"]) == 5)

        let found = try httpRequest("GET", "/contacts/c-1", port: server.port)
        #expect(found.status == 200)
        #expect(found.body == Self.sampleContact)
        let elsewhere = try httpRequest("GET", "/contacts/c-2", port: server.port)
        #expect(elsewhere.status == 404)
        #expect(elsewhere.body.contains(#""partition":2"#))

        #expect(try httpRequest("GET", "/unknown", port: server.port).status == 404)
        #expect(try httpRequest("DELETE", "/contacts/c-1", port: server.port).status == 405)
    }
}

/// Contact ids passed to a lookup provider, in call order.
final class LookupRecorder: Sendable {
    private let recorded = Mutex<[String]>([])

    func record(_ id: String) {
        recorded.withLock { $0.append(id) }
    }

    var ids: [String] {
        recorded.withLock { $0 }
    }
}
