/// Routes `GET` requests to handlers by path pattern.
///
/// A pattern is a path whose segments are literals or one `{name}` parameter
/// each, for example `/contacts/{id}`. Matching splits the raw request path
/// at `/` first and percent-decodes each segment afterwards, so an escaped
/// slash (`%2F`) stays inside its segment. Routes are tried in the order they
/// were added.
///
/// Responses the router makes itself, each an `HTTPResponse.error` JSON object:
/// - 414 when the path is longer than `maxPathBytes`;
/// - 404 when no pattern matches the path, whatever the method;
/// - 405 with `Allow: GET, HEAD` when a pattern matches but the method is
///   neither `GET` nor `HEAD` (the server leaves out the body for `HEAD`);
/// - 400 when a matched segment has an invalid percent-escape or does not
///   decode to UTF-8.
public struct HTTPRouter: Sendable {
    private struct Route: Sendable {
        let segments: [PatternSegment]
        let handler: HTTPHandler
    }

    private enum PatternSegment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []

    /// The maximum length of a request path the router matches, in bytes. A percent-encoded
    /// contact id of 128 four-byte characters has 1536 bytes.
    /// NOTE: a request line too large for libmicrohttpd's 32 KiB connection pool
    /// never reaches the router, because libmicrohttpd 0.9.75 answers it with its own HTML 414 page.
    public static let maxPathBytes = 8192

    public init() {}

    /// Adds a route for `GET` and `HEAD` requests whose path matches `pattern`.
    ///
    /// - Parameter pattern: an absolute path such as `/metrics` or `/contacts/{id}`.
    public mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) {
        let segments = Self.split(pattern).map { segment -> PatternSegment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
        routes.append(Route(segments: segments, handler: handler))
    }

    /// Returns the response of the first route that matches `request`, or the router's own 400, 404, 405 or 414.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let pathBytes = request.path.utf8.count
        guard pathBytes <= Self.maxPathBytes else {
            return .error("request path is \(pathBytes) bytes long; the maximum is \(Self.maxPathBytes)", status: 414)
        }

        let pathSegments = Self.split(request.path)
        for route in routes {
            guard let captured = Self.match(route.segments, pathSegments) else { continue }

            guard request.method == "GET" || request.method == "HEAD" else {
                return .error("method \(request.method) is not allowed on \(request.path); use GET",
                              status: 405, headers: [HTTPHeader("Allow", "GET, HEAD")])
            }

            var parameters: [String: String] = [:]
            for (name, raw) in captured {
                guard let decoded = PercentDecoding.decode(raw) else {
                    return .error("invalid percent-encoding in path segment '\(raw)': use %HH escapes of UTF-8 bytes",
                                  status: 400)
                }
                parameters[name] = decoded
            }
            var routed = request
            routed.parameters = parameters
            return route.handler(routed)
        }
        return .error("no resource at \(request.path)", status: 404)
    }

    /// The router as a handler for `HTTPServer`.
    public var handler: HTTPHandler {
        let router = self
        return { request in router.respond(to: request) }
    }

    /// Splits a path at `/`, keeping empty segments so that `/a/` and `/a` differ.
    private static func split(_ path: String) -> [Substring] {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.first == "" {
            segments.removeFirst()
        }
        return segments
    }

    /// Returns the raw values of the pattern's parameters, or nil when the path does not match.
    private static func match(_ pattern: [PatternSegment], _ path: [Substring]) -> [(String, Substring)]? {
        guard pattern.count == path.count else { return nil }
        var captured: [(String, Substring)] = []
        for (expected, actual) in zip(pattern, path) {
            switch expected {
            case .literal(let text):
                guard actual == text else { return nil }
            case .parameter(let name):
                guard !actual.isEmpty else { return nil }
                captured.append((name, actual))
            }
        }
        return captured
    }
}
