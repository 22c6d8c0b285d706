import CMicroHTTPD
import Foundation

// The C callbacks that libmicrohttpd calls on its own threads. They reach the
// server through the context pointer given at start, call the handler
// synchronously and never hand work to Swift concurrency.

/// Responds to a request on the first call for it, once the headers have arrived.
///
/// libmicrohttpd calls this once per request before any body arrives, and
/// again for each piece of body if the first call queues no response. Every
/// route responds from the request line alone, so the first call queues the
/// response and the handler never reads a request body.
let httpAccessHandler: MHD_AccessHandlerCallback = { context, connection, url, method, _, _, _, _ in
    guard let context, let connection, let url, let method else { return .NO }
    let server = Unmanaged<HTTPServerContext>.fromOpaque(context).takeUnretainedValue()

    let request = HTTPRequest(method: String(cString: method), path: String(cString: url))
    let response = server.handler(request)
    // 503 is the expected response of /readyz and /contacts while the instance starts or restores, so
    // it is not logged. The key leaves out the path, because contact ids would make the keys unbounded.
    if response.status >= 500 && response.status != 503 {
        server.limitedLogger.log(.warning, key: "http.\(response.status)", "HTTP handler returned a server error",
                                 [("http.method", request.method), ("http.path", request.path),
                                  ("http.status", String(response.status))])
    }
    return queue(response, on: connection, server: server, path: request.path)
}

/// Copies `response` into a libmicrohttpd response and queues it.
private func queue(_ response: HTTPResponse, on connection: OpaquePointer, server: HTTPServerContext,
                   path: String) -> MHD_Result {
    // libmicrohttpd rejects a status outside 100...999 and closes the connection, so a handler bug becomes a 500.
    guard (100...599).contains(response.status) else {
        server.limitedLogger.log(.error, key: "http.status", "HTTP handler returned an invalid status; sending 500",
                                 [("http.path", path), ("http.status", String(response.status))])
        return queue(.error("handler returned invalid status \(response.status)", status: 500),
                     on: connection, server: server, path: path)
    }

    let created = response.body.withUnsafeBytes { body in
        MHD_create_response_from_buffer(body.count, UnsafeMutableRawPointer(mutating: body.baseAddress),
                                        .RESPMEM_MUST_COPY)
    }
    guard let created else {
        server.limitedLogger.log(.error, key: "http.response", "HTTP response could not be created; closing the connection",
                                 [("http.path", path), ("http.body_bytes", String(response.body.count))])
        return .NO
    }
    defer { MHD_destroy_response(created) }

    // libmicrohttpd rejects header values with a line break, so a bad value drops only that header.
    for header in [HTTPHeader("Content-Type", response.contentType)] + response.headers
    where MHD_add_response_header(created, header.name, header.value) != .YES {
        server.limitedLogger.log(.warning, key: "http.header.\(header.name)", "HTTP response header rejected",
                                 [("http.path", path), ("http.header", header.name)])
    }
    return MHD_queue_response(connection, UInt32(response.status), created)
}

/// Formats libmicrohttpd's printf-style messages into the service log.
let httpLogCallback: MHD_LogCallback = { context, format, arguments in
    guard let context, let format, let arguments else { return }
    let server = Unmanaged<HTTPServerContext>.fromOpaque(context).takeUnretainedValue()

    var buffer = [CChar](repeating: 0, count: 512)
    _ = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
    let length = buffer.firstIndex(of: 0) ?? buffer.count
    let message = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    server.limitedLogger.log(.warning, key: "http.libmicrohttpd.\(String(cString: format))", "libmicrohttpd reported a problem",
                             [("error", message)])
}
