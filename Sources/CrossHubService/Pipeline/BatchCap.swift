/// The record cap of the open batch, chosen from how many records the
/// consumer has already fetched.
///
/// While the consumer keeps up with the log, a batch closes at
/// `--batch-max-events` records or after `--commit-interval-ms`, whichever
/// comes first, so a record waits about one interval at low load. When at
/// least another `--batch-max-events` records are already fetched and
/// queued, the instance is behind the log, and the cap rises to
/// `--backlog-batch-max-events`. One transaction and one rescoring of each
/// touched contact then cover more records. The commit interval still
/// closes a batch in either case.
struct BatchCap: Equatable {
    /// The cap while the consumer keeps up.
    let normal: Int
    /// The cap while records are waiting; never below ``normal``.
    let backlog: Int

    init(normal: Int, backlog: Int) {
        self.normal = normal
        self.backlog = max(normal, backlog)
    }

    init(_ configuration: ServiceConfiguration) {
        self.init(normal: configuration.batchMaxEvents, backlog: configuration.backlogBatchMaxEvents)
    }

    /// Returns the cap for the open batch when `queued` records are fetched and waiting for the next poll.
    func limit(queued: Int) -> Int {
        queued >= normal ? backlog : normal
    }
}
