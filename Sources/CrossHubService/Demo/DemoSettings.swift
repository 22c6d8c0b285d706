/// Settings of one `crosshub demo` run.
public struct DemoSettings: Sendable, Equatable {
    /// The generated population: contacts, window, seed, and the shares of
    /// duplicate and invalid lines injected so that deduplication and dead
    /// letters show in the summary.
    public var population: JourneyGeneratorOptions

    /// Partitions of every topic, inputs, outputs, dead letters and changelog alike.
    public var partitions = 6

    public var guarantee: DeliveryGuarantee = .exactlyOnce

    /// Sales qualified leads listed in the summary, highest score first.
    public var topSQLCount = 5

    /// Maximum time from the first published record until the service has
    /// consumed every record, before the run fails.
    public var catchUpTimeout: Duration = .seconds(300)

    /// Maximum time for the service to join the group and restore its partitions.
    public var readyTimeout: Duration = .seconds(60)

    /// Maximum input bytes published but not yet committed by the service,
    /// per partition of each input topic.
    ///
    /// The embedded broker keeps about 5 MiB per partition and drops the
    /// oldest batches beyond that, so publishing far ahead of the service
    /// could drop records it has not read yet. Keys spread records over the
    /// partitions, so 1 MiB on average leaves room for uneven partitions.
    public var backlogBytesPerPartition = 1 << 20

    /// Creates the default settings: 2,000 contacts over 90 days with seed 1, 2 % duplicate
    /// journey events and 1 % invalid lines, 6 partitions, exactly-once.
    public init() {
        population = JourneyGeneratorOptions()
        population.contacts = 2_000
        population.duplicateRate = 0.02
        population.invalidRate = 0.01
    }

    /// Checks every setting.
    ///
    /// - Throws: ``DemoError`` naming the first invalid setting, its value and the accepted range.
    public func validate() throws(DemoError) {
        do {
            try population.validate()
        } catch {
            throw DemoError("\(error)")
        }
        guard (1...64).contains(partitions) else {
            throw DemoError("invalid value '\(partitions)' for --partitions: expected an integer from 1 to 64")
        }
        guard topSQLCount >= 0 else {
            throw DemoError("invalid value '\(topSQLCount)' for --top: expected 0 or more")
        }
    }
}

/// A failed demo run, with a message that names what failed and what to do.
public struct DemoError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
