import Foundation
@testable import CrossHubService

/// A response read off a socket: the status line, headers and body as sent.
struct RawHTTPResponse {
    let status: Int
    /// Header values by lower-cased name.
    let headers: [String: String]
    let body: String
}

/// Why a test request failed before a full response arrived.
struct HTTPTestClientError: Error, CustomStringConvertible {
    let description: String
}

/// A minimal HTTP/1.1 client over a blocking loopback socket, so tests can
/// send any method, keep connections idle and see exactly what the server wrote.
final class HTTPTestConnection {
    private let socketDescriptor: Int32

    /// Connects to `127.0.0.1:port` (or `[::1]:port`) from `sourceAddress`, or from
    /// an address the kernel picks when it is nil; reads give up after `timeout` seconds.
    init(port: UInt16, ipv6: Bool = false, timeout: Double = 5, sourceAddress: String? = nil) throws {
        socketDescriptor = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw HTTPTestClientError(description: "socket() failed: errno \(errno)") }

        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        let length = socklen_t(ipv6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
        let descriptor = socketDescriptor
        /// Calls `operation` with `address`, and closes the socket and throws when it fails.
        func perform(_ operation: String, _ address: SocketAddress,
                     _ call: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) throws {
            guard address.withSocketAddress({ call(descriptor, $0, length) }) == 0 else {
                let code = errno
                close(descriptor)
                throw HTTPTestClientError(description: "\(operation) failed: \(String(cString: strerror(code)))")
            }
        }

        if let sourceAddress {
            // Every address of 127.0.0.0/8 is local on Linux, so a test can act as a second client host.
            try perform("bind to \(sourceAddress)", SocketAddress(sourceAddress, port: 0)!, bind)
        }
        try perform("connect to port \(port)", SocketAddress(ipv6 ? "::1" : "127.0.0.1", port: port)!, connect)
    }

    deinit {
        close(socketDescriptor)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { write(socketDescriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw HTTPTestClientError(description: "write failed: errno \(errno)") }
            sent += written
        }
    }

    /// Reads until the server closes the connection or the read timeout passes.
    func readToEnd() throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socketDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                received.append(contentsOf: buffer[..<count])
            } else if count == 0 {
                return received
            } else {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK {
                    throw HTTPTestClientError(description: "read timed out after \(received.count) bytes")
                }
                if code == ECONNRESET {
                    return received
                }
                throw HTTPTestClientError(description: "read failed: \(String(cString: strerror(code)))")
            }
        }
    }

    /// Sends one request with `Connection: close` and parses the response.
    func request(_ method: String, _ path: String) throws -> RawHTTPResponse {
        try send("\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return try parse(readToEnd())
    }

    private func parse(_ bytes: [UInt8]) throws -> RawHTTPResponse {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else {
            throw HTTPTestClientError(description: "no complete response header in \(bytes.count) bytes: \(text.prefix(200))")
        }
        let lines = text[..<headerEnd.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw HTTPTestClientError(description: "invalid status line '\(lines[0])'")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawHTTPResponse(status: status, headers: headers, body: String(text[headerEnd.upperBound...]))
    }
}

/// Sends one request on a new connection to the server on `port`.
func httpRequest(_ method: String, _ path: String, port: UInt16, ipv6: Bool = false) throws -> RawHTTPResponse {
    try HTTPTestConnection(port: port, ipv6: ipv6).request(method, path)
}

/// Starts a server on an ephemeral loopback port with `handler`.
func startTestServer(connectionLimit: Int = 16, threadCount: Int = 2, bindAddress: String = "127.0.0.1",
                     sink: MemoryLogSink = MemoryLogSink(),
                     handler: @escaping HTTPHandler) throws -> HTTPServer {
    try HTTPServer(configuration: HTTPServerConfiguration(bindAddress: bindAddress, port: 0, connectionLimit: connectionLimit,
                                                          connectionTimeoutSeconds: 5, threadCount: threadCount),
                   logger: Logger(level: .debug, sink: sink), handler: handler)
}

/// Returns a loopback port that was free a moment ago, bound by a server that is stopped at once.
func freeLoopbackPort() throws -> UInt16 {
    let server = try startTestServer { _ in .text("probe") }
    let port = server.port
    server.stop()
    return port
}

/// Polls `condition` every 10 ms until it is true or `timeout` seconds pass, and returns its last value.
func waitUntil(timeout: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
