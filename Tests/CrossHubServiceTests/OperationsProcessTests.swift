import Foundation
import Kafka
import Testing
@testable import CrossHubService

/// `crosshub run --http-port` as a child process against the embedded broker.
@Suite struct OperationsProcessTests {
    /// Parses the JSON log lines of `text`, in order.
    private func jsonLines(_ text: String) -> [[String: String]] {
        text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    @Test func runServesEndpointUntilStopped() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let port = try freeLoopbackPort()
        let child = try ChildProcess(ChildProcess.crosshub, [
            "run", "--brokers", environment.bootstrapServers, "--group-id", "endpoint", "--instance-id", "endpoint-1",
            "--http-port", String(port), "--http-address", "127.0.0.1", "--log-format", "json",
            "--kafka", "session.timeout.ms=6000", "--kafka", "heartbeat.interval.ms=500",
        ])

        try waitUntil("/readyz to return 200", timeout: .seconds(60), interval: .milliseconds(100)) {
            (try? httpRequest("GET", "/readyz", port: port))?.status == 200
        }
        #expect(try httpRequest("GET", "/healthz", port: port).body == "ok\n")
        let metrics = try scrapeMetrics(port: port)
        #expect(metrics.value("crosshub_ready", [:]) == 1)
        #expect(metrics.value("crosshub_rebalances_total", [:]) == 1)
        #expect(try httpRequest("GET", "/nothing", port: port).status == 404)

        child.signal(SIGTERM)
        #expect(try child.waitForExit() == 0)
        #expect(throws: HTTPTestClientError.self) { try httpRequest("GET", "/healthz", port: port) }

        let lines = jsonLines(child.standardError)
        let messages = lines.map { $0["msg"] ?? "" }
        let listening = try #require(lines.first { $0["msg"] == "HTTP server listening" }, "\(messages)")
        #expect(listening["level"] == "info")
        #expect(listening["http.address"] == "127.0.0.1")
        #expect(listening["http.port"] == String(port))
        let starting = try #require(lines.first { $0["msg"] == "crosshub run starting" })
        #expect(starting["config.http-port"] == String(port))
        #expect(starting["config.statistics-interval-ms"] == "5000")

        let stoppedIndex = try #require(messages.firstIndex(of: "crosshub run stopped"), "\(messages)")
        let serverStoppedIndex = try #require(messages.firstIndex(of: "HTTP server stopped"), "\(messages)")
        #expect(serverStoppedIndex > stoppedIndex, "the endpoint stops after the pipeline")
        #expect(lines[serverStoppedIndex]["http.port"] == String(port))
    }

    @Test func runWithoutPortHasNoEndpoint() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let child = try ChildProcess(ChildProcess.crosshub, [
            "run", "--brokers", environment.bootstrapServers, "--group-id", "no-endpoint", "--log-format", "json",
        ])
        try waitUntil("the start-up log") { child.standardError.contains("crosshub run starting") }
        child.signal(SIGTERM)
        #expect(try child.waitForExit() == 0)

        let lines = jsonLines(child.standardError)
        let starting = try #require(lines.first { $0["msg"] == "crosshub run starting" })
        #expect(starting["config.http-port"] == "off")
        #expect(starting["config.statistics-interval-ms"] == "0")
        #expect(!lines.contains { $0["msg"] == "HTTP server listening" })
    }

    @Test func portInUseStopsStart() throws {
        let environment = try ServiceTestCluster(partitions: 1)
        let occupant = try startTestServer { _ in .text("busy") }
        defer { occupant.stop() }

        let child = try ChildProcess(ChildProcess.crosshub, [
            "run", "--brokers", environment.bootstrapServers, "--group-id", "busy",
            "--http-port", String(occupant.port), "--http-address", "127.0.0.1",
        ])
        #expect(try child.waitForExit() == 1)
        let log = child.standardError
        #expect(log.contains("HTTP server failed to listen on 127.0.0.1:\(occupant.port)"), "\(log)")
        #expect(log.contains("level=critical msg=\"the operations endpoint failed to start; the service does not start\""), "\(log)")
        #expect(!log.contains("crosshub run starting"))
    }

    @Test func invalidHTTPFlagsNameTheFix() throws {
        let cases: [(arguments: [String], expected: String)] = [
            (["--http-port", "70000"], "invalid value '70000' for --http-port: expected an integer from 0 to 65535"),
            (["--http-address", "localhost"], "--http-address: invalid address 'localhost': expected an IPv4 or IPv6 literal"),
            (["--stall-timeout-seconds", "0"], "invalid value '0' for --stall-timeout-seconds: expected an integer from 1 to 86400"),
        ]
        for (arguments, expected) in cases {
            let child = try ChildProcess(ChildProcess.crosshub, ["run"] + arguments)
            #expect(try child.waitForExit() == 2, "\(arguments)")
            #expect(child.standardError.contains(expected), "\(arguments): \(child.standardError)")
        }
    }
}
