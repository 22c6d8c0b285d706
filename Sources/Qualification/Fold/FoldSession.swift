/// Folds a stream of events into one `ContactState` per contact, in memory,
/// and counts what happened to each event.
///
/// This is the batch path of the command-line tools and benchmarks; the
/// service keeps its states per partition instead.
public struct FoldSession: Sendable {
    /// Event counts by outcome.
    public struct Tally: Sendable, Equatable {
        public var folded = 0
        /// Skipped because the event id or the input offset was already folded.
        public var duplicates = 0
        /// Rejected by the decoder.
        public var invalid = 0

        public init() {}

        public var total: Int { folded + duplicates + invalid }
    }

    public let decoder: EventDecoder
    public private(set) var contacts: [String: ContactState] = [:]
    public private(set) var tally = Tally()

    public init(decoder: EventDecoder = EventDecoder()) {
        self.decoder = decoder
    }

    /// Folds a decoded event into its contact's state, creating the state on the contact's first event.
    @discardableResult
    public mutating func fold(_ event: Event, from source: EventSource? = nil) -> FoldOutcome {
        let outcome = contacts[event.contactID, default: ContactState(contactID: event.contactID)]
            .fold(event, from: source)
        if outcome == .folded {
            tally.folded += 1
        } else {
            tally.duplicates += 1
        }
        return outcome
    }

    /// Decodes and folds one event; a decoding error is counted as invalid and rethrown.
    @discardableResult
    public mutating func fold(json bytes: UnsafeRawBufferPointer,
                              from source: EventSource? = nil) throws(EventDecodingError) -> FoldOutcome {
        let event: Event
        do {
            event = try decoder.decode(bytes)
        } catch {
            tally.invalid += 1
            throw error
        }
        return fold(event, from: source)
    }

    /// Counts an event that was rejected before it reached the session, for
    /// callers that decode on their own.
    public mutating func countInvalid() {
        tally.invalid += 1
    }
}
