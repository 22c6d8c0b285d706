import Testing
@testable import Kafka

@Suite struct ConfigurationTests {
    @Test func unknownPropertyNamesKey() throws {
        let error = try #require(throws: KafkaError.self) {
            _ = try KafkaConsumer(configuration: KafkaConsumerConfiguration(
                bootstrapServers: "127.0.0.1:9092", properties: ["no.such.property": "1"]))
        }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.message.contains("'no.such.property'"))
        #expect(error.message.contains("No such configuration property"))
    }

    @Test func invalidValueNamesKeyAndLibraryMessage() throws {
        let error = try #require(throws: KafkaError.self) {
            _ = try KafkaProducer(configuration: KafkaProducerConfiguration(
                bootstrapServers: "127.0.0.1:9092", properties: ["enable.idempotence": "maybe"]))
        }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.message.contains("'enable.idempotence'"))
        #expect(error.message.contains("maybe"))
    }

    @Test func inconsistentPropertiesFailOnCreate() throws {
        var configuration = KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:9092", transactionalID: "scorer-0")
        configuration.enableIdempotence = false
        let error = try #require(throws: KafkaError.self) { _ = try KafkaProducer(configuration: configuration) }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.message.contains("enable.idempotence"))
    }

    @Test func secretsMaskedInPrintedConfiguration() throws {
        let recorder = HandlerRecorder()
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(bootstrapServers: "127.0.0.1:1", groupID: "scorers", properties: [
                "security.protocol": "sasl_plaintext",
                "sasl.mechanism": "PLAIN",
                "sasl.username": "scorer",
                "sasl.password": "hunter2-password",
            ]),
            handlers: recorder.handlers)
        let printed = consumer.configurationDescription

        #expect(printed.contains("sasl.password=***"))
        #expect(printed.contains("sasl.username=scorer"))
        #expect(printed.contains("group.id=scorers"))
        #expect(!printed.contains("hunter2"))
        #expect(!recorder.logs.contains { $0.message.contains("hunter2") })
        try consumer.close()
    }

    @Test func secretKeyPatterns() {
        let secret = ["sasl.password", "ssl.key.password", "ssl.keystore.password", "ssl.key.pem", "ssl_key",
                      "sasl.oauthbearer.config", "sasl.oauthbearer.client.secret", "SASL.PASSWORD", "schema.registry.basic.auth.token"]
        let plain = ["bootstrap.servers", "sasl.username", "sasl.mechanism", "ssl.key.location", "group.id", "client.id"]
        for key in secret {
            #expect(KafkaConfiguration.isSecret(key: key), "\(key) must be masked")
        }
        for key in plain {
            #expect(!KafkaConfiguration.isSecret(key: key), "\(key) must be printed")
        }
    }

    @Test func rejectedSecretValueIsMasked() throws {
        // librdkafka echoes the rejected value, which must not leak when the key is secret.
        let configuration: KafkaConfiguration = ["ssl.key.pem": "not-a-pem-hunter2", "ssl.keystore.location": "/nonexistent"]
        let error = try #require(throws: KafkaError.self) {
            _ = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:1", properties: configuration))
        }
        #expect(!error.description.contains("hunter2"))
    }

    @Test func parsingPropertyLines() throws {
        let parsed = try KafkaConfiguration(parsing: ["# comment", "", " linger.ms = 20 ", "sasl.password=a=b"])
        #expect(parsed["linger.ms"] == "20")
        #expect(parsed["sasl.password"] == "a=b")
        #expect(parsed.properties.count == 2)

        let error = try #require(throws: KafkaError.self) { _ = try KafkaConfiguration(parsing: ["sasl.password hunter2"]) }
        #expect(error.message.contains("line 1"))
        #expect(!error.message.contains("hunter2"))
    }

    @Test func rawPropertiesOverrideTypedFields() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:9092")
        #expect(configuration.librdkafkaProperties["partitioner"] == "murmur2_random")
        #expect(configuration.librdkafkaProperties["enable.idempotence"] == "true")
        configuration.properties["partitioner"] = "consistent_random"
        #expect(configuration.librdkafkaProperties["partitioner"] == "consistent_random")
    }
}
