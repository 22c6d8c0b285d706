import CRdKafka

/// An error from librdkafka or from this wrapper.
///
/// Errors that librdkafka reports carry its numeric ``code``, the code's
/// symbolic ``name`` (for example `_TIMED_OUT` or `NOT_LEADER_FOR_PARTITION`)
/// and its message. ``kind`` separates them from the errors this wrapper
/// raises on its own, which have no librdkafka code.
///
/// The three flags follow librdkafka's error classes for transactional and
/// idempotent producers:
/// - ``isRetriable``: the same call may succeed if made again.
/// - ``transactionRequiresAbort``: the current transaction cannot commit.
///   Abort it, rewind the input and begin a new one.
/// - ``isFatal``: the client instance cannot be used any more. Close it and
///   create a new one, or stop the process.
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The origin of an error.
    public enum Kind: Sendable, Hashable {
        /// librdkafka reported the error, and ``KafkaError/code`` is its code.
        case librdkafka
        /// A configuration property is unknown or has an invalid value.
        case invalidConfiguration
        /// An argument of a wrapper call is invalid, for example an empty topic name.
        case invalidArgument
        /// The client was used after `close()`.
        case clientClosed
        /// The broker does not implement the request, for example CreateTopics on the embedded broker.
        case unsupportedByBroker
    }

    /// The origin of the error.
    public let kind: Kind
    /// librdkafka's error code, or ``Code/unknown`` when ``kind`` is not ``Kind/librdkafka``
    /// and no code applies.
    public let code: Code
    /// The message, naming the value at fault and what to do.
    public let message: String
    /// True when the same operation may succeed if it is made again.
    public let isRetriable: Bool
    /// True when the client instance is unusable and must be replaced.
    public let isFatal: Bool
    /// True when the current transaction must be aborted before any other transactional call.
    public let transactionRequiresAbort: Bool
    /// The topic the error concerns, when librdkafka reported one.
    public let topic: String?
    /// The partition the error concerns, when librdkafka reported one.
    public let partition: Int32?

    /// Creates an error. Prefer the static constructors; this one exists for tests and adapters.
    public init(kind: Kind, code: Code = .unknown, message: String,
                isRetriable: Bool = false, isFatal: Bool = false,
                transactionRequiresAbort: Bool = false,
                topic: String? = nil, partition: Int32? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.isRetriable = isRetriable
        self.isFatal = isFatal
        self.transactionRequiresAbort = transactionRequiresAbort
        self.topic = topic
        self.partition = partition
    }

    /// librdkafka's symbolic name of ``code``, for example `_TIMED_OUT`.
    public var name: String {
        code.name
    }

    public var description: String {
        var text = "\(message) [\(name)"
        if let topic {
            text += " topic=\(topic)"
            if let partition { text += " partition=\(partition)" }
        }
        var flags: [String] = []
        if isRetriable { flags.append("retriable") }
        if transactionRequiresAbort { flags.append("transaction requires abort") }
        if isFatal { flags.append("fatal") }
        if !flags.isEmpty { text += " " + flags.joined(separator: ", ") }
        return text + "]"
    }
}

extension KafkaError {
    /// Creates an error from a bare librdkafka response code and an optional context prefix.
    ///
    /// `_FATAL` is resolved to the underlying fatal error of `client`, when given,
    /// through `rd_kafka_fatal_error`.
    init(code rawCode: rd_kafka_resp_err_t, context: String? = nil,
         message: String? = nil, topic: String? = nil, partition: Int32? = nil,
         client: OpaquePointer? = nil) {
        var resolvedCode = Code(rawCode)
        var text = message ?? String(cString: rd_kafka_err2str(rawCode))
        var fatal = rawCode == RD_KAFKA_RESP_ERR__FATAL

        if fatal, let client {
            var buffer = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(client, &buffer, buffer.count)
            if underlying != RD_KAFKA_RESP_ERR_NO_ERROR {
                resolvedCode = Code(underlying)
                text = string(fromBuffer: buffer)
                fatal = true
            }
        }

        if let context { text = "\(context): \(text)" }
        self.init(kind: .librdkafka, code: resolvedCode, message: text,
                  isRetriable: resolvedCode.isRetriableByDefault, isFatal: fatal,
                  topic: topic, partition: partition)
    }

    /// Creates an error from an `rd_kafka_error_t` and destroys it, which the caller must not use again.
    init(consuming error: OpaquePointer, context: String? = nil) {
        let code = Code(rd_kafka_error_code(error))
        var text = String(cString: rd_kafka_error_string(error))
        if let context { text = "\(context): \(text)" }
        self.init(kind: .librdkafka, code: code, message: text,
                  isRetriable: rd_kafka_error_is_retriable(error) != 0,
                  isFatal: rd_kafka_error_is_fatal(error) != 0,
                  transactionRequiresAbort: rd_kafka_error_txn_requires_abort(error) != 0)
        rd_kafka_error_destroy(error)
    }

    /// Throws when `error` is not null, destroying it.
    static func check(_ error: OpaquePointer?, context: String) throws {
        if let error {
            throw KafkaError(consuming: error, context: context)
        }
    }

    /// Throws when `code` is not `NO_ERROR`.
    static func check(_ code: rd_kafka_resp_err_t, context: String, client: OpaquePointer? = nil) throws {
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(code: code, context: context, client: client)
        }
    }

    static func clientClosed(_ operation: String) -> KafkaError {
        KafkaError(kind: .clientClosed, code: .state,
                   message: "\(operation) failed: the client is closed; create a new client")
    }

    static func invalidArgument(_ message: String) -> KafkaError {
        KafkaError(kind: .invalidArgument, code: .invalidArgument, message: message)
    }
}
