import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP/1.1 server over GNU libmicrohttpd that passes every request to one
/// synchronous handler.
///
/// libmicrohttpd runs its own threads (`HTTPServerConfiguration.threadCount`
/// poll loops), accepts connections on them and calls the handler there;
/// nothing runs on Swift's concurrency executors. The handler must only read
/// thread-safe snapshots and return quickly.
///
/// The server owns one `MHD_Daemon`, created in `init` and stopped once, by
/// `stop()` or by `deinit`, whichever comes first. When `init` returns, the
/// socket is bound and accepting; after `stop()` returns, no handler runs
/// any more and the port is released.
public final class HTTPServer: Sendable {
    /// The address the listening socket is bound to, as configured.
    public let bindAddress: String
    /// The bound port: the configured one, or the one the kernel chose for port 0.
    public let port: UInt16

    private let daemon: Mutex<OpaquePointer?>
    /// Kept alive until the daemon has stopped, because libmicrohttpd keeps an
    /// unretained pointer to it (`Unmanaged.passUnretained` in `init`).
    private let context: HTTPServerContext
    private let logger: Logger

    /// Binds the socket and starts the server's threads.
    ///
    /// - Throws: `HTTPServerError.invalidBindAddress` when the address is not
    ///   an IP literal, `.invalidConfiguration` for an out-of-range limit, and
    ///   `.startFailed` when libmicrohttpd cannot listen (port in use, no
    ///   permission for a port below 1024, no such local address).
    public init(configuration: HTTPServerConfiguration, logger: Logger,
                handler: @escaping HTTPHandler) throws(HTTPServerError) {
        try Self.validate(configuration)
        guard let address = SocketAddress(configuration.bindAddress, port: configuration.port) else {
            throw .invalidBindAddress(configuration.bindAddress)
        }

        let logger = logger.with(("http.address", configuration.bindAddress))
        let context = HTTPServerContext(handler: handler, logger: logger)
        // MHD_USE_ITC lets MHD_stop_daemon wake every thread through an eventfd. Without it,
        // libmicrohttpd 0.9.75 relies on shutting down the listen socket, and a pool thread at
        // its share of the connection limit does not watch that socket, so stopping hung.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_AUTO.rawValue | MHD_USE_ERROR_LOG.rawValue
            | MHD_USE_ITC.rawValue
        if address.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }

        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        let started = address.withSocketAddress { socketAddress in
            crosshub_mhd_start_daemon(
                flags, configuration.port, socketAddress,
                UInt32(configuration.connectionLimit), UInt32(configuration.perIPConnectionLimit),
                UInt32(configuration.connectionTimeoutSeconds),
                UInt32(configuration.threadCount),
                httpAccessHandler, contextPointer,
                httpLogCallback, contextPointer)
        }
        let startErrno = errno
        guard let started else {
            let reason = startErrno == 0 ? "libmicrohttpd did not start the daemon" : String(cString: strerror(startErrno))
            logger.error("HTTP server failed to start", ("http.port", String(configuration.port)), ("error", reason))
            throw .startFailed(address: configuration.bindAddress, port: configuration.port, reason: reason)
        }

        self.bindAddress = configuration.bindAddress
        self.port = crosshub_mhd_bound_port(started)
        self.daemon = Mutex(started)
        self.context = context
        self.logger = logger
        logger.info("HTTP server listening",
                    ("http.port", String(port)),
                    ("http.connection_limit", String(configuration.connectionLimit)),
                    ("http.per_ip_connection_limit", String(configuration.perIPConnectionLimit)),
                    ("http.threads", String(configuration.threadCount)))
    }

    /// Stops accepting, closes every connection and joins the server's threads.
    /// Safe to call more than once and from any thread except a handler's,
    /// where it would wait for its own thread to end.
    public func stop() {
        let running = daemon.withLock { daemon -> OpaquePointer? in
            let current = daemon
            daemon = nil
            return current
        }
        guard let running else { return }

        MHD_stop_daemon(running)
        context.limitedLogger.flushClosedWindows(now: .distantFuture)
        logger.info("HTTP server stopped", ("http.port", String(port)))
    }

    deinit {
        stop()
    }

    /// The number of open connections, 0 once stopped. libmicrohttpd updates
    /// it on its own threads, so treat it as a sample.
    public var openConnections: Int {
        daemon.withLock { daemon in
            daemon.map { Int(crosshub_mhd_connection_count($0)) } ?? 0
        }
    }

    /// `address:port`, with brackets around an IPv6 address.
    static func endpoint(_ address: String, _ port: UInt16) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }

    private static func validate(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) {
        guard (1...100_000).contains(configuration.connectionLimit) else {
            throw .invalidConfiguration("connection limit \(configuration.connectionLimit) is out of range; use 1 to 100000")
        }
        // A per-IP limit above the connection limit is allowed and has no effect.
        guard (0...100_000).contains(configuration.perIPConnectionLimit) else {
            throw .invalidConfiguration("per-IP connection limit \(configuration.perIPConnectionLimit) is out of range; use 0 (none) to 100000")
        }
        guard (0...86_400).contains(configuration.connectionTimeoutSeconds) else {
            throw .invalidConfiguration("connection timeout \(configuration.connectionTimeoutSeconds) s is out of range; use 0 (none) to 86400 seconds")
        }
        guard (1...64).contains(configuration.threadCount) else {
            throw .invalidConfiguration("thread count \(configuration.threadCount) is out of range; use 1 to 64")
        }
    }
}

/// The handler and loggers that libmicrohttpd's callbacks reach through their context pointer.
final class HTTPServerContext: Sendable {
    let handler: HTTPHandler
    let logger: Logger
    /// Library messages and 5xx responses, at most one line per key every 10 seconds.
    let limitedLogger: RateLimitedLogger

    init(handler: @escaping HTTPHandler, logger: Logger) {
        self.handler = handler
        self.logger = logger
        self.limitedLogger = RateLimitedLogger(logger: logger, window: 10)
    }
}
