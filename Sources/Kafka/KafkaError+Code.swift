import CRdKafka

extension KafkaError {
    /// A librdkafka error code (`rd_kafka_resp_err_t`).
    ///
    /// Negative values are librdkafka's local errors (names start with `_`),
    /// positive values are Kafka protocol error codes. The constants below are
    /// the ones this package and its callers test for; any other code can be
    /// created from its raw value.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: Int32

        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        init(_ code: rd_kafka_resp_err_t) {
            self.rawValue = code.rawValue
        }

        var cValue: rd_kafka_resp_err_t {
            rd_kafka_resp_err_t(rawValue: rawValue)
        }

        /// librdkafka's symbolic name, for example `_TIMED_OUT` or `NOT_LEADER_FOR_PARTITION`.
        public var name: String {
            String(cString: rd_kafka_err2name(cValue))
        }

        /// librdkafka's one-line description of the code.
        public var text: String {
            String(cString: rd_kafka_err2str(cValue))
        }

        public var description: String { name }

        public static let noError = Code(RD_KAFKA_RESP_ERR_NO_ERROR)
        /// Used by wrapper errors that have no librdkafka code (`RD_KAFKA_RESP_ERR__FAIL`).
        public static let unknown = Code(RD_KAFKA_RESP_ERR__FAIL)
        public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
        public static let state = Code(RD_KAFKA_RESP_ERR__STATE)
        public static let timedOut = Code(RD_KAFKA_RESP_ERR__TIMED_OUT)
        public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        public static let transport = Code(RD_KAFKA_RESP_ERR__TRANSPORT)
        public static let allBrokersDown = Code(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
        public static let fenced = Code(RD_KAFKA_RESP_ERR__FENCED)
        public static let unknownTopic = Code(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
        public static let unknownPartition = Code(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        public static let unsupportedFeature = Code(RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE)
        public static let noOffset = Code(RD_KAFKA_RESP_ERR__NO_OFFSET)
        public static let partitionEOF = Code(RD_KAFKA_RESP_ERR__PARTITION_EOF)
        public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        public static let notLeaderForPartition = Code(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
        public static let leaderNotAvailable = Code(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
        public static let requestTimedOut = Code(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
        public static let messageSizeTooLarge = Code(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
        public static let notEnoughReplicas = Code(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
        public static let notCoordinator = Code(RD_KAFKA_RESP_ERR_NOT_COORDINATOR)
        public static let coordinatorNotAvailable = Code(RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE)
        public static let topicAlreadyExists = Code(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        public static let topicAuthorizationFailed = Code(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
        public static let invalidProducerEpoch = Code(RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH)
        public static let producerFenced = Code(RD_KAFKA_RESP_ERR_PRODUCER_FENCED)
        public static let invalidTransactionState = Code(RD_KAFKA_RESP_ERR_INVALID_TXN_STATE)
        public static let concurrentTransactions = Code(RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS)
        public static let unsupportedVersion = Code(RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION)
        public static let invalidMessage = Code(RD_KAFKA_RESP_ERR_INVALID_MSG)
        public static let invalidMessageSize = Code(RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE)
        public static let recordListTooLarge = Code(RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE)
        public static let invalidTimestamp = Code(RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP)
        public static let invalidRecord = Code(RD_KAFKA_RESP_ERR_INVALID_RECORD)

        /// True for codes with which the client or the broker rejects a
        /// produced record itself, so that sending the same record again
        /// fails the same way. They cover a record above `message.max.bytes`,
        /// a record the broker finds invalid, and an explicit partition the topic does not have.
        public var rejectsRecord: Bool {
            Self.recordRejectionCodes.contains(self)
        }

        private static let recordRejectionCodes: Set<Code> = [
            .messageSizeTooLarge, .invalidMessageSize, .recordListTooLarge, .invalidMessage,
            .invalidTimestamp, .invalidRecord, .unknownPartition,
        ]

        /// Codes that the Kafka protocol marks retriable, plus librdkafka's
        /// transient local errors. Used for errors that arrive as a bare code,
        /// without an `rd_kafka_error_t` that carries its own flag.
        var isRetriableByDefault: Bool {
            Self.retriableCodes.contains(self)
        }

        private static let retriableCodes: Set<Code> = [
            .timedOut, .messageTimedOut, .transport, .allBrokersDown, .queueFull,
            .unknownTopicOrPartition, .notLeaderForPartition, .leaderNotAvailable,
            .requestTimedOut, .notEnoughReplicas, .notCoordinator,
            .coordinatorNotAvailable, .concurrentTransactions,
            Code(RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION),
            Code(RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS),
            Code(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND),
            Code(RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR),
        ]
    }
}
