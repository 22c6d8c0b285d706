/// One HTTP request as the router receives it: the method and the path, with
/// percent-escapes still in place.
public struct HTTPRequest: Sendable, Equatable {
    /// The request method in upper case, for example `GET`.
    public var method: String
    /// The request path without the query, as sent (`/contacts/a%2Fb`).
    public var path: String
    /// Path parameters that the matching route captured, percent-decoded,
    /// keyed by the name in the route pattern (`id` for `/contacts/{id}`).
    public var parameters: [String: String]

    public init(method: String, path: String, parameters: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.parameters = parameters
    }
}

/// The reply to one request. Handlers build it from a snapshot they may read
/// from any thread; the server copies the body before the handler returns.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, for example 200 or 503.
    public var status: Int
    /// The `Content-Type` header value.
    public var contentType: String
    /// More headers, in order; `Content-Type` and `Content-Length` are set by the server.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, contentType: String, headers: [HTTPHeader] = [], body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// Makes a `text/plain` response, appending a line feed when `text` does not end with one.
    public static func text(_ text: String, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponse {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        return HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", headers: headers, body: Array(line.utf8))
    }

    /// Makes an `application/json` response whose body is `json`, which must already be one JSON text.
    public static func json(_ json: String, status: Int = 200, headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", headers: headers, body: Array(json.utf8))
    }
}

/// One response header.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Builds the response to a request. The HTTP server calls it on one of its own
/// threads, possibly on several at once, so it must only read thread-safe state.
/// It must also return quickly, because a slow handler delays the other
/// requests served by the same thread.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse
