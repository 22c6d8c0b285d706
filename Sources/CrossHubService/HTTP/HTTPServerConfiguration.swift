/// The HTTP server's listening address, port, limits and threads.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// The IPv4 or IPv6 address to bind, as a literal: `0.0.0.0` (every IPv4
    /// interface, the default, which a Kubernetes probe needs), `127.0.0.1`,
    /// `::` or `::1`. Host names are rejected.
    public var bindAddress: String
    /// The TCP port. With 0 the kernel picks a free port, which `HTTPServer.port`
    /// then returns. A service that treats port 0 as "no endpoint" must not
    /// start the server at all.
    public var port: UInt16
    /// The number of connections served at once. Past it, libmicrohttpd stops
    /// accepting until one closes, so new clients wait in the listen backlog.
    /// Idle connections cost no thread time, only a slot, a file descriptor
    /// and a memory pool of 32 KiB, so the default leaves room for probes
    /// next to hundreds of idle keep-alive connections.
    public var connectionLimit: Int
    /// The number of connections from one IP address served at once, 0 for no
    /// limit. libmicrohttpd closes a connection past it at once, so one client
    /// cannot take every slot from the liveness probe of another address.
    public var perIPConnectionLimit: Int
    /// Seconds of inactivity after which a connection is closed, so that idle
    /// or slow clients do not hold connection slots; 0 disables the timeout.
    public var connectionTimeoutSeconds: Int
    /// Threads that serve connections, each with its own poll loop. With two,
    /// `/healthz` responds while another thread renders `/metrics`.
    public var threadCount: Int

    public init(bindAddress: String = "0.0.0.0", port: UInt16, connectionLimit: Int = 512,
                perIPConnectionLimit: Int = 128, connectionTimeoutSeconds: Int = 10, threadCount: Int = 2) {
        self.bindAddress = bindAddress
        self.port = port
        self.connectionLimit = connectionLimit
        self.perIPConnectionLimit = perIPConnectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.threadCount = threadCount
    }
}

/// An error that stops the HTTP server from starting.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// The bind address is not an IPv4 or IPv6 literal.
    case invalidBindAddress(String)
    /// A limit is out of range; the message names it and the accepted range.
    case invalidConfiguration(String)
    /// libmicrohttpd could not start, for example because the port is in use.
    case startFailed(address: String, port: UInt16, reason: String)

    public var description: String {
        switch self {
        case .invalidBindAddress(let address):
            "invalid HTTP bind address '\(address)': expected an IPv4 or IPv6 literal such as 0.0.0.0, 127.0.0.1 or ::"
        case .invalidConfiguration(let message):
            "invalid HTTP server configuration: \(message)"
        case .startFailed(let address, let port, let reason):
            "HTTP server failed to listen on \(HTTPServer.endpoint(address, port)): \(reason); choose a free port or another address"
        }
    }
}
