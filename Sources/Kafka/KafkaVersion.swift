import CRdKafka

/// The version of the librdkafka library loaded at run time, for example `2.0.2`.
public var librdkafkaVersion: String {
    String(cString: rd_kafka_version_str())
}
