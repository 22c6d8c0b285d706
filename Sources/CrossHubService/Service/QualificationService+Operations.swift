import Kafka
import Qualification

extension QualificationService {
    /// The operations routes of this instance: `/healthz`, `/readyz` from
    /// ``status``, `/metrics` from ``metrics``, and `/contacts/{id}` from
    /// ``lookUpContact(_:)``. Every provider copies a snapshot under a short
    /// lock, so a request never waits for a batch to finish.
    public var operationsRoutes: OperationsRoutes {
        let status = status
        let metrics = metrics
        let topics = configuration.topics
        return OperationsRoutes(
            readiness: { status.readiness() },
            metrics: {
                let ready = status.isReady
                return try metrics.snapshot().exposition(topics: topics, ready: ready).metricFamilies()
            },
            contactLookup: { [self] contactID in lookUpContact(contactID) })
    }

    /// Starts the operations endpoint on `--http-address` and `--http-port`.
    ///
    /// The server runs on its own threads until ``HTTPServer/stop()``; stop
    /// it after ``waitUntilStopped()`` so that `/readyz` reports the shutdown.
    ///
    /// - Returns: the running server, or nil when the port is nil or 0.
    /// - Throws: ``HTTPServerError`` when the address is invalid or the port
    ///   cannot be bound.
    public func startOperationsEndpoint() throws(HTTPServerError) -> HTTPServer? {
        guard let port = configuration.httpPort, port > 0 else { return nil }
        guard let port = UInt16(exactly: port) else {
            throw .invalidConfiguration("port \(port) is out of range; use 1 to 65535")
        }
        let settings = HTTPServerConfiguration(bindAddress: configuration.httpBindAddress, port: port)
        return try HTTPServer(configuration: settings, logger: logger, handler: operationsRoutes.router.handler)
    }

    /// Looks up a contact in this instance's committed state.
    ///
    /// A contact that is not held here is placed by the Java client's
    /// default partitioner (murmur2 of the id's UTF-8 bytes), the partitioner
    /// that input producers must use. Its partition is then owned by another
    /// instance, still being restored, or assigned here without an event
    /// for the contact.
    public func lookUpContact(_ contactID: String) -> ContactLookupResult {
        if let entry = contacts.lookup(contactID) {
            let features = entry.state.features()
            let qualification = scorer.score(features)
            return .found(json: ContactDocument.json(state: entry.state, partition: entry.partition,
                                                     features: features, qualification: qualification))
        }

        let status = status.snapshot()
        guard status.joinedGroup, let partitionCount = status.inputPartitionCount else {
            return .unavailable(partition: nil, reason: "this instance has no partition assignment yet; retry when /readyz returns 200")
        }
        // With --input-partitioner murmur2 (the default) every folded record sits in this partition.
        // NOTE: with --input-partitioner any and producers on another partitioner, such as librdkafka's
        // default (consistent_random, CRC32), the partition named here is not where the contact's events went.
        let partition = KafkaPartitioner.partition(forKey: Array(contactID.utf8), partitionCount: partitionCount)
        guard status.assignedPartitions.contains(partition) else {
            return .ownedElsewhere(partition: partition)
        }
        guard status.restoredPartitions.contains(partition) else {
            return .unavailable(partition: partition, reason: "partition \(partition) is being restored from the changelog; retry when /readyz returns 200")
        }
        return .notFound
    }
}
