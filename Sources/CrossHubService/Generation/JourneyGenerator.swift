import Dispatch
import Foundation

/// Generates synthetic but realistic contact journeys as input events.
///
/// Each contact is planned from its own random stream (derived from the seed
/// and the contact number), and duplicates and invalid lines come from a
/// second stream per contact. So the output depends only on the options:
/// the same options give byte-identical output on every platform, whatever
/// the number of worker threads, and changing `duplicateRate`,
/// `invalidRate`, `shuffle` or `family` never changes the journeys.
///
/// ```swift
/// var options = JourneyGeneratorOptions()
/// options.contacts = 10_000
/// let batch = try JourneyGenerator(options: options).generate()
/// for index in 0..<batch.count { batch.withValue(at: index) { topic, key, value in ... } }
/// ```
public struct JourneyGenerator: Sendable {
    public let options: JourneyGeneratorOptions
    let context: JourneyContext

    /// Contacts planned per unit of parallel work.
    static let contactsPerChunk = 512

    /// - Throws: `JourneyGeneratorOptionsError` when a setting is out of range.
    public init(options: JourneyGeneratorOptions) throws(JourneyGeneratorOptionsError) {
        try options.validate()
        self.options = options
        context = JourneyContext(start: options.start, end: options.end,
                                 calendar: CampaignCalendar(start: options.start, end: options.end))
    }

    /// Returns every line in output order: by `occurred_at`, ties by event id
    /// bytes, unless `options.shuffle` is set.
    public func events() -> [GeneratedEvent] {
        generate().events
    }

    /// Generates every line into one batch.
    ///
    /// - Parameter concurrently: plans contacts on all cores when true, on
    ///   the calling thread when false. The output is the same either way.
    public func generate(concurrently: Bool = true) -> GeneratedEventBatch {
        guard concurrently else {
            return assemble([generateChunk(contacts: 0..<options.contacts)])
        }
        let chunkCount = (options.contacts + Self.contactsPerChunk - 1) / Self.contactsPerChunk
        let results = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let first = chunk * Self.contactsPerChunk
            let last = min(options.contacts, first + Self.contactsPerChunk)
            results.store(generateChunk(contacts: first..<last), at: chunk)
        }
        return assemble(results.all())
    }

    // MARK: - Chunks

    /// The lines of a range of contacts, with byte offsets local to `storage`.
    struct Chunk: Sendable {
        var storage: [UInt8] = []
        var records: [GeneratedEventBatch.Record] = []
        var summary = GenerationSummary()
    }

    func generateChunk(contacts: Range<Int>) -> Chunk {
        var chunk = Chunk()
        chunk.storage.reserveCapacity(contacts.count * 8 * 1024)
        chunk.records.reserveCapacity(contacts.count * 40)
        let encoder = JourneyEventEncoder(campaignIDs: context.calendar.ids)
        let invalidLines = InvalidLineBuilder(encoder: encoder)
        // An invalid line follows a journey event with probability q, so that
        // invalid lines make up `invalidRate` of all lines: q / (1 + q) = rate.
        let invalidChance = options.invalidRate / (1 - options.invalidRate)
        var builder = JSONLineBuilder(capacity: 1024)

        for contactNumber in contacts {
            let contactID = options.contactIDPrefix + String(contactNumber)
            var planner = JourneyPlanner(context: context, contactNumber: contactNumber,
                                         random: RandomSource(seed: options.seed, stream: UInt64(contactNumber) * 2))
            let journey = planner.plan()
            let utcOffsetSeconds = options.localTimes ? planner.traits.utcOffsetHours * 3600 : 0
            var injections = RandomSource(seed: options.seed, stream: UInt64(contactNumber) * 2 + 1)
            chunk.summary.count(planner.traits)

            let keyStart = chunk.storage.count
            chunk.storage.append(contentsOf: contactID.utf8)
            let keyCount = chunk.storage.count - keyStart

            for (index, event) in journey.enumerated() {
                let eventID = JourneyEventEncoder.eventID(contactID: contactID, sequence: index + 1)
                builder.reset()
                encoder.encode(event, eventID: eventID, contactID: contactID, contactNumber: contactNumber,
                               utcOffsetSeconds: utcOffsetSeconds, into: &builder)
                let isDuplicated = injections.chance(options.duplicateRate)
                // Invalid lines are built before the topic filter so that
                // filtered events consume the same random draws.
                var invalidLine: (kind: InvalidLineKind, bytes: [UInt8])?
                if injections.chance(invalidChance) {
                    let kind = InvalidLineKind.allCases[injections.weightedIndex(InvalidLineKind.weights)]
                    invalidLine = (kind, invalidLines.build(kind, from: event, eventID: eventID, contactID: contactID,
                                                             contactNumber: contactNumber, using: &injections))
                }
                let family = event.payload.family
                guard options.family == nil || options.family == family else { continue }

                let valueStart = chunk.storage.count
                chunk.storage.append(contentsOf: builder.bytes)
                // The value starts with `{"event_id":"`, so the id follows at byte 13.
                var record = GeneratedEventBatch.Record(
                    time: event.time, valueStart: valueStart, valueCount: builder.bytes.count,
                    sortIDStart: valueStart + 13, sortIDCount: eventID.utf8.count,
                    keyStart: keyStart, keyCount: keyCount, family: family,
                    typeIndex: UInt8(event.payload.typeIndex), origin: .journey)
                chunk.records.append(record)

                if isDuplicated {
                    record.origin = .duplicate
                    chunk.records.append(record)
                }

                if let (kind, line) = invalidLine {
                    let lineStart = chunk.storage.count
                    chunk.storage.append(contentsOf: line)
                    let sortIDStart = chunk.storage.count
                    chunk.storage.append(contentsOf: eventID.utf8)
                    chunk.storage.append(contentsOf: "-1".utf8)
                    chunk.records.append(GeneratedEventBatch.Record(
                        time: event.time, valueStart: lineStart, valueCount: line.count,
                        sortIDStart: sortIDStart, sortIDCount: chunk.storage.count - sortIDStart,
                        keyStart: keyStart, keyCount: keyCount, family: family,
                        typeIndex: UInt8(event.payload.typeIndex), origin: .invalid(kind)))
                }
            }
        }
        return chunk
    }

    // MARK: - Assembly

    /// Joins the chunks in contact order, then sorts or shuffles the lines.
    func assemble(_ chunks: [Chunk]) -> GeneratedEventBatch {
        var storage: [UInt8] = []
        storage.reserveCapacity(chunks.reduce(0) { $0 + $1.storage.count })
        var records: [GeneratedEventBatch.Record] = []
        records.reserveCapacity(chunks.reduce(0) { $0 + $1.records.count })
        var summary = GenerationSummary()

        for chunk in chunks {
            let base = storage.count
            storage.append(contentsOf: chunk.storage)
            for var record in chunk.records {
                record.valueStart += base
                record.sortIDStart += base
                record.keyStart += base
                records.append(record)
            }
            summary.merge(chunk.summary)
        }

        var order = Array(0..<records.count)
        if options.shuffle {
            var random = RandomSource(seed: options.seed, stream: UInt64.max)
            random.shuffle(&order)
        } else {
            // Sorting compact keys keeps the common case, different times, in cache.
            var keys = records.enumerated().map { SortKey(time: $0.element.time, index: $0.offset) }
            storage.withUnsafeBufferPointer { bytes in
                records.withUnsafeBufferPointer { records in
                    keys.sort { Self.precedes($0, $1, records: records, bytes: bytes) }
                }
            }
            order = keys.map(\.index)
        }

        let ordered = order.map { records[$0] }
        summary.count(ordered, topics: options.topics)
        return GeneratedEventBatch(storage: storage, records: ordered, topics: options.topics, summary: summary)
    }

    private struct SortKey {
        var time: Int64
        var index: Int
    }

    /// Orders by time, then by event id bytes, then by generation order, so
    /// that the order is total and does not depend on the sort algorithm.
    private static func precedes(_ left: SortKey, _ right: SortKey,
                                 records: UnsafeBufferPointer<GeneratedEventBatch.Record>,
                                 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if left.time != right.time { return left.time < right.time }
        let lhs = records[left.index]
        let rhs = records[right.index]
        let common = min(lhs.sortIDCount, rhs.sortIDCount)
        for offset in 0..<common {
            let left = bytes[lhs.sortIDStart + offset]
            let right = bytes[rhs.sortIDStart + offset]
            if left != right { return left < right }
        }
        if lhs.sortIDCount != rhs.sortIDCount { return lhs.sortIDCount < rhs.sortIDCount }
        return left.index < right.index
    }
}

/// Per-chunk results written by `concurrentPerform` workers.
///
/// `@unchecked Sendable` is safe because every access to `chunks` happens
/// with `lock` locked.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [JourneyGenerator.Chunk]

    init(count: Int) {
        chunks = Array(repeating: JourneyGenerator.Chunk(), count: count)
    }

    func store(_ chunk: JourneyGenerator.Chunk, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        chunks[index] = chunk
    }

    func all() -> [JourneyGenerator.Chunk] {
        lock.lock()
        defer { lock.unlock() }
        return chunks
    }
}

extension GenerationSummary {
    mutating func count(_ traits: ContactTraits) {
        contacts += 1
        contactsBySegment[traits.segment, default: 0] += 1
        if traits.isHot { hotContacts += 1 }
        if traits.isExistingCustomer { existingCustomers += 1 }
    }

    /// Counts the lines of `records` by topic, origin and event type.
    mutating func count(_ records: [GeneratedEventBatch.Record], topics: InputTopics) {
        var byFamily = [Int](repeating: 0, count: InputTopicFamily.allCases.count)
        var byType = [Int](repeating: 0, count: EventPayload.typeNames.count)
        for record in records {
            byFamily[record.family.rawValue] += 1
            switch record.origin {
            case .journey:
                journeyEvents += 1
                byType[Int(record.typeIndex)] += 1
            case .duplicate:
                duplicates += 1
            case .invalid(let kind):
                invalidLines[kind, default: 0] += 1
            }
        }

        lines += records.count
        for family in InputTopicFamily.allCases where byFamily[family.rawValue] > 0 {
            linesByTopic[topics.topic(for: family), default: 0] += byFamily[family.rawValue]
        }
        for (index, count) in byType.enumerated() where count > 0 {
            journeyEventsByType[EventPayload.typeNames[index], default: 0] += count
        }
    }

    /// Adds the contact counts of `other`; line counts are taken after assembly.
    mutating func merge(_ other: GenerationSummary) {
        contacts += other.contacts
        hotContacts += other.hotContacts
        existingCustomers += other.existingCustomers
        for (segment, count) in other.contactsBySegment {
            contactsBySegment[segment, default: 0] += count
        }
    }
}
