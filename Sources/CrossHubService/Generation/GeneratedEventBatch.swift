/// The output of a generator run: every line in output order, stored in one
/// byte buffer so that a million events need two allocations, not a million.
///
/// Read it by index (`count`, `event(at:)`), iterate the raw bytes without
/// copying (`withValue(at:_:)`), or write it as lines (`write(format:to:)`).
public struct GeneratedEventBatch: Sendable {
    struct Record: Sendable {
        /// Seconds since the Unix epoch, for ordering.
        var time: Int64
        var valueStart: Int
        var valueCount: Int
        /// The bytes compared after the time when ordering: the event id
        /// inside the value, or a stand-in for invalid lines.
        var sortIDStart: Int
        var sortIDCount: Int
        var keyStart: Int
        var keyCount: Int
        var family: InputTopicFamily
        /// Index into `EventPayload.typeNames`.
        var typeIndex: UInt8
        var origin: GeneratedEvent.Origin
    }

    let storage: [UInt8]
    let records: [Record]
    let topics: InputTopics

    /// Counts of what the run produced.
    public let summary: GenerationSummary

    /// Number of output lines.
    public var count: Int { records.count }

    /// Returns line `index` as a standalone value.
    public func event(at index: Int) -> GeneratedEvent {
        let record = records[index]
        return GeneratedEvent(
            topic: topics.topic(for: record.family),
            key: String(decoding: storage[record.keyStart..<(record.keyStart + record.keyCount)], as: UTF8.self),
            value: Array(storage[record.valueStart..<(record.valueStart + record.valueCount)]),
            occurredAt: record.time, eventType: EventPayload.typeNames[Int(record.typeIndex)], origin: record.origin)
    }

    /// Every line as a standalone value, in output order.
    public var events: [GeneratedEvent] {
        (0..<records.count).map(event(at:))
    }

    /// Calls `body` with line `index`'s topic, key bytes and value bytes.
    /// The buffers are valid only inside `body`.
    public func withValue<Result>(
        at index: Int,
        _ body: (_ topic: String, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        let record = records[index]
        return try storage.withUnsafeBytes { buffer in
            let key = UnsafeRawBufferPointer(rebasing: buffer[record.keyStart..<(record.keyStart + record.keyCount)])
            let value = UnsafeRawBufferPointer(
                rebasing: buffer[record.valueStart..<(record.valueStart + record.valueCount)])
            return try body(topics.topic(for: record.family), key, value)
        }
    }

    /// Writes every line, each ended by `\n`, in chunks of about 1 MiB.
    ///
    /// - Parameter sink: receives each chunk; the buffer is valid only
    ///   during the call. An error it throws stops the writing and is rethrown.
    public func write(format: GeneratedEventFormat,
                      to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let chunkLimit = 1 << 20
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkLimit + 80_000)

        try storage.withUnsafeBytes { buffer in
            for record in records {
                if format == .kcat {
                    chunk.append(contentsOf: buffer[record.keyStart..<(record.keyStart + record.keyCount)])
                    chunk.append(UInt8(ascii: "\t"))
                }
                chunk.append(contentsOf: buffer[record.valueStart..<(record.valueStart + record.valueCount)])
                chunk.append(UInt8(ascii: "\n"))
                if chunk.count >= chunkLimit {
                    try chunk.withUnsafeBytes(sink)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if !chunk.isEmpty {
            try chunk.withUnsafeBytes(sink)
        }
    }
}

/// What a generator run produced, for progress lines and test checks.
public struct GenerationSummary: Sendable, Equatable {
    public var contacts = 0
    public var contactsBySegment: [JourneySegment: Int] = [:]
    /// Contacts planned to peak at the end of the window with a strong fit and a late-stage deal.
    public var hotContacts = 0
    public var existingCustomers = 0
    /// Output lines of every kind.
    public var lines = 0
    /// Journey events emitted once each.
    public var journeyEvents = 0
    public var duplicates = 0
    public var invalidLines: [InvalidLineKind: Int] = [:]
    public var linesByTopic: [String: Int] = [:]
    /// Journey events (not duplicates or invalid lines) by `type`.
    public var journeyEventsByType: [String: Int] = [:]

    public init() {}

    public var invalidLineCount: Int {
        invalidLines.values.reduce(0, +)
    }
}
