import Qualification

extension HTTPResponse {
    /// Makes an error response in the one shape the server uses for every
    /// error it writes: an `application/json` object whose `error` field is
    /// `message`, followed by the fields that `details` writes.
    ///
    /// - Parameter details: writes more fields into the object, such as `contact_id`.
    public static func error(_ message: String, status: Int, headers: [HTTPHeader] = [],
                             details: (inout JSONWriter) -> Void = { _ in }) -> HTTPResponse {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("error", message)
        details(&writer)
        writer.endObject()
        return HTTPResponse(status: status, contentType: "application/json", headers: headers, body: writer.bytes)
    }
}
