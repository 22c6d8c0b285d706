import CRdKafka
import Foundation

/// An in-process Kafka cluster on loopback, over librdkafka's mock cluster
/// (`rdkafka_mock.h`), for tests, demos and local development.
///
/// It speaks the Kafka protocol over TCP, so any client (this package, kcat,
/// the Python client) can connect to ``bootstrapServers``. Limits of the
/// mock in librdkafka 2.0.2, checked against that version:
/// - It implements Produce, Fetch, ListOffsets, Metadata, the group and
///   offset requests, and the idempotence and transaction requests, but no
///   admin request: create topics with ``createTopic(_:partitions:replicationFactor:)``.
/// - A Metadata request that names an unknown topic creates it with 4
///   partitions, whatever the client's `allow.auto.create.topics` is set to. So
///   producing to, subscribing to or assigning a missing topic creates it.
///   ``setTopicError(_:code:)`` with `UNKNOWN_TOPIC_OR_PART` simulates a
///   missing topic instead. Listing all topics creates nothing.
/// - No compaction; each partition keeps about 5 MiB and drops older batches.
/// - ListOffsets by timestamp is not implemented: `offsets_for_times` finds
///   no offset, so a ``KafkaOffset/timestamp(milliseconds:)`` start reads from the end.
/// - TxnOffsetCommit is accepted but its offsets are not stored, so offsets
///   sent in a transaction never show up in a later OffsetFetch.
/// - A new group's first rebalance waits about 3 s.
/// - `read_committed` consumers still see aborted transactional records.
///
/// Threading: all methods are safe from any thread. The cluster's own log
/// lines reach `handlers.log` from a polling thread this object owns, never
/// from librdkafka's threads.
public final class EmbeddedKafkaCluster: @unchecked Sendable {
    // `@unchecked Sendable`: the stored properties are immutable after init,
    // the mock cluster API locks internally, and `poller` is only joined in deinit.

    /// The `bootstrap.servers` list, for example `127.0.0.1:39615,127.0.0.1:40521`.
    public let bootstrapServers: String
    /// The broker ids, 1 through the broker count.
    public let brokerIDs: [Int32]

    private let host: RDClient
    let cluster: OpaquePointer
    private let poller: RDMainQueuePoller

    /// Starts `brokers` brokers on loopback ports chosen by the system.
    ///
    /// - Throws: ``KafkaError`` when the host client or the mock cluster cannot be created.
    public init(brokers: Int = 1, handlers: KafkaClientHandlers = KafkaClientHandlers()) throws {
        guard brokers >= 1 else {
            throw KafkaError.invalidArgument("an embedded cluster needs at least 1 broker, got \(brokers)")
        }
        // The mock cluster needs a client handle for its bookkeeping. This one
        // never connects anywhere, so its missing bootstrap.servers warning is
        // silenced. The brokers' sockets take the handle's socket settings.
        // With Nagle's algorithm on, a small response written while the
        // previous one is unacknowledged waits for the client's delayed ACK,
        // about 40 ms on Linux, which stalled every transaction commit.
        host = try RDClient(type: RD_KAFKA_PRODUCER,
                            configuration: ["client.id": "embedded-kafka-host", "log_level": "3",
                                            "socket.nagle.disable": "true"],
                            handlers: handlers)
        guard let cluster = rd_kafka_mock_cluster_new(host.handle, Int32(clamping: brokers)) else {
            throw KafkaError(kind: .librdkafka, code: .state,
                             message: "starting the embedded Kafka cluster with \(brokers) brokers failed; see the log for librdkafka's reason")
        }
        self.cluster = cluster
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
        brokerIDs = (1...Int32(clamping: brokers)).map { $0 }
        poller = RDMainQueuePoller(client: host)
        EmbeddedKafkaClusterRegistry.register(bootstrapServers)
        host.context.log(.info, "embedded Kafka cluster started: \(brokers) brokers at \(bootstrapServers)")
    }

    deinit {
        EmbeddedKafkaClusterRegistry.unregister(bootstrapServers)
        poller.stop()
        rd_kafka_mock_cluster_destroy(cluster)
        host.context.log(.info, "embedded Kafka cluster stopped: \(bootstrapServers)")
    }

    /// Creates a topic. Replication is bookkeeping only: every broker
    /// serves from the same in-memory log.
    ///
    /// - Throws: ``KafkaError`` when the topic exists or an argument is invalid.
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws {
        guard !name.isEmpty, partitions >= 1, replicationFactor >= 1, replicationFactor <= brokerIDs.count else {
            throw KafkaError.invalidArgument("invalid topic '\(name)': needs a name, at least 1 partition and a replication factor from 1 to \(brokerIDs.count), got \(partitions) partitions and replication factor \(replicationFactor)")
        }
        try KafkaError.check(rd_kafka_mock_topic_create(cluster, name, Int32(partitions), Int32(replicationFactor)),
                             context: "creating topic '\(name)' on the embedded cluster")
    }
}

/// The bootstrap addresses of the embedded clusters alive in this process,
/// so that admin requests the mock cannot serve fail at once with a clear
/// error instead of waiting for a controller that never responds.
enum EmbeddedKafkaClusterRegistry {
    private static let addresses = Locked<Set<String>>([])

    static func register(_ bootstrapServers: String) {
        addresses.withLock { $0.formUnion(split(bootstrapServers)) }
    }

    static func unregister(_ bootstrapServers: String) {
        addresses.withLock { $0.subtract(split(bootstrapServers)) }
    }

    /// Returns true when any address of `bootstrapServers` belongs to a live embedded cluster.
    static func contains(anyOf bootstrapServers: String) -> Bool {
        let candidates = split(bootstrapServers)
        return addresses.withLock { !$0.isDisjoint(with: candidates) }
    }

    private static func split(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { String($0).trimmingWhitespace() })
    }
}

/// Serves a client's main queue from a thread of its own, for a handle that
/// no caller polls (the embedded cluster's host handle).
final class RDMainQueuePoller: @unchecked Sendable {
    // `@unchecked Sendable`: `running` is guarded by its lock; `client` is immutable.
    private let client: RDClient
    private let running = Locked(true)
    private let finished = DispatchSemaphore(value: 0)

    init(client: RDClient) {
        self.client = client
        let thread = Thread { [self] in
            while running.withLock({ $0 }) {
                client.pollMainQueue(timeoutMilliseconds: 100)
            }
            finished.signal()
        }
        thread.name = "embedded-kafka-poller"
        thread.start()
    }

    /// Stops the thread and waits for it to exit (at most one poll interval, 100 ms).
    func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        if wasRunning { finished.wait() }
    }
}
