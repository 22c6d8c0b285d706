import Foundation
import Synchronization
import Testing
@testable import CrossHubService

/// Runs the libmicrohttpd server on an ephemeral loopback port and talks to it over raw sockets.
@Suite struct HTTPServerTests {
    static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.get("/healthz") { _ in .text("ok") }
        router.get("/echo/{value}") { request in .text(request.parameters["value"] ?? "missing") }
        router.get("/large") { _ in HTTPResponse(status: 200, contentType: "application/octet-stream",
                                                 body: Array(repeating: UInt8(ascii: "x"), count: 1 << 20)) }
        return router
    }

    @Test func getReturnsHandlerResponse() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        #expect(server.port != 0)
        let response = try httpRequest("GET", "/healthz", port: server.port)
        #expect(response.status == 200)
        #expect(response.body == "ok\n")
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(response.headers["content-length"] == "3")
    }

    @Test func unknownPathIs404() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        let response = try httpRequest("GET", "/nothing/here", port: server.port)
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.body == #"{"error":"no resource at /nothing/here"}"#)
        #expect(try httpRequest("POST", "/nothing", port: server.port).status == 404)
    }

    @Test func otherMethodsAre405() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let response = try httpRequest(method, "/healthz", port: server.port)
            #expect(response.status == 405, "\(method)")
            #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
        }
    }

    @Test func postWithBodyIs405() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        let connection = try HTTPTestConnection(port: server.port)
        try connection.send("POST /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello")
        let text = String(decoding: try connection.readToEnd(), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 405"), "\(text)")
    }

    @Test func headOmitsBody() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        let response = try httpRequest("HEAD", "/healthz", port: server.port)
        #expect(response.status == 200)
        #expect(response.body == "")
        #expect(response.headers["content-length"] == "3")
    }

    @Test func pathSegmentIsPercentDecoded() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        #expect(try httpRequest("GET", "/echo/a%2Fb%20c", port: server.port).body == "a/b c\n")
        #expect(try httpRequest("GET", "/echo/caf%C3%A9", port: server.port).body == "café\n")
        #expect(try httpRequest("GET", "/echo/a+b?ignored=1", port: server.port).body == "a+b\n")
        #expect(try httpRequest("GET", "/echo/a/b", port: server.port).status == 404)
    }

    @Test func invalidEscapeIs400() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        for path in ["/echo/%zz", "/echo/abc%4", "/echo/%C3%28"] {
            let response = try httpRequest("GET", path, port: server.port)
            #expect(response.status == 400, "\(path)")
            #expect(response.body.hasPrefix(#"{"error":"invalid percent-encoding"#), "\(path): \(response.body)")
        }
    }

    @Test func invalidStatusBecomes500() throws {
        let sink = MemoryLogSink()
        let server = try startTestServer(sink: sink) { _ in HTTPResponse(status: 42, contentType: "text/plain", body: []) }
        defer { server.stop() }

        let response = try httpRequest("GET", "/anything", port: server.port)
        #expect(response.status == 500)
        #expect(response.body == #"{"error":"handler returned invalid status 42"}"#)
        #expect(sink.records.contains { $0.message == "HTTP handler returned an invalid status; sending 500" })
    }

    @Test func oversizedRequestLineIsRejected() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        let connection = try HTTPTestConnection(port: server.port)
        try? connection.send("GET /echo/\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let text = String(decoding: (try? connection.readToEnd()) ?? [], as: UTF8.self)
        #expect(text.isEmpty || text.hasPrefix("HTTP/1.1 414"), "\(text.prefix(200))")
        #expect(try httpRequest("GET", "/healthz", port: server.port).status == 200)
    }

    @Test func largeBodyArrivesWhole() throws {
        let server = try startTestServer(handler: Self.router().handler)
        defer { server.stop() }

        let response = try httpRequest("GET", "/large", port: server.port)
        #expect(response.status == 200)
        #expect(response.body.utf8.count == 1 << 20)
        #expect(response.body.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    @Test func concurrentRequestsAllAnswered() throws {
        let calls = Atomic<Int>(0)
        var router = HTTPRouter()
        router.get("/clients/{client}/requests/{index}") { request in
            calls.add(1, ordering: .relaxed)
            return .text("\(request.parameters["client"] ?? "")-\(request.parameters["index"] ?? "")")
        }
        let server = try startTestServer(connectionLimit: 32, threadCount: 2, handler: router.handler)
        defer { server.stop() }

        let clients = 8
        let requestsPerClient = 25
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            for index in 0..<requestsPerClient {
                let path = "/clients/\(client)/requests/\(index)"
                do {
                    let response = try httpRequest("GET", path, port: server.port)
                    if response.status != 200 || response.body != "\(client)-\(index)\n" {
                        failures.withLock { $0.append("\(path): \(response.status) \(response.body)") }
                    }
                } catch {
                    failures.withLock { $0.append("\(path): \(error)") }
                }
            }
        }

        let failed = failures.withLock { $0 }
        #expect(failed.isEmpty, "\(failed.count) failed, first: \(failed.prefix(3))")
        #expect(calls.load(ordering: .relaxed) == clients * requestsPerClient)
    }

    @Test func stopReleasesPortAndIsIdempotent() throws {
        let sink = MemoryLogSink()
        let server = try startTestServer(sink: sink, handler: Self.router().handler)
        let port = server.port
        #expect(try httpRequest("GET", "/healthz", port: port).status == 200)

        server.stop()
        server.stop()
        #expect(throws: HTTPTestClientError.self) { try HTTPTestConnection(port: port) }
        #expect(server.openConnections == 0)
        #expect(sink.records.filter { $0.message == "HTTP server stopped" }.count == 1)
        #expect(sink.records.contains { $0.message == "HTTP server listening" && $0.fields.contains { $0 == ("http.port", String(port)) } })

        let again = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: port),
                                   logger: Logger(sink: MemoryLogSink()), handler: Self.router().handler)
        defer { again.stop() }
        #expect(again.port == port)
        #expect(try httpRequest("GET", "/healthz", port: port).status == 200)
    }

    @Test func stopClosesIdleConnections() throws {
        let server = try startTestServer(handler: Self.router().handler)
        let idle = try HTTPTestConnection(port: server.port)
        #expect(waitUntil { server.openConnections == 1 })

        server.stop()
        #expect(try idle.readToEnd() == [])
    }

    @Test func idleConnectionTimesOut() throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: 0,
                                                                          connectionTimeoutSeconds: 1),
                                    logger: Logger(sink: MemoryLogSink()), handler: Self.router().handler)
        defer { server.stop() }

        let idle = try HTTPTestConnection(port: server.port, timeout: 10)
        try idle.send("GET /healthz HTTP/1.1\r\n")
        let started = Date()
        #expect(try idle.readToEnd() == [])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(waitUntil { server.openConnections == 0 })
    }

    @Test func portInUseFailsWithReason() throws {
        let first = try startTestServer(handler: Self.router().handler)
        defer { first.stop() }

        let sink = MemoryLogSink()
        #expect {
            _ = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: first.port),
                               logger: Logger(sink: sink), handler: Self.router().handler)
        } throws: { error in
            guard case .startFailed(let address, let port, let reason) = error as? HTTPServerError else { return false }
            return address == "127.0.0.1" && port == first.port && reason == "Address already in use"
        }
        #expect(sink.records.contains { $0.level == .error && $0.message == "HTTP server failed to start" })
        #expect(sink.records.contains { record in
            record.message == "libmicrohttpd reported a problem"
                && record.fields.contains { $0.0 == "error" && $0.1.contains("Address already in use") }
        }, "\(sink.records.map { "\($0.message) \($0.fields)" })")
    }

    @Test func invalidConfigurationIsRejected() {
        let handler = Self.router().handler
        #expect(throws: HTTPServerError.invalidBindAddress("localhost")) {
            _ = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "localhost", port: 0),
                               logger: Logger(sink: MemoryLogSink()), handler: handler)
        }
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: 0, connectionLimit: 0),
                               logger: Logger(sink: MemoryLogSink()), handler: handler)
        }
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: 0, threadCount: 0),
                               logger: Logger(sink: MemoryLogSink()), handler: handler)
        }
    }

    @Test(arguments: [(1, 2), (2, 2), (3, 2), (4, 4)])
    func stopReturnsWithPoolAtLimit(limit: Int, threads: Int) throws {
        let server = try startTestServer(connectionLimit: limit, threadCount: threads, handler: Self.router().handler)
        var idle: [HTTPTestConnection] = []
        for _ in 0..<limit {
            idle.append(try HTTPTestConnection(port: server.port))
        }
        #expect(waitUntil { server.openConnections == limit })

        let waiting = try HTTPTestConnection(port: server.port, timeout: 0.5)
        try waiting.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(throws: HTTPTestClientError.self) { try waiting.readToEnd() }
        idle.removeAll()

        // Stopping runs on another thread, so that a hang fails this test instead of blocking the suite.
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        #expect(stopped.wait(timeout: .now() + 10) == .success, "stop() did not return within 10 s")
    }

    @Test func connectionLimitHoldsNewClients() throws {
        let server = try startTestServer(connectionLimit: 1, threadCount: 1, handler: Self.router().handler)
        defer { server.stop() }

        var idle: HTTPTestConnection? = try HTTPTestConnection(port: server.port)
        #expect(waitUntil { server.openConnections == 1 })

        let waiting = try HTTPTestConnection(port: server.port, timeout: 0.5)
        try waiting.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(throws: HTTPTestClientError.self) { try waiting.readToEnd() }

        idle = nil
        #expect(idle == nil)
        let served = waitUntil {
            (try? waiting.readToEnd()).map { String(decoding: $0, as: UTF8.self).hasPrefix("HTTP/1.1 200") } ?? false
        }
        #expect(served)
    }

    @Test func ipv6LoopbackServes() throws {
        let server = try startTestServer(bindAddress: "::1", handler: Self.router().handler)
        defer { server.stop() }

        let response = try httpRequest("GET", "/healthz", port: server.port, ipv6: true)
        #expect(response.status == 200)
    }
}

/// Idle connections and oversized or invalid requests must not keep probes waiting or leave the JSON error shape.
@Suite struct HTTPServerAbuseTests {
    /// Sends `GET /healthz` on a new connection and returns the status, or throws when no response comes within one second.
    static func probe(_ port: UInt16) throws -> Int {
        try HTTPTestConnection(port: port, timeout: 1).request("GET", "/healthz").status
    }

    @Test func idleConnectionsLeaveHealthzServed() throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: "127.0.0.1", port: 0),
                                    logger: Logger(sink: MemoryLogSink()), handler: HTTPServerTests.router().handler)
        defer { server.stop() }

        // Connections that never send a byte keep their slot until the connection timeout.
        // libmicrohttpd 0.9.75 closed a connection after its response here, so finished requests keep none.
        let idle = try (0..<100).map { _ in try HTTPTestConnection(port: server.port) }

        let started = Date()
        #expect(try Self.probe(server.port) == 200)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(idle.count == 100)
    }

    @Test func perIPLimitKeepsSlotsForOtherClients() throws {
        let configuration = HTTPServerConfiguration(bindAddress: "127.0.0.1", port: 0, connectionLimit: 16,
                                                    perIPConnectionLimit: 8, threadCount: 2)
        let server = try HTTPServer(configuration: configuration, logger: Logger(sink: MemoryLogSink()),
                                    handler: HTTPServerTests.router().handler)
        defer { server.stop() }

        var flood: [HTTPTestConnection] = []
        for _ in 0..<16 {
            flood.append(try HTTPTestConnection(port: server.port, timeout: 1, sourceAddress: "127.0.0.2"))
        }
        #expect(waitUntil { server.openConnections == 8 }, "\(server.openConnections) connections open")
        // Connections past the per-IP limit are closed without a response.
        #expect(try flood[15].readToEnd() == [])

        #expect(try Self.probe(server.port) == 200)
        #expect(flood.count == 16)
    }

    @Test func longPathIsJSON414() throws {
        let server = try startTestServer(handler: HTTPServerTests.router().handler)
        defer { server.stop() }

        let response = try httpRequest("GET", "/echo/" + String(repeating: "a", count: 10_000), port: server.port)
        #expect(response.status == 414)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.body == #"{"error":"request path is 10006 bytes long; the maximum is 8192"}"#)
    }

    @Test func everyRouterErrorIsJSON() throws {
        let server = try startTestServer(handler: HTTPServerTests.router().handler)
        defer { server.stop() }

        let cases: [(method: String, path: String, status: Int)] = [
            ("GET", "/missing", 404), ("POST", "/healthz", 405), ("GET", "/echo/%zz", 400),
            ("GET", "/echo/" + String(repeating: "b", count: 9000), 414),
        ]
        for (method, path, status) in cases {
            let response = try httpRequest(method, path, port: server.port)
            #expect(response.status == status, "\(method) \(path.prefix(40))")
            #expect(response.headers["content-type"] == "application/json", "\(method) \(path.prefix(40))")
            let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
            #expect(object?["error"] is String, "\(method) \(path.prefix(40)): \(response.body.prefix(200))")
        }
    }
}
